import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class DeclareConflictRequest {
  @ApiProperty({ example: '91430100MA4L16JQ2X', description: '统一社会信用代码 of the organisation the expert must not review' })
  @IsString()
  @Length(18, 18, { message: 'creditCode must be 18 characters' })
  creditCode!: string;

  @ApiProperty({ example: '近三年曾任职' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}

export class ConflictDeclaredResponse {
  @ApiProperty({ example: 'e5c1d0b7a2f94e33' })
  expertId!: string;

  @ApiProperty({ example: '2', description: 'revision of the expert-{id} stream (the ETag)' })
  revision!: string;

  @ApiProperty({ example: ['demo-scenario-2026-a1'], description: 'dossiers under expert review the expert was recused from' })
  recusedFrom!: string[];
}
