import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';

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
}

export class PlannedAssignmentResponse {
  @ApiProperty({ example: 'demo-scenario-2026-a1' })
  dossierId!: string;

  @ApiProperty({ example: 'e5c1d0b7a2f94e33' })
  expertId!: string;

  @ApiProperty({ description: 'the expert shares a field with the dossier' })
  fieldMatch!: boolean;
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

  @ApiProperty({ type: [PlannedAssignmentResponse], description: 'the new assignments of this round' })
  assignments!: PlannedAssignmentResponse[];

  @ApiProperty({ type: [UnfilledSlotResponse] })
  unfilled!: UnfilledSlotResponse[];

  @ApiProperty({ example: { e5c1d0b7a2f94e33: 4 }, description: 'dossiers per expert after this round' })
  loads!: Record<string, number>;

  @ApiProperty({ example: '4', description: 'revision of the selection stream (the ETag)' })
  revision!: string;
}
