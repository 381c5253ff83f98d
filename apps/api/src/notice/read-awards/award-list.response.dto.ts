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
  @ApiPropertyOptional({ example: 2000, description: 'the rate of the standard, basis points (2000 = 20 %)' }) rateBasisPoints?: number;
  @ApiPropertyOptional({ example: 200000000, description: 'the cap of the standard, fen' }) capFen?: number;
  @ApiPropertyOptional({ example: '1,000,000.00 元(核定投资额×20%,最高 2,000,000.00 元)', description: '支持标准 as the award list prints it' }) standardText?: string;
  @ApiPropertyOptional({ example: '不予重复支持', description: '奖补金额 as the award list prints it: (补差) on a top-up, words when not paid' }) paidText?: string;
  @ApiPropertyOptional({ enum: ['paid', 'top-up', 'not-paid'] }) decision?: string;
  @ApiPropertyOptional({
    example: '不重复享受:已于《2026年湖南省“人工智能+”人工智能垂类大模型评选》获支持 1,000,000.00 元,不低于本次标准 400,000.00 元,本次不予重复支持',
    description: 'why this amount, in Chinese (不重复享受 / 就高原则, naming the earlier selection)',
  })
  reason?: string;
  @ApiPropertyOptional({ example: '按标准支持', description: '说明 as the award list prints it' }) explanation?: string;
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
