import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Length, Min } from 'class-validator';

export class IssueVoucherTrancheRequest {
  @ApiProperty({ description: '本批发放金额(分)' })
  @IsInt({ message: 'amountFen 须为整数分' })
  @Min(1)
  amountFen!: number;
}

export class RedeemVoucherRequest {
  @ApiProperty({ description: '兑付金额(分)' })
  @IsInt({ message: 'amountFen 须为整数分' })
  @Min(1)
  amountFen!: number;

  @ApiProperty({ example: '国家超级计算长沙中心' })
  @IsString()
  @Length(1, 200)
  provider!: string;

  @ApiProperty({ example: 'DF-2026-0001', description: '兑付凭证号' })
  @IsString()
  @Length(1, 100)
  reference!: string;
}
