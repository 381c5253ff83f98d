import { ApiProperty } from '@nestjs/swagger';

export class RubricCriterionResponse {
  @ApiProperty({ example: 'technology' })
  code!: string;

  @ApiProperty({ example: '技术先进性' })
  name!: string;

  @ApiProperty({ example: 25 })
  weight!: number;

  @ApiProperty({ example: 25 })
  maxPoints!: number;
}

export class MyAssignmentResponse {
  @ApiProperty({ example: 'demo-scenario-2026-a1' })
  dossierId!: string;

  @ApiProperty({ example: 'demo-scenario-2026' })
  selectionId!: string;

  @ApiProperty({ example: 'demo-scenario' })
  programme!: string;

  @ApiProperty({ example: '智能制造示范场景' })
  title!: string;

  @ApiProperty({ example: 'scenario' })
  tier!: string;

  @ApiProperty({ example: { domain: 'AI+离散型制造' } })
  fields!: Record<string, string>;

  @ApiProperty({ example: 1, description: 'the review stage you score in: 1 is the online review, later ones the panel' })
  stage!: number;

  @ApiProperty({ type: [RubricCriterionResponse], description: 'the rubric of that stage' })
  rubric!: RubricCriterionResponse[];

  @ApiProperty({ example: 'expert-review', description: 'scores are accepted while the selection is in expert-review' })
  phase!: string;

  @ApiProperty({ description: 'the selection still accepts your score or its amendment' })
  open!: boolean;

  @ApiProperty({ description: 'you have scored this dossier' })
  scored!: boolean;

  @ApiProperty({ nullable: true, type: String, example: '2026-07-31', description: 'the last day to score (Beijing time), when one was set' })
  reviewDeadlineDate!: string | null;
}
