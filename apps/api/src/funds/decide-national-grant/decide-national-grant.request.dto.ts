import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Length, Min, ValidateIf, ValidateNested } from 'class-validator';
import { IdentityDeclarationRequest } from '../../notice/decide-awards/decide-awards.request.dto';

export class DecideNationalGrantRequest {
  @ApiProperty({ enum: ['approve', 'reject'] })
  @IsIn(['approve', 'reject'], { message: 'outcome 须为 approve 或 reject' })
  outcome!: 'approve' | 'reject';

  @ApiPropertyOptional({ description: '国家级单项冠军企业:奖励金额(分),不超过 100 万元' })
  @IsOptional()
  @IsInt({ message: 'amountFen 须为整数分' })
  @Min(1)
  amountFen?: number;

  @ApiPropertyOptional({ description: '不予支持的理由' })
  @ValidateIf((body: DecideNationalGrantRequest) => body.outcome === 'reject')
  @IsString()
  @Length(1, 500)
  reason?: string;

  @ApiPropertyOptional({ type: [IdentityDeclarationRequest], description: 'after a 409 project-identity-unclear: dossierId = the application, otherDossierId = the ledger line' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => IdentityDeclarationRequest)
  identityDeclarations?: IdentityDeclarationRequest[];
}

export class DecideGrantInstalmentRequest {
  @ApiProperty({ enum: ['pay', 'suspend'] })
  @IsIn(['pay', 'suspend'], { message: 'outcome 须为 pay(拨付)或 suspend(暂停)' })
  outcome!: 'pay' | 'suspend';

  @ApiPropertyOptional({ description: '暂停拨付的理由(必填)' })
  @ValidateIf((body: DecideGrantInstalmentRequest) => body.outcome === 'suspend')
  @IsString()
  @Length(1, 500)
  reason?: string;

  @ApiPropertyOptional({ type: [IdentityDeclarationRequest] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => IdentityDeclarationRequest)
  identityDeclarations?: IdentityDeclarationRequest[];
}
