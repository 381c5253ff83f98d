import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ShortlistEntryResponse {
  @ApiProperty({ example: 'demo-scenario-2026-a1' })
  dossierId!: string;

  @ApiProperty({ example: '智能制造示范场景' })
  title!: string;

  @ApiProperty({ example: 1, description: 'place within the tier; reserves continue after the last selected place' })
  rank!: number;

  @ApiProperty({ example: 86.5 })
  aggregate!: number;

  @ApiPropertyOptional({ example: 86, description: 'administrators only' })
  median?: number;

  @ApiPropertyOptional({ example: 80, description: 'administrators only' })
  minimum?: number;

  @ApiPropertyOptional({ example: true, description: 'administrators only: the experts disagree beyond the selection\'s spread' })
  disagreement?: boolean;
}

export class ShortlistTierResponse {
  @ApiProperty({ example: 'scenario' })
  tier!: string;

  @ApiProperty({ example: '示范场景' })
  name!: string;

  @ApiProperty({ example: 10 })
  quota!: number;

  @ApiProperty({ type: [ShortlistEntryResponse] })
  selected!: ShortlistEntryResponse[];

  @ApiProperty({ type: [ShortlistEntryResponse], description: '候补, in the order they move up (递补)' })
  reserves!: ShortlistEntryResponse[];
}

export class ShortlistResponse {
  @ApiProperty({ example: 'demo-scenario-2026' })
  selectionId!: string;

  @ApiProperty({ example: 'review-closed' })
  phase!: string;

  @ApiProperty({ type: [ShortlistTierResponse] })
  tiers!: ShortlistTierResponse[];

  @ApiPropertyOptional({ example: ['demo-scenario-2026-a9'], description: 'administrators only: dossiers under the minimum score' })
  belowThreshold?: string[];
}

export class DossierScoreLineResponse {
  @ApiProperty({ example: 'e5c1d0b7a2f94e33' })
  expertId!: string;

  @ApiProperty({ example: '李明' })
  name!: string;

  @ApiProperty({ example: 84.5 })
  total!: number;
}

export class DossierScoreboardResponse {
  @ApiProperty({ example: 'demo-scenario-2026-a1' })
  dossierId!: string;

  @ApiProperty({ example: '智能制造示范场景' })
  title!: string;

  @ApiProperty({ example: 'scenario' })
  tier!: string;

  @ApiProperty({ example: 5 })
  count!: number;

  @ApiProperty({ example: 86.5, description: 'the figure ranking uses (the selection\'s aggregation method)' })
  aggregate!: number;

  @ApiProperty({ example: 86.6 })
  mean!: number;

  @ApiProperty({ example: 86 })
  median!: number;

  @ApiProperty({ example: 80 })
  min!: number;

  @ApiProperty({ example: 92 })
  max!: number;

  @ApiProperty({ example: 12 })
  spread!: number;

  @ApiProperty()
  disagreement!: boolean;

  @ApiProperty({ type: [DossierScoreLineResponse], description: 'each counting expert\'s weighted total' })
  totals!: DossierScoreLineResponse[];
}

export class ExpertScoreboardResponse {
  @ApiProperty({ example: 'e5c1d0b7a2f94e33' })
  expertId!: string;

  @ApiProperty({ example: '李明' })
  name!: string;

  @ApiProperty({ example: 4, description: 'dossiers scored (counting scores only)' })
  scored!: number;

  @ApiProperty({ example: 78.25, description: 'mean of the expert\'s totals, to spot lenient or strict experts' })
  meanTotal!: number;
}

export class ScoreboardResponse {
  @ApiProperty({ example: 'demo-scenario-2026' })
  selectionId!: string;

  @ApiProperty({ example: 'trimmed-mean' })
  aggregation!: string;

  @ApiProperty({ type: [DossierScoreboardResponse] })
  dossiers!: DossierScoreboardResponse[];

  @ApiProperty({ type: [ExpertScoreboardResponse] })
  experts!: ExpertScoreboardResponse[];
}
