/**
 * Generates the bad-input corpus from the OpenAPI document: every operation × every parameter and body
 * field × missing / wrong type / huge / NUL / unpaired surrogate / deep / huge number / null, plus
 * whole-body mutations. Each case is one HTTP request; the spec sends each as every kind of caller.
 */

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

interface Operation {
  parameters?: { name: string; in: 'path' | 'query' | 'header'; required?: boolean; schema?: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}

interface Schema {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  example?: unknown;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  oneOf?: Schema[];
  allOf?: Schema[];
}

export interface BadRequest {
  readonly operation: string;
  readonly mutation: string;
  readonly method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  readonly url: string;
  readonly headers: Record<string, string>;
  /** A raw body (sent as is), or none. */
  readonly body?: string;
  readonly contentType?: string;
}

/** Real values for path parameters, so requests reach the handlers and not only the 404 of a lookup. */
export type PathValues = Record<string, string>;

const DEEP = 5_000;
const HUGE_TEXT = 'x'.repeat(200_000);

/** Values a JSON field takes, as raw JSON text (so depth and huge numbers need no object in memory). */
const FIELD_MUTATIONS: [string, (example: unknown) => string | undefined][] = [
  ['missing', () => undefined],
  ['wrong type', (example) => (typeof example === 'string' ? '12345' : JSON.stringify('not-the-right-type'))],
  ['object for a scalar', () => '{"nested":{"deeper":true}}'],
  ['huge', () => JSON.stringify(HUGE_TEXT)],
  ['NUL', () => JSON.stringify('a\u0000b')],
  ['surrogate', () => '"\\ud800x"'],
  ['deep', () => `${'['.repeat(DEEP)}${']'.repeat(DEEP)}`],
  ['huge number', () => '1e300'],
  ['overflowing number', () => '-1e400'],
  ['null', () => 'null'],
];

const QUERY_MUTATIONS: [string, string][] = [
  ['wrong type', 'abc'],
  ['huge', 'x'.repeat(6_000)],
  ['NUL', 'a%00b'],
  ['surrogate', '%ED%A0%80'],
  ['lone surrogate escape', '%uD800'],
  ['huge number', '1e300'],
  ['negative', '-1'],
  ['null', 'null'],
  ['malformed escape', '%E0%A4%A'],
];

const PATH_MUTATIONS: [string, string][] = [
  ['NUL', 'a%00b'],
  ['surrogate', '%ED%A0%80'],
  ['huge', 'x'.repeat(3_000)],
  ['huge number', '1e300'],
  ['traversal', '..%2F..%2Fetc%2Fpasswd'],
  ['malformed escape', '%'],
  ['null', 'null'],
];

const HEADER_MUTATIONS: [string, string][] = [
  ['huge number', '"1e300"'],
  ['huge integer', '"999999999999999999999999999999"'],
  ['negative', '"-1"'],
  ['garbage', 'W/garbage'],
];

const WHOLE_BODY_MUTATIONS: [string, string, string][] = [
  ['deep body', `${'{"a":'.repeat(DEEP)}1${'}'.repeat(DEEP)}`, 'application/json'],
  ['very deep body', `${'['.repeat(100_000)}${']'.repeat(100_000)}`, 'application/json'],
  ['array body', '[1,2,3]', 'application/json'],
  ['string body', '"just a string"', 'application/json'],
  ['overflowing number body', '1e999', 'application/json'],
  ['null body', 'null', 'application/json'],
  ['malformed JSON', '{"a":', 'application/json'],
  ['NUL key', '{"a\\u0000b":1}', 'application/json'],
  ['form with NUL', 'reason=a%00b&_csrf=x', 'application/x-www-form-urlencoded'],
  ['form with surrogate', 'reason=%ED%A0%80', 'application/x-www-form-urlencoded'],
  ['text body', 'plain text', 'text/plain'],
];

export function generateCorpus(document: OpenApiDocument, pathValues: PathValues): BadRequest[] {
  const requests: BadRequest[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const name = `${method.toUpperCase()} ${path}`;
      const parameters = operation.parameters ?? [];
      const base = {
        path: Object.fromEntries(parameters.filter((p) => p.in === 'path').map((p) => [p.name, pathValues[p.name] ?? 'does-not-exist'])),
        query: Object.fromEntries(parameters.filter((p) => p.in === 'query').map((p) => [p.name, String(exampleOf(p.schema ?? {}, document) ?? '1')])),
        headers: {} as Record<string, string>,
      };
      const bodySchema = jsonSchemaOf(operation);
      const example = bodySchema ? (exampleOf(bodySchema, document) as Record<string, unknown>) : undefined;
      const make = (mutation: string, change: { path?: Record<string, string>; query?: Record<string, string | undefined>; headers?: Record<string, string>; body?: string; contentType?: string } = {}): BadRequest => {
        const pathPart = path.replace(/\{([^}]+)\}/g, (_all, key: string) => (change.path ?? base.path)[key] ?? 'x');
        const query = Object.entries({ ...base.query, ...change.query })
          .filter(([, value]) => value !== undefined)
          .map(([key, value]) => `${encodeURIComponent(key)}=${value}`)
          .join('&');
        const body = 'body' in change ? change.body : example !== undefined ? JSON.stringify(example) : undefined;
        return {
          operation: name,
          mutation,
          method: method as BadRequest['method'],
          url: query ? `${pathPart}?${query}` : pathPart,
          headers: { ...base.headers, ...change.headers },
          ...(body !== undefined ? { body, contentType: change.contentType ?? 'application/json' } : {}),
        };
      };

      requests.push(make('as documented'));
      for (const parameter of parameters.filter((p) => p.in === 'path')) {
        for (const [mutation, value] of PATH_MUTATIONS) requests.push(make(`path ${parameter.name}: ${mutation}`, { path: { ...base.path, [parameter.name]: value } }));
      }
      for (const parameter of parameters.filter((p) => p.in === 'query')) {
        requests.push(make(`query ${parameter.name}: missing`, { query: { [parameter.name]: undefined } }));
        for (const [mutation, value] of QUERY_MUTATIONS) requests.push(make(`query ${parameter.name}: ${mutation}`, { query: { [parameter.name]: value } }));
      }
      for (const parameter of parameters.filter((p) => p.in === 'header')) {
        for (const [mutation, value] of HEADER_MUTATIONS) requests.push(make(`header ${parameter.name}: ${mutation}`, { headers: { [parameter.name]: value } }));
      }
      if (example !== undefined && typeof example === 'object' && example !== null) {
        for (const field of Object.keys(example)) {
          for (const [mutation, valueOf] of FIELD_MUTATIONS) {
            requests.push(make(`body ${field}: ${mutation}`, { body: withField(example, field, valueOf(example[field])) }));
          }
        }
      }
      if (method !== 'get' && method !== 'delete') {
        for (const [mutation, body, contentType] of WHOLE_BODY_MUTATIONS) requests.push(make(mutation, { body, contentType }));
      }
    }
  }
  return requests;
}

/** The example object as JSON text with one field replaced by raw JSON text (or left out). */
function withField(example: Record<string, unknown>, field: string, raw: string | undefined): string {
  const placeholder = '"__corpus_placeholder__"';
  const copy: Record<string, unknown> = { ...example };
  if (raw === undefined) {
    delete copy[field];
    return JSON.stringify(copy);
  }
  copy[field] = '__corpus_placeholder__';
  return JSON.stringify(copy).replace(placeholder, () => raw);
}

function jsonSchemaOf(operation: Operation): Schema | undefined {
  const content = operation.requestBody?.content;
  if (!content) return undefined;
  return content['application/json']?.schema ?? content['multipart/form-data']?.schema;
}

function resolve(schema: Schema, document: OpenApiDocument): Schema {
  if (schema.$ref) return resolve(document.components?.schemas?.[schema.$ref.replace('#/components/schemas/', '')] ?? {}, document);
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map((part) => resolve(part, document)));
  return schema;
}

function exampleOf(given: Schema, document: OpenApiDocument, depth = 0): unknown {
  const schema = resolve(given, document);
  if (schema.example !== undefined) return schema.example;
  if (schema.enum && schema.enum.length > 0) return schema.enum[0];
  if (depth > 4) return null;
  switch (schema.type) {
    case 'string':
      return 'text';
    case 'integer':
    case 'number':
      return 1;
    case 'boolean':
      return true;
    case 'array':
      return [exampleOf(schema.items ?? {}, document, depth + 1)];
    default:
      if (schema.properties) {
        return Object.fromEntries(Object.entries(schema.properties).map(([key, property]) => [key, exampleOf(property, document, depth + 1)]));
      }
      return schema.oneOf ? exampleOf(schema.oneOf[0], document, depth + 1) : {};
  }
}
