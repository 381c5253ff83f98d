import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

export class OpenVoucherCallRequest {
  @ApiProperty({ example: 2026 })
  @IsInt({ message: 'year 须为四位年份' })
  @Min(2025)
  @Max(2100)
  year!: number;

  @ApiProperty({ enum: ['first-come', 'pro-rata'], description: 'first-come: 按完整提交先后; pro-rata: 超出预算时同比例' })
  @IsIn(['first-come', 'pro-rata'], { message: 'allocationRule 须为 first-come 或 pro-rata' })
  allocationRule!: 'first-come' | 'pro-rata';

  @ApiProperty({ example: '2026-03-01' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'claimsOpenOn 须为 YYYY-MM-DD' })
  claimsOpenOn!: string;

  @ApiProperty({ example: '2026-04-30' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'claimsCloseOn 须为 YYYY-MM-DD' })
  claimsCloseOn!: string;

  @ApiPropertyOptional({ description: '年度预算(分),默认 1 亿元(附件5 一)', example: 10_000_000_000 })
  @IsOptional()
  @IsInt()
  @Min(1)
  budgetFen?: number;

  @ApiPropertyOptional({ description: '算力券兑付期限(含当日),默认为该年度 12 月 31 日;不得早于申报截止日期', example: '2026-12-31' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'redeemableUntil 须为 YYYY-MM-DD' })
  redeemableUntil?: string;
}
