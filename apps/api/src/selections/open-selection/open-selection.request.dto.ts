import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  Allow,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { PROGRAMME_CODES } from '@app/domain/programmes';
import type { ProgrammeCode } from '@app/domain/programmes';

/** Who takes objections during the notice (异议受理部门) and the phone to call. */
export class NoticeContactRequest {
  @ApiProperty({ example: '湖南省工业和信息化厅科技与信息化处' })
  @IsString()
  @Length(2, 100)
  office!: string;

  @ApiProperty({ example: '0731-88888888' })
  @Matches(/^[0-9+\-() ]{7,20}$/, { message: 'noticeContact.phone must be a phone number of 7-20 digits, spaces or + - ( )' })
  phone!: string;
}

/** Any rule of the programme the call changes; checked in full by the domain (resolveCallRules). */
export class CallOverridesRequest {
  @ApiPropertyOptional({ example: { batch: 12 }, description: 'quota per tier code' })
  @IsOptional()
  @IsObject()
  quotas?: Record<string, number>;

  @ApiPropertyOptional({ description: '4-6 criteria {code, name, weight, maxPoints}, weights summing to 100' })
  @IsOptional()
  @Allow()
  rubric?: { code: string; name: string; weight: number; maxPoints: number }[];

  @ApiPropertyOptional({ example: 5 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(15)
  expertsPerDossier?: number;

  @ApiPropertyOptional({ example: 15 })
  @IsOptional()
  @IsInt()
  @Min(1)
  maxDossiersPerExpert?: number;

  @ApiPropertyOptional({ example: 3, description: '有效评审意见: valid scores each dossier needs before review closes (default 3, at most expertsPerDossier)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(15)
  minimumValidReviews?: number;

  @ApiPropertyOptional({ enum: ['mean', 'median', 'trimmed-mean', 'z-score-mean'] })
  @IsOptional()
  @IsIn(['mean', 'median', 'trimmed-mean', 'z-score-mean'])
  aggregation?: 'mean' | 'median' | 'trimmed-mean' | 'z-score-mean';

  @ApiPropertyOptional({ example: 25 })
  @IsOptional()
  @Min(0)
  @Max(100)
  disagreementSpread?: number;

  @ApiPropertyOptional({ example: 60 })
  @IsOptional()
  @Min(0)
  @Max(100)
  minimumScore?: number;

  @ApiPropertyOptional({ example: 2 })
  @IsOptional()
  @IsInt()
  @Min(0)
  reservesPerTier?: number;

  @ApiPropertyOptional({ example: 5 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(30)
  noticeWorkingDays?: number;

  @ApiPropertyOptional({ description: '{kind:"policy"} or {kind:"money", rateBasisPoints, capFen}' })
  @IsOptional()
  @IsObject()
  award?: { kind: 'policy' } | { kind: 'money'; rateBasisPoints: number; capFen: number };

  @ApiPropertyOptional({ type: NoticeContactRequest, description: '异议受理部门 and its phone, shown on the public notice' })
  @IsOptional()
  @ValidateNested()
  @Type(() => NoticeContactRequest)
  noticeContact?: NoticeContactRequest;

  @ApiPropertyOptional({
    example: { version: '2026-1', paragraphs: ['本人承诺:对评审材料严格保密。'] },
    description: 'the 保密承诺、回避声明 experts sign before reading any dossier: a version label and 1-10 paragraphs (checked by the domain); absent: the default text',
  })
  @IsOptional()
  @IsObject()
  declaration?: { version: string; paragraphs: string[] };

  @ApiPropertyOptional({
    example: [
      { code: 'online', name: '通讯评审', kind: 'online', advance: { kind: 'top-per-tier', perTier: 15 } },
      { code: 'panel', name: '会议评审', kind: 'site-visit-or-defence', rubric: [], aggregation: 'mean', minimumValidReviews: 5, defence: { noShow: 'score-zero' } },
    ],
    description:
      'review stages in order (checked by the domain): the first is the online review with the call\'s rubric and experts; later ones are panels (panel, site-visit-or-defence) with their own rubric, aggregation and minimum; every stage but the last says who goes forward (top-per-tier perTier, or threshold minimum); a defence says what a no-show means (score-zero, withdrawn, panel-scores-anyway). Absent: one online stage.',
  })
  @IsOptional()
  @IsArray()
  @Allow()
  stages?: unknown[];

  @ApiPropertyOptional({ example: { kind: 'weighted', percentByStage: { online: 40, panel: 60 } }, description: 'last-stage (default) or weighted: percent per stage code, summing to 100' })
  @IsOptional()
  @IsObject()
  finalRanking?: { kind: 'last-stage' } | { kind: 'weighted'; percentByStage: Record<string, number> };
}

export class OpenSelectionRequest {
  @ApiProperty({ enum: PROGRAMME_CODES, example: 'demo-scenario' })
  @IsIn(PROGRAMME_CODES as unknown as string[], { message: `programme must be one of ${PROGRAMME_CODES.join(', ')}` })
  programme!: ProgrammeCode;

  @ApiProperty({ example: 2026 })
  @IsInt()
  @Min(2025)
  @Max(2100)
  year!: number;

  @ApiPropertyOptional({ example: 1, description: 'batch number when a year has several (1 = 首批)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(20)
  batch?: number;

  @ApiProperty({ example: '2026-03-31', description: 'last day of submission, Asia/Shanghai' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'submissionDeadlineDate must be a date as YYYY-MM-DD' })
  submissionDeadlineDate!: string;

  @ApiPropertyOptional({ type: CallOverridesRequest })
  @IsOptional()
  @ValidateNested()
  @Type(() => CallOverridesRequest)
  overrides?: CallOverridesRequest;
}
