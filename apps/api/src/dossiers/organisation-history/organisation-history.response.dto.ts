import { ApiProperty } from '@nestjs/swagger';

export class OrganisationHistoryLineResponse {
  @ApiProperty({ example: 2026 })
  year!: number;

  @ApiProperty({ example: 'demo-scenario-2026' })
  selectionId!: string;

  @ApiProperty({ example: 'demo-scenario' })
  programme!: string;

  @ApiProperty({ example: '2026年湖南省“人工智能+”十大示范场景评选' })
  selectionTitle!: string;

  @ApiProperty({ example: 'published' })
  selectionPhase!: string;

  @ApiProperty({ example: 'demo-scenario-2026-a1' })
  dossierId!: string;

  @ApiProperty({ example: '轨道交通装备柔性制造' })
  title!: string;

  @ApiProperty({ example: 'scenario' })
  tier!: string;

  @ApiProperty({ example: 'awarded' })
  status!: string;

  @ApiProperty({ nullable: true, type: String, example: '2026-03-10T02:00:00.000Z' })
  submittedAt!: string | null;

  @ApiProperty({ nullable: true, enum: ['selected', 'reserve', 'below-threshold'], description: 'on the frozen shortlist, once review has closed' })
  standing!: 'selected' | 'reserve' | 'below-threshold' | null;

  @ApiProperty({ nullable: true, type: Number, example: 3 })
  rank!: number | null;

  @ApiProperty({ nullable: true, type: Number, example: 88.5, description: 'visible once the notice has started' })
  aggregate!: number | null;

  @ApiProperty({ nullable: true, type: Boolean, description: 'null until awards are decided' })
  awarded!: boolean | null;

  @ApiProperty({ nullable: true, type: Number, example: 300000000, description: 'money paid, in fen, when the award is money' })
  paidFen!: number | null;

  @ApiProperty({ nullable: true, enum: ['paid', 'top-up', 'not-paid'], description: '不重复享受 / 就高原则 decision' })
  decision!: string | null;
}
