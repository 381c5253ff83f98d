import { testDatabaseKinds } from '../support/test-databases';
import { AuthenticatedClient, startTestApp, TestApp } from '../support/test-app';
import { validCreditCode } from '../walkthrough/walk-selection';
import { peopleProblems } from '../support/people-message';

/**
 * Bad input across the API: each answer is a 4xx with a reason a person can act on, never a 5xx, and
 * the streams are exactly as before.
 */
for (const kind of testDatabaseKinds()) {
  describe(`bad input on ${kind}`, () => {
    let t: TestApp;
    let admin: AuthenticatedClient;
    let applicant: AuthenticatedClient;
    let dossierId: string;

    beforeAll(async () => {
      t = await startTestApp(kind);
      admin = await t.asAdmin();
      await admin.post('/api/v1/selections').send({ programme: 'demo-scenario', year: 2026, submissionDeadlineDate: '2026-03-31' }).expect(201);
      await t.http
        .post('/api/v1/organisations')
        .send({ creditCode: validCreditCode(7001), name: '湖南坏输入有限公司', contactName: '测试', contactPhone: '0731-88888888', username: 'bad-input', password: 'bad-input-password' })
        .expect(201);
      applicant = await t.as('bad-input', 'bad-input-password');
      const drafted = await applicant
        .post('/api/v1/selections/demo-scenario-2026/dossiers')
        .send({ title: '示例项目', tier: 'scenario', fields: { sceneName: '示例' }, declaredInvestmentFen: 100_000_000 })
        .expect(201);
      dossierId = drafted.body.id;
    });
    afterAll(async () => t?.close());

    async function revisions(): Promise<(bigint | null)[]> {
      return Promise.all([t.store.streamRevision('selection-demo-scenario-2026'), t.store.streamRevision(`dossier-${dossierId}`)]);
    }

    const cases: [string, () => Promise<import('supertest').Response>, number, RegExp][] = [
      ['malformed JSON', () => applicant.patch(`/api/v1/dossiers/${dossierId}`).set('Content-Type', 'application/json').send('{"title": "x",'), 400, /not valid JSON/],
      ['a wrong type', () => applicant.patch(`/api/v1/dossiers/${dossierId}`).send({ title: 42 }), 400, /title/],
      ['an unknown field', () => applicant.patch(`/api/v1/dossiers/${dossierId}`).send({ title: '新标题', secretFlag: true }), 400, /secretFlag/],
      ['money as a float', () => applicant.patch(`/api/v1/dossiers/${dossierId}`).send({ declaredInvestmentFen: 12.5 }), 400, /declaredInvestmentFen/],
      ['a body over 1 MiB', () => applicant.patch(`/api/v1/dossiers/${dossierId}`).send({ title: 'x'.repeat(1_100_000) }), 413, /larger than the limit/],
      ['a bad credit code', () => t.http.post('/api/v1/organisations').send({ creditCode: '91430100MA4L16JQ0X', name: '错误代码公司', contactName: '测试', contactPhone: '0731-88888888', username: 'wrong-code', password: 'wrong-code-password' }), 400, /check character/],
      ['a wrong phase', () => admin.post('/api/v1/selections/demo-scenario-2026/close-formal-review'), 409, /not possible now|open for submissions/],
      ['a stale If-Match', () => applicant.patch(`/api/v1/dossiers/${dossierId}`).set('If-Match', '"9"').send({ title: '新标题' }), 412, /changed since you loaded it/],
      ['a malformed If-Match', () => applicant.patch(`/api/v1/dossiers/${dossierId}`).set('If-Match', 'yesterday').send({ title: '新标题' }), 400, /If-Match/],
      ['an out-of-range year', () => admin.post('/api/v1/selections').send({ programme: 'dataset', year: 1999, submissionDeadlineDate: '1999-03-31' }), 400, /year/],
      ['an unknown endpoint', () => admin.get('/api/v1/nothing-here'), 404, /no such endpoint/],
    ];

    it('a validation 400 names each field in Chinese and keeps the English reasons in details', async () => {
      const response = await applicant.patch(`/api/v1/dossiers/${dossierId}`).send({ title: 42, secretFlag: true }).expect(400);
      expect(response.body.message).toBe('请求中有 2 个字段不符合要求(secretFlag、title)。请按 details 中各字段的说明修改后重新提交。');
      expect(response.body.details).toEqual(
        expect.arrayContaining([
          { field: 'secretFlag', reasons: ['property secretFlag should not exist'], message: '不接受字段“secretFlag”。请删除它,或核对字段名的拼写(见接口文档)。' },
          expect.objectContaining({ field: 'title', message: expect.stringContaining('字段“title”须为文本。') }),
        ]),
      );
    });

    it.each(cases)('%s is refused with a reason and changes nothing', async (_name, send, status, reason) => {
      const before = await revisions();
      const response = await send();
      expect(response.status).toBe(status);
      expect(response.body).toMatchObject({ statusCode: status, error: expect.any(String) });
      expect(`${response.body.message} ${JSON.stringify(response.body.details ?? '')}`).toMatch(reason);
      // People read Chinese that says what to do (each field's own sentence too); the English stays in details.
      expect(peopleProblems(response.body)).toEqual([]);
      expect(JSON.stringify(response.body)).not.toMatch(/\bat .*\.(ts|js):\d+/);
      expect(await revisions()).toEqual(before);
    });
  });
}
