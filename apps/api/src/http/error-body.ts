import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One field's problems, as the validation pipe reports them. */
export class FieldProblem {
  @ApiProperty({ example: 'creditCode' })
  field!: string;

  @ApiProperty({ type: [String], example: ['creditCode must be an 18-character 统一社会信用代码'] })
  reasons!: string[];
}

/** The body of every error response, whatever its status. */
export class ErrorBody {
  @ApiProperty({ example: 409 })
  statusCode!: number;

  @ApiProperty({ example: 'Conflict' })
  error!: string;

  @ApiProperty({ example: 'submissions closed on 2026-03-31; the selection is now in formal review' })
  message!: string;

  @ApiPropertyOptional({
    description: 'Field problems (400), the refusal code and facts (409), or the current revision (412)',
    oneOf: [{ type: 'array', items: { $ref: '#/components/schemas/FieldProblem' } }, { type: 'object' }],
  })
  details?: FieldProblem[] | Record<string, unknown>;
}
