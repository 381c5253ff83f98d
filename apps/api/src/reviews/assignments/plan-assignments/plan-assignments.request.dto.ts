import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';

export class PlanAssignmentsRequest {
  @ApiPropertyOptional({ example: 'demo-scenario-2026', description: 'seed of the deterministic planner; defaults to the selection id (or its round)' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  seed?: string;

  @ApiPropertyOptional({ example: '2026-07-31', description: 'the last day experts have to score (Beijing time); only when review starts. Scores missing after it are shown as late' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'reviewDeadlineDate must be a date as YYYY-MM-DD' })
  reviewDeadlineDate?: string;

  @ApiPropertyOptional({
    enum: ['balanced', 'draw'],
    default: 'balanced',
    description: "'draw': 专家抽取 — each dossier's experts drawn at random from its field pool (conflicts excluded), the record (seed, candidates, drawn, reserves) on the dossier; only when review starts. Without a seed, a random one is drawn and recorded",
  })
  @IsOptional()
  @IsIn(['balanced', 'draw'], { message: "method must be 'balanced' or 'draw'" })
  method?: 'balanced' | 'draw';

  @ApiPropertyOptional({ example: 2, minimum: 0, maximum: 10, description: "with method 'draw': reserves drawn per dossier (备选专家), default 2" })
  @IsOptional()
  @IsInt({ message: 'reservesPerDossier must be a whole number' })
  @Min(0, { message: 'reservesPerDossier must be at least 0' })
  @Max(10, { message: 'reservesPerDossier must be at most 10' })
  reservesPerDossier?: number;
}

export class DrawRecordResponse {
  @ApiProperty({ example: 'demo-scenario-2026-a1' })
  dossierId!: string;

  @ApiProperty({ example: '3f9c0a7d2b4e6f18/demo-scenario-2026-a1', description: "the dossier's own seed: the round's seed and the dossier id" })
  seed!: string;

  @ApiProperty({ type: [String], description: 'the eligible experts in the order the draw starts from (sorted by id)' })
  candidates!: string[];

  @ApiProperty({ type: [String] })
  drawn!: string[];

  @ApiProperty({ type: [String], description: '备选专家, in the order they step in' })
  reserves!: string[];
}

export class PlannedAssignmentResponse {
  @ApiProperty({ example: 'demo-scenario-2026-a1' })
  dossierId!: string;

  @ApiProperty({ example: 'e5c1d0b7a2f94e33' })
  expertId!: string;

  @ApiProperty({ description: 'the expert shares a field with the dossier' })
  fieldMatch!: boolean;

  @ApiPropertyOptional({ example: 0, description: "a drawn dossier's reserve, at this place (0 first) of its record" })
  drawReserve?: number;
}

export class UnfilledSlotResponse {
  @ApiProperty({ example: 'demo-scenario-2026-a1' })
  dossierId!: string;

  @ApiProperty({ example: 2, description: 'places still without an expert' })
  missing!: number;

  @ApiProperty({ example: 'only 3 active experts are free of conflicts with this dossier' })
  reason!: string;
}

export class AssignmentPlanResponse {
  @ApiProperty({ example: 'demo-scenario-2026' })
  selectionId!: string;

  @ApiProperty({ example: 1, description: '1 for the plan, +1 for each replacement round' })
  round!: number;

  @ApiProperty({ example: 'demo-scenario-2026' })
  seed!: string;

  @ApiProperty({ enum: ['balanced', 'draw'] })
  method!: 'balanced' | 'draw';

  @ApiProperty({ type: [PlannedAssignmentResponse], description: 'the new assignments of this round' })
  assignments!: PlannedAssignmentResponse[];

  @ApiProperty({ type: [UnfilledSlotResponse] })
  unfilled!: UnfilledSlotResponse[];

  @ApiProperty({ example: { e5c1d0b7a2f94e33: 4 }, description: 'dossiers per expert after this round' })
  loads!: Record<string, number>;

  @ApiProperty({ type: [DrawRecordResponse], description: 'with method draw: each dossier\'s record (also on its stream as ExpertsDrawn)' })
  draws!: DrawRecordResponse[];

  @ApiProperty({ example: '4', description: 'revision of the selection stream (the ETag)' })
  revision!: string;
}
