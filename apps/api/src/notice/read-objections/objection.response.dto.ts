import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ObjectorResponse {
  @ApiProperty({ example: '张伟' }) name!: string;
  @ApiProperty({ example: 'zhangwei@example.cn' }) contact!: string;
  @ApiPropertyOptional({ nullable: true }) organisation!: string | null;
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
}
