import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Length, Min, ValidateIf } from 'class-validator';

export class ReviewVoucherClaimRequest {
  @ApiProperty({ enum: ['approve', 'reject'] })
  @IsIn(['approve', 'reject'], { message: 'outcome 须为 approve 或 reject' })
  outcome!: 'approve' | 'reject';

  @ApiPropertyOptional({ description: '核定的年度算力支出(分),批准时必填' })
  @ValidateIf((body: ReviewVoucherClaimRequest) => body.outcome === 'approve')
  @IsInt({ message: 'eligibleSpendFen 须为整数分' })
  @Min(0)
  eligibleSpendFen?: number;

  @ApiPropertyOptional({ description: '不予通过的理由(必填)或批准说明' })
  @ValidateIf((body: ReviewVoucherClaimRequest) => body.outcome === 'reject')
  @IsString()
  @Length(1, 500)
  reason?: string;
}
