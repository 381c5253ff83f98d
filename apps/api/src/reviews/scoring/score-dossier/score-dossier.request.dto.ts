import { ApiProperty } from '@nestjs/swagger';
import { IsObject, IsString, Length } from 'class-validator';

export class ScoreDossierRequest {
  @ApiProperty({
    example: { technology: 20, effectiveness: 25, replicability: 20, investment: 8, compliance: 9 },
    description: 'points per criterion code of the selection\'s rubric, each 0..maxPoints (checked by the domain)',
  })
  @IsObject()
  points!: Record<string, number>;

  @ApiProperty({ example: '材料翔实,成效明确' })
  @IsString()
  @Length(1, 2000)
  comment!: string;
}

export class MyScoreResponse {
  @ApiProperty({ example: 'demo-scenario-2026-a1' })
  dossierId!: string;

  @ApiProperty({ example: { technology: 20, effectiveness: 25 } })
  points!: Record<string, number>;

  @ApiProperty({ example: 82.5, description: 'weighted total 0..100' })
  total!: number;

  @ApiProperty({ example: '材料翔实,成效明确' })
  comment!: string;

  @ApiProperty({ example: '2026-04-20T02:00:00.000Z' })
  submittedAt!: string;

  @ApiProperty({ example: null, nullable: true, type: String })
  amendedAt!: string | null;

  @ApiProperty({ example: '7', description: 'revision of the dossier stream (the ETag; send it as If-Match to amend)' })
  revision!: string;
}
