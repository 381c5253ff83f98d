import type { AuthenticatedClient, TestApp } from '../support/test-app';
import { sharedTestApp } from '../support/shared-test-app';
import { openDemoSelection } from './support/open-demo-selection';
import { creditCodeOf, registerApplicant } from '../dossiers/dossier-fixtures';

/**
 * Finding 5: the portal's recusal form answers a dossier that is not assigned to the expert exactly as
 * one that does not exist, and the expert's own record shows only what he declared.
 */
describe('no existence oracle in the expert portal (finding 5)', () => {
  let t: TestApp;
  let expert: AuthenticatedClient;
  let expertId: string;
  let dossierId: string;

  beforeAll(async () => {
    t = await sharedTestApp();
    const admin = await t.asAdmin();
    await openDemoSelection(t, admin);
    const applicant = await registerApplicant(t, 'E', 'oracle-applicant');
    dossierId = (
      await applicant
        .post('/api/v1/selections/demo-scenario-2026/dossiers')
        .send({ title: '不属于该专家', tier: 'scenario', fields: { sceneName: '示例' }, declaredInvestmentFen: 100_000_000 })
        .expect(201)
    ).body.id;
    expertId = (
      await admin
        .post('/api/v1/experts')
        .send({ name: '好奇专家', organisationName: '中南大学', organisationCreditCode: '124300004448853760', fields: ['AI+离散型制造'], username: 'curious', password: 'curious-expert-password' })
        .expect(201)
    ).body.expertId;
    expert = await t.as('curious', 'curious-expert-password');
  });

  async function recuse(id: string) {
    const cookie = `ai_plus_session=${expert.token}`;
    const page = await t.http.get('/expert/tasks').set('Cookie', cookie).expect(200);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.text)?.[1] as string;
    const set = (page.headers['set-cookie'] as unknown as string[]).map((line) => line.split(';')[0]);
    return t.http
      .post(`/expert/dossiers/${id}/recusal`)
      .set('Cookie', [cookie, ...set].join('; '))
      .type('form')
      .send({ _csrf: token, scope: 'organisation', reason: '探测是否存在' });
  }

  it('an existing, unassigned dossier and a missing one get the same answer', async () => {
    const existing = await recuse(dossierId);
    const missing = await recuse('demo-scenario-2026-nothere');
    expect(existing.status).toBe(404);
    expect(missing.status).toBe(404);
    const strip = (html: string) => html.replace(/value="[^"]+"/g, '');
    expect(strip(existing.text)).toBe(strip(missing.text));
  });

  it("his own record shows no conflict he did not declare, and not the applicant's credit code", async () => {
    const record = await expert.get(`/api/v1/experts/${expertId}`).expect(200);
    expect(record.body.conflicts).toEqual([]);
    expect(JSON.stringify(record.body)).not.toContain(creditCodeOf('E'));
  });
});
