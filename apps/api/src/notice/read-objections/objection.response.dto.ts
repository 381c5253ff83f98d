import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ObjectorResponse {
  @ApiProperty({ example: '张伟' }) name!: string;
  @ApiProperty({ example: 'zhangwei@example.cn' }) contact!: string;
  @ApiPropertyOptional({ nullable: true }) organisation!: string | null;
}

export class EvidenceResponse {
  @ApiProperty({ example: '核查材料.pdf' }) name!: string;
  @ApiProperty({ example: 'application/pdf' }) mediaType!: string;
  @ApiProperty({ example: 20480 }) sizeBytes!: number;
  @ApiProperty({ example: 'a3f1…(64 hex)' }) sha256!: string;
  @ApiProperty({ example: '/api/v1/selections/demo-scenario-2026/objections/5f0c…/evidence/a3f1…', description: 'download (admin)' }) href!: string;
}

export class ObjectionResponse {
  @ApiProperty() objectionId!: string;
  @ApiProperty() dossierId!: string;
  @ApiProperty({ example: '轨道交通装备柔性制造' }) projectTitle!: string;
  @ApiProperty({ example: '91430100MA4L16JQ5X' }) applicantCreditCode!: string;
  @ApiProperty({ type: ObjectorResponse }) objector!: ObjectorResponse;
  @ApiProperty() reason!: string;
  @ApiProperty({ example: '2026-09-30T03:00:00.000Z' }) filedAt!: string;
  @ApiProperty({ enum: ['open', 'upheld', 'dismissed'] }) status!: string;
  @ApiPropertyOptional({ nullable: true }) finding!: string | null;
  @ApiProperty({ type: [EvidenceResponse], description: 'the files the objector sent; empty for objections without evidence' }) evidence!: EvidenceResponse[];
}
