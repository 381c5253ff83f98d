import { AccountsService } from '../../apps/api/src/auth/accounts.service';
import { creditCodeCheckCharacter } from '@app/domain/credit-code';
import type { AuthenticatedClient, TestApp } from '../support/test-app';
import { sharedTestApp } from '../support/shared-test-app';
import { ACCESS_MATRIX, AccessRow, Caller } from './access-matrix';
import { peopleProblems } from '../support/people-message';

/**
 * Every endpoint × every role. Ids in paths are ones that do not exist, so an allowed caller gets past
 * authentication and authorisation and then meets 400/404/409, while a refused one stops at 401/403
 * (or 404 where the row says existence is confidential). An endpoint in the OpenAPI document without a
 * row in ACCESS_MATRIX fails the first spec: a new endpoint must say who may call it.
 */
describe('access matrix: every endpoint × every role', () => {
  let t: TestApp;
  const callers = {} as Record<Exclude<Caller, 'anonymous'>, AuthenticatedClient>;

  beforeAll(async () => {
    t = await sharedTestApp();
    const accounts = t.app.get(AccountsService);
    await accounts.create({ username: 'matrix-expert', password: 'matrix-expert-password', role: 'expert', displayName: '矩阵专家', expertId: 'matrix-expert' });
    const code = '91430100MA4L1MAT0';
    const creditCode = code + creditCodeCheckCharacter(code);
    await t.http
      .post('/api/v1/organisations')
      .send({ creditCode, name: '矩阵测试有限公司', contactName: '测试', contactPhone: '0731-88888888', username: 'matrix-applicant', password: 'matrix-applicant-password' })
      .expect(201);
    callers.admin = await t.asAdmin();
    callers.expert = await t.as('matrix-expert', 'matrix-expert-password');
    callers.applicant = await t.as('matrix-applicant', 'matrix-applicant-password');
  });

  it('has a row for every endpoint of the OpenAPI document, and no row without an endpoint', async () => {
    const document = await t.http.get('/api/docs-json').expect(200);
    const documented = Object.entries(document.body.paths as Record<string, Record<string, unknown>>).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const rows = ACCESS_MATRIX.map((row) => `${row.method} ${row.path}`);
    expect(documented.filter((endpoint) => !rows.includes(endpoint))).toEqual([]);
    expect(rows.filter((row) => !documented.includes(row))).toEqual([]);
  });

  const cases = ACCESS_MATRIX.flatMap((row) =>
    (['anonymous', 'applicant', 'expert', 'admin'] as Caller[]).map((caller) => [`${row.method} ${row.path}`, caller, row] as const),
  );

  it.each(cases)('%s as %s', async (_name, caller, row: AccessRow) => {
    const url = row.path.replace(/\{[^}]+\}/g, (name) => (name === '{streamId}' ? 'selection-nobody-2026' : 'does-not-exist'));
    const method = row.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    const client = caller === 'anonymous' ? t.http : callers[caller];
    const response = await (client[method] as (url: string) => import('supertest').Test)(url).send(row.body ?? {});
    const allowed = row.allowed === 'public' || row.allowed.includes(caller as never);
    if (allowed) {
      expect([401, 403]).not.toContain(response.status);
      expect(response.status).toBeLessThan(500);
    } else if (caller === 'anonymous') {
      expect(response.status).toBe(401);
    } else {
      expect(row.confidential ? [403, 404] : [403]).toContain(response.status);
    }
    if (response.status >= 400) {
      expect(response.body).toMatchObject({ statusCode: response.status, error: expect.any(String), message: expect.any(String) });
      // 401, 403, 404 and the rest: Chinese for the person, saying what to do; the English in details.
      expect([response.status, peopleProblems(response.body)]).toEqual([response.status, []]);
    }
  });
});
