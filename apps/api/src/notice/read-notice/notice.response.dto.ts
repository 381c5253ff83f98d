import { ApiProperty } from '@nestjs/swagger';
import { NoticeWindow } from '../start-notice/notice-window.response.dto';

export class ListedDossier {
  @ApiProperty({ example: 'c0a8…' }) dossierId!: string;
  @ApiProperty({ example: '中车株洲电力机车有限公司', description: 'registered name, or the credit code when none is registered' }) organisation!: string;
  @ApiProperty({ example: '91430100MA4L16JQ5X' }) creditCode!: string;
  @ApiProperty({ example: '轨道交通装备柔性制造' }) projectTitle!: string;
  @ApiProperty({ example: 1, description: 'place within the tier' }) place!: number;
  @ApiProperty({ description: "the programme's fields (场景描述, 示范应用 …) by field code" }) fields!: Record<string, string>;
}

export class ListedTier {
  @ApiProperty({ example: 'scenario' }) tier!: string;
  @ApiProperty({ example: '示范场景' }) name!: string;
  @ApiProperty({ example: 10 }) quota!: number;
  @ApiProperty({ type: [ListedDossier] }) dossiers!: ListedDossier[];
}

export class DroppedDossier {
  @ApiProperty() dossierId!: string;
  @ApiProperty() organisation!: string;
  @ApiProperty() projectTitle!: string;
}

export class PublicNoticeResponse {
  @ApiProperty({ example: 'demo-scenario-2026' }) selectionId!: string;
  @ApiProperty({ example: '2026年湖南省“人工智能+”十大示范场景' }) title!: string;
  @ApiProperty({ enum: ['notice', 'awards-decided', 'published'] }) phase!: string;
  @ApiProperty({ type: NoticeWindow }) window!: NoticeWindow;
  @ApiProperty({ type: [ListedTier], description: 'the list as it stands, after any 递补' }) tiers!: ListedTier[];
  @ApiProperty({ type: [DroppedDossier], description: 'taken off the list after an upheld objection' }) dropped!: DroppedDossier[];
}
