import { ApiProperty } from '@nestjs/swagger';

export class StageAggregateResponse {
  @ApiProperty({ example: 86.5, description: 'by the stage\'s own aggregation' })
  aggregate!: number;

  @ApiProperty({ example: 86 })
  mean!: number;

  @ApiProperty({ example: 86 })
  median!: number;

  @ApiProperty({ example: 80 })
  min!: number;

  @ApiProperty({ example: 92 })
  max!: number;

  @ApiProperty({ example: false })
  disagreement!: boolean;
}

export class StageRowResponse {
  @ApiProperty({ example: 'demo-scenario-2026-a1' })
  dossierId!: string;

  @ApiProperty({ example: 'scenario' })
  tier!: string;

  @ApiProperty({ example: 5, description: 'valid scores so far in this stage' })
  count!: number;

  @ApiProperty({ type: StageAggregateResponse, nullable: true })
  aggregate!: StageAggregateResponse | null;

  @ApiProperty({ example: true, nullable: true, type: Boolean, description: 'put forward by this stage; null while it runs and on the last stage' })
  forwarded!: boolean | null;

  @ApiProperty({ example: 'attended', nullable: true, enum: ['attended', 'absent'], description: 'defence attendance, in stages with a defence' })
  defence!: 'attended' | 'absent' | null;
}

export class StageBoardResponse {
  @ApiProperty({ example: 1 })
  stage!: number;

  @ApiProperty({ example: 'online' })
  code!: string;

  @ApiProperty({ example: '通讯评审' })
  name!: string;

  @ApiProperty({ example: 'online', enum: ['online', 'panel', 'site-visit-or-defence'] })
  kind!: string;

  @ApiProperty({ example: 'closed', enum: ['not-started', 'in-progress', 'closed'] })
  status!: string;

  @ApiProperty({ example: 3 })
  minimumValidReviews!: number;

  @ApiProperty({ type: [StageRowResponse] })
  rows!: StageRowResponse[];
}

export class CombinedRowResponse {
  @ApiProperty({ example: 'demo-scenario-2026-a1' })
  dossierId!: string;

  @ApiProperty({ example: 'scenario' })
  tier!: string;

  @ApiProperty({ example: { online: 88, panel: 90 }, description: 'each stage\'s aggregate by stage code (null: none yet)' })
  byStage!: Record<string, number | null>;

  @ApiProperty({ example: 89.2, nullable: true, type: Number, description: 'the figure the final ranking uses: the last stage\'s aggregate or the call\'s weights' })
  final!: number | null;
}

export class StageBoardsResponse {
  @ApiProperty({ example: 'demo-scenario-2026' })
  selectionId!: string;

  @ApiProperty({ example: 2, description: 'the stage in progress (or last closed)' })
  stage!: number;

  @ApiProperty({ example: { kind: 'weighted', percentByStage: { online: 40, panel: 60 } } })
  finalRanking!: { kind: string; percentByStage?: Record<string, number> };

  @ApiProperty({ type: [StageBoardResponse] })
  stages!: StageBoardResponse[];

  @ApiProperty({ type: [CombinedRowResponse], description: 'the dossiers of the last stage, by their final figure' })
  combined!: CombinedRowResponse[];
}
