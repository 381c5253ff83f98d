import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsString, Length } from 'class-validator';

export class FormPanelRequest {
  @ApiProperty({ example: '会议评审专家组' })
  @IsString()
  @Length(1, 50)
  name!: string;

  @ApiProperty({ example: ['e5c1d0b7a2f94e33'], description: 'the experts of the panel, 1-30; each is checked against every dossier of the stage' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ArrayUnique()
  @IsString({ each: true })
  expertIds!: string[];
}

export class PanelSeatResponse {
  @ApiProperty({ example: 'demo-scenario-2026-a1' })
  dossierId!: string;

  @ApiProperty({ example: ['e5c1d0b7a2f94e33'], description: 'members who score this dossier' })
  expertIds!: string[];

  @ApiProperty({ example: [{ expertId: 'e0a1', reason: '与申报单位为同一单位,回避' }], description: 'members recused from this dossier, and why' })
  recused!: { expertId: string; reason: string }[];
}

export class PanelResponse {
  @ApiProperty({ example: 'demo-scenario-2026' })
  selectionId!: string;

  @ApiProperty({ example: 2 })
  stage!: number;

  @ApiProperty({ example: '会议评审专家组' })
  name!: string;

  @ApiProperty({ type: [PanelSeatResponse] })
  seats!: PanelSeatResponse[];

  @ApiProperty({ example: '9', description: 'revision of the selection stream (the ETag)' })
  revision!: string;
}
