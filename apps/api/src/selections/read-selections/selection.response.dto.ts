import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { describePhase } from '@app/domain/selection';
import type { Selection } from '@app/domain/selection';

export class NoticeWindowResponse {
  @ApiProperty({ example: '2026-04-29' }) startsOn!: string;
  @ApiProperty({ example: '2026-05-08' }) endsOn!: string;
  @ApiProperty({ example: 5 }) workingDays!: number;
}

export class SelectionSummaryResponse {
  @ApiProperty({ example: 'demo-scenario-2026' }) id!: string;
  @ApiProperty({ example: 'demo-scenario' }) programme!: string;
  @ApiProperty({ example: 2026 }) year!: number;
  @ApiPropertyOptional({ example: 1, nullable: true }) batch!: number | null;
  @ApiProperty({ example: '2026年湖南省“人工智能+”十大示范场景' }) title!: string;
  @ApiProperty({ enum: ['open', 'formal-review', 'formal-review-closed', 'expert-review', 'review-closed', 'notice', 'awards-decided', 'published'] })
  phase!: string;
  @ApiProperty({ example: 'the selection is open for submissions until the end of 2026-03-31' }) phaseDescription!: string;
  @ApiProperty({ example: '2026-03-31' }) submissionDeadlineDate!: string;
  @ApiPropertyOptional({ type: NoticeWindowResponse, nullable: true }) notice!: NoticeWindowResponse | null;
}

export class SelectionDetailResponse extends SelectionSummaryResponse {
  @ApiProperty({ description: 'the rules this call runs under: tiers and quotas, rubric, experts per dossier, aggregation, threshold, notice length, award formula' })
  rules!: Record<string, unknown>;
  @ApiProperty({ example: '2026-03-31T15:59:59.999Z' }) submissionDeadline!: string;
  @ApiProperty({ example: '3', description: 'stream revision (also the ETag)' }) revision!: string;
}

export function selectionSummaryOf(selection: Selection): SelectionSummaryResponse {
  return {
    id: selection.selectionId,
    programme: selection.programme,
    year: selection.year,
    batch: selection.batch,
    title: selection.title,
    phase: selection.phase,
    phaseDescription: describePhase(selection),
    submissionDeadlineDate: selection.submissionDeadlineDate,
    notice: selection.notice ? { startsOn: selection.notice.startsOn, endsOn: selection.notice.endsOn, workingDays: selection.notice.workingDays } : null,
  };
}

/** A row of rm_selections (the read model the list is served from). */
export interface SelectionRow {
  id: string;
  programme: string;
  year: number;
  batch: number | null;
  title: string;
  phase: string;
  phase_description: string;
  submission_deadline_date: string;
  notice: NoticeWindowResponse | null;
}

export function selectionSummaryOfRow(row: SelectionRow): SelectionSummaryResponse {
  return {
    id: row.id,
    programme: row.programme,
    year: row.year,
    batch: row.batch,
    title: row.title,
    phase: row.phase,
    phaseDescription: row.phase_description,
    submissionDeadlineDate: row.submission_deadline_date,
    notice: row.notice ? { startsOn: row.notice.startsOn, endsOn: row.notice.endsOn, workingDays: row.notice.workingDays } : null,
  };
}
