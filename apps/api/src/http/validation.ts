import { ArgumentMetadata, BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldProblem } from './error-body';
import { fieldReasonInChinese, validationMessageInChinese } from './http-messages-zh';
import { LARGEST_NUMBER } from './input-guard';

/** @nestjs/swagger's per-property metadata, which says whether a field may be null. */
const API_PROPERTY = 'swagger/apiModelProperties';

/** Flattens nested validation errors into `a.b[2].c: reason` form a form can attach to its fields. */
export function fieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? (/^\d+$/.test(error.property) ? `${parent}[${error.property}]` : `${parent}.${error.property}`) : error.property;
    const own = error.constraints ? [problem(field, error.constraints)] : [];
    return [...own, ...fieldProblems(error.children ?? [], field)];
  });
}

/** One field: the English reasons of its failed constraints (for developers) and one Chinese sentence for people. */
function problem(field: string, constraints: Record<string, string>): FieldProblem {
  const chinese = [...new Set(Object.entries(constraints).map(([constraint, english]) => fieldReasonInChinese(field, constraint, english)))];
  return { field, reasons: Object.values(constraints), message: chinese.join('') };
}

export class RequestValidationError extends BadRequestException {
  constructor(readonly problems: FieldProblem[]) {
    super(`the request has ${problems.length} invalid field${problems.length === 1 ? '' : 's'}: ${problems.map((problem) => problem.field).join(', ')}`);
  }

  /** The `message` people read; the English above stays for logs. */
  get messageInChinese(): string {
    return validationMessageInChinese(this.problems.map((problem) => problem.field));
  }
}

/**
 * Unknown fields are refused, not dropped silently: a typo in a field name must not lose data. Two
 * rules hold for every DTO besides its own decorators: a field is null only where the DTO documents it
 * as nullable (an optional field is left out, not sent as null), and a number converted from the
 * query or the path stays within ±2^53 (`?page=1e300` is a whole number, but no page).
 */
class GuardedValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'custom') return super.transform(value, metadata);
    if (metadata.metatype && isPlainObject(value)) {
      const nulls = Object.entries(value)
        .filter(([field, given]) => given === null && !nullableIn(metadata.metatype as object, field))
        .map(([field]) => problem(field, { notNull: `${field} must not be null; leave it out or send a value` }));
      if (nulls.length > 0) throw new RequestValidationError(nulls);
    }
    const transformed = await super.transform(value, metadata);
    const problems = numbersOutOfRange(transformed);
    if (problems.length > 0) throw new RequestValidationError(problems);
    return transformed;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nullableIn(metatype: object, field: string): boolean {
  const prototype = (metatype as { prototype?: object }).prototype;
  if (!prototype) return true;
  const property = Reflect.getMetadata(API_PROPERTY, prototype, field) as { nullable?: boolean } | undefined;
  // A field no swagger decorator describes is refused by forbidNonWhitelisted anyway.
  return property?.nullable === true;
}

function numbersOutOfRange(root: unknown): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const pending: [unknown, string][] = [[root, '']];
  while (pending.length > 0 && problems.length < 20) {
    const [value, field] = pending.pop() as [unknown, string];
    if (typeof value === 'number' && (!Number.isFinite(value) || Math.abs(value) > LARGEST_NUMBER)) {
      problems.push(problem(field || 'value', { numberRange: `${field || 'the value'} must be a number within ±${LARGEST_NUMBER}` }));
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, child] of Object.entries(value)) pending.push([child, field ? `${field}.${key}` : key]);
    }
  }
  return problems;
}

export function createValidationPipe(): ValidationPipe {
  return new GuardedValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    exceptionFactory: (errors) => new RequestValidationError(fieldProblems(errors)),
  });
}
