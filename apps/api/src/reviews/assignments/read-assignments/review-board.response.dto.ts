import { ApiProperty } from '@nestjs/swagger';

export class BoardExpertResponse {
  @ApiProperty({ example: 'e5c1d0b7a2f94e33' })
  expertId!: string;

  @ApiProperty({ example: '李明' })
  name!: string;

  @ApiProperty({ enum: ['assigned', 'recused'] })
  status!: 'assigned' | 'recused';

  @ApiProperty()
  fieldMatch!: boolean;

  @ApiProperty({ nullable: true, type: String, example: null })
  recusalReason!: string | null;

  @ApiProperty()
  scored!: boolean;
}

export class BoardDossierResponse {
  @ApiProperty({ example: 'demo-scenario-2026-a1' })
  dossierId!: string;

  @ApiProperty({ example: '智能制造示范场景' })
  title!: string;

  @ApiProperty({ example: 'scenario' })
  tier!: string;

  @ApiProperty({ example: 5, description: 'experts in force' })
  assigned!: number;

  @ApiProperty({ example: 3, description: 'of them, those who have scored' })
  scored!: number;

  @ApiProperty({ type: [BoardExpertResponse] })
  experts!: BoardExpertResponse[];
}

export class BoardLoadResponse {
  @ApiProperty({ example: 'e5c1d0b7a2f94e33' })
  expertId!: string;

  @ApiProperty({ example: '李明' })
  name!: string;

  @ApiProperty({ example: 4 })
  assigned!: number;

  @ApiProperty({ example: 2 })
  scored!: number;
}

export class MissingScoreResponse {
  @ApiProperty({ example: 'demo-scenario-2026-a1' })
  dossierId!: string;

  @ApiProperty({ example: 'e5c1d0b7a2f94e33' })
  expertId!: string;
}

export class LateExpertResponse {
  @ApiProperty({ example: 'e5c1d0b7a2f94e33' })
  expertId!: string;

  @ApiProperty({ example: '李明' })
  name!: string;

  @ApiProperty({ example: 2, description: 'dossiers still without their score' })
  missing!: number;
}

export class ReviewBoardResponse {
  @ApiProperty({ example: 'demo-scenario-2026' })
  selectionId!: string;

  @ApiProperty({ example: 'expert-review' })
  phase!: string;

  @ApiProperty({ type: [BoardDossierResponse] })
  dossiers!: BoardDossierResponse[];

  @ApiProperty({ type: [BoardLoadResponse], description: 'per expert: dossiers in force and scored' })
  experts!: BoardLoadResponse[];

  @ApiProperty({ type: [MissingScoreResponse], description: 'assigned experts who have not scored yet' })
  missingScores!: MissingScoreResponse[];

  @ApiProperty({ nullable: true, type: String, example: '2026-07-31', description: 'the last day of scoring (Beijing time), when one was set' })
  reviewDeadlineDate!: string | null;

  @ApiProperty({ type: [LateExpertResponse], description: 'experts with scores missing after the deadline' })
  lateExperts!: LateExpertResponse[];
}
