import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One field's problems, as the validation pipe reports them. */
export class FieldProblem {
  @ApiProperty({ example: 'creditCode' })
  field!: string;

  @ApiProperty({ type: [String], example: ['creditCode must be an 18-character 统一社会信用代码'] })
  reasons!: string[];

  @ApiProperty({ example: '字段“creditCode”须为 18 个字符。', description: 'The same problem in Chinese, for the person who fills the field' })
  message!: string;
}

/** The body of every error response, whatever its status. */
export class ErrorBody {
  @ApiProperty({ example: 409 })
  statusCode!: number;

  @ApiProperty({ example: 'Conflict' })
  error!: string;

  @ApiProperty({ example: '申报已经截止,不能再提交或修改申报材料。如有特殊情况请联系评选管理部门。', description: 'In Chinese, for the person who reads it: what happened and what to do next' })
  message!: string;

  @ApiPropertyOptional({
    description: 'Field problems (400), or the code, the English developer text (`reason`) and facts of the refusal',
    oneOf: [{ type: 'array', items: { $ref: '#/components/schemas/FieldProblem' } }, { type: 'object' }],
  })
  details?: FieldProblem[] | Record<string, unknown>;
}
