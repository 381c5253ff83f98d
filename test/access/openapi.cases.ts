import type { TestApp } from '../support/test-app';
import { sharedTestApp } from '../support/shared-test-app';
import { ACCESS_MATRIX } from './access-matrix';

interface Operation {
  summary?: string;
  requestBody?: unknown;
  responses: Record<string, unknown>;
}

/** The OpenAPI document describes every endpoint: what it does, what it answers, and how it refuses. */
describe('the OpenAPI document is complete', () => {
  let t: TestApp;
  let operations: [string, Operation][];

  beforeAll(async () => {
    t = await sharedTestApp();
    const document = await t.http.get('/api/docs-json').expect(200);
    operations = Object.entries(document.body.paths as Record<string, Record<string, Operation>>).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => [`${method.toUpperCase()} ${path}`, operation] as [string, Operation]),
    );
  });

  it('every operation says what it does and documents a success response', () => {
    const incomplete = operations
      .filter(([, operation]) => !operation.summary || !Object.keys(operation.responses).some((status) => /^2\d\d$/.test(status)))
      .map(([name]) => name);
    expect(incomplete).toEqual([]);
  });

  it('every operation that needs a token documents 401, and every role-restricted one 403', () => {
    const missing = operations.flatMap(([name, operation]) => {
      const row = ACCESS_MATRIX.find((candidate) => `${candidate.method} ${candidate.path}` === name);
      if (!row || row.allowed === 'public') return [];
      const problems: string[] = [];
      if (!operation.responses['401']) problems.push(`${name}: 401`);
      if (row.allowed.length < 3 && !operation.responses['403'] && !operation.responses['404']) problems.push(`${name}: 403`);
      return problems;
    });
    expect(missing).toEqual([]);
  });

  it('every operation that takes a body documents the 400 it answers to bad input', () => {
    const missing = operations.filter(([, operation]) => operation.requestBody && !operation.responses['400']).map(([name]) => name);
    expect(missing).toEqual([]);
  });
});
