import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class AwardLineResponse {
  @ApiProperty() dossierId!: string;
  @ApiProperty({ example: '中车株洲电力机车有限公司' }) organisation!: string;
  @ApiProperty({ example: '91430100MA4L16JQ5X' }) creditCode!: string;
  @ApiProperty({ example: '轨道交通装备柔性制造' }) projectTitle!: string;
  @ApiProperty({ example: 'scenario' }) tier!: string;
  @ApiProperty({ example: '示范场景' }) tierName!: string;
  @ApiProperty({ example: 1 }) rank!: number;
  @ApiProperty({ enum: ['money', 'policy'] }) kind!: string;
  @ApiPropertyOptional({ example: 500000000, description: '核定投资额, fen' }) approvedInvestmentFen?: number;
  @ApiPropertyOptional({ example: '5,000,000.00 元' }) approvedInvestmentYuan?: string;
  @ApiPropertyOptional({ example: 100000000, description: 'min(rate × 核定投资额, cap), fen' }) standardFen?: number;
  @ApiPropertyOptional({ example: '1,000,000.00 元' }) standardYuan?: string;
  @ApiPropertyOptional({ example: 100000000, description: 'paid after 不重复享受, fen' }) paidFen?: number;
  @ApiPropertyOptional({ example: '1,000,000.00 元' }) paidYuan?: string;
  @ApiPropertyOptional({ enum: ['paid', 'top-up', 'not-paid'] }) decision?: string;
  @ApiPropertyOptional({ description: 'why this amount (就高原则)' }) reason?: string;
}

export class NotAwardedResponse {
  @ApiProperty() dossierId!: string;
  @ApiProperty() organisation!: string;
  @ApiProperty() projectTitle!: string;
  @ApiProperty({ example: 'reserve 3 in 示范场景; the 10 places are filled' }) reason!: string;
}

export class AwardListResponse {
  @ApiProperty({ example: 'demo-scenario-2026' }) selectionId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ['awards-decided', 'published'] }) phase!: string;
  @ApiProperty({ type: [AwardLineResponse] }) awards!: AwardLineResponse[];
  @ApiProperty({ type: [NotAwardedResponse] }) notAwarded!: NotAwardedResponse[];
  @ApiProperty({ example: 1500000000 }) totalPaidFen!: number;
  @ApiProperty({ example: '15,000,000.00 元' }) totalPaidYuan!: string;
}
