import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, Min, ValidateIf } from 'class-validator';

export const FORMAL_REVIEW_DECISIONS = ['pass', 'return', 'reject'] as const;
export type FormalReviewDecision = (typeof FORMAL_REVIEW_DECISIONS)[number];

/** 形式审查: pass (with 核定投资额 for money programmes), return for correction (补正) or reject. */
export class FormalReviewRequest {
  @ApiProperty({ enum: FORMAL_REVIEW_DECISIONS })
  @IsIn(FORMAL_REVIEW_DECISIONS as unknown as string[], { message: 'decision must be one of pass, return, reject' })
  decision!: FormalReviewDecision;

  @ApiPropertyOptional({ example: 400000000, description: '核定投资额 in fen; required to pass a money programme' })
  @ValidateIf((request: FormalReviewRequest) => request.decision === 'pass' && request.approvedInvestmentFen !== undefined)
  @IsInt()
  @Min(1)
  approvedInvestmentFen?: number;

  @ApiPropertyOptional({ example: '材料齐全', description: 'note on a pass' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;

  @ApiPropertyOptional({ example: '缺少项目投资证明材料', description: 'required to return or reject' })
  @ValidateIf((request: FormalReviewRequest) => request.decision === 'return' || request.decision === 'reject')
  @IsString()
  @IsNotEmpty({ message: 'reason is required to return or reject a dossier' })
  @MaxLength(2000)
  reason?: string;

  @ApiPropertyOptional({ example: '2026-04-10', description: 'last day to correct (Asia/Shanghai); required to return' })
  @ValidateIf((request: FormalReviewRequest) => request.decision === 'return')
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'correctionDeadlineDate must be a date as YYYY-MM-DD' })
  correctionDeadlineDate?: string;
}
