import { randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { AuthenticatedClient, startTestApp, TestApp } from '../support/test-app';
import { registerApplicant } from '../dossiers/dossier-fixtures';

/**
 * Finding 2: tokens are checked against the accounts table on every request. Deactivating an expert
 * disables his sign-in and ends his sessions; an admin resets a password or signs an account out
 * everywhere; a correctly signed token of an account that does not exist is refused.
 */
describe('sessions end when the account changes (finding 2)', () => {
  let t: TestApp;
  let admin: AuthenticatedClient;

  beforeAll(async () => {
    t = await startTestApp('pglite', undefined, { ACCOUNT_CACHE_MS: '60000' });
    admin = await t.asAdmin();
  });
  afterAll(async () => t?.close());

  it('a deactivated expert can no longer sign in, and his old token reads nothing', async () => {
    const registered = await admin
      .post('/api/v1/experts')
      .send({ name: '停用专家', organisationName: '中南大学', organisationCreditCode: '124300004448853760', fields: ['AI+离散型制造'], username: 'leaving-expert', password: 'leaving-expert-password' })
      .expect(201);
    const expert = await t.as('leaving-expert', 'leaving-expert-password');
    await expert.get('/api/v1/me/assignments').expect(200);
    await admin.post(`/api/v1/experts/${registered.body.expertId}/deactivate`).send({ reason: '退出专家库' }).expect(200);
    // Even with a minute-long account cache: this process forgets the account when it changes it.
    const refused = await expert.get('/api/v1/me/assignments');
    expect(refused.status).toBe(401);
    expect(refused.body.message).toContain('请重新登录');
    expect(refused.body.details.reason).toMatch(/session has ended/);
    await t.http.post('/api/v1/auth/login').send({ username: 'leaving-expert', password: 'leaving-expert-password' }).expect(401);
  });

  it('a correctly signed token for an account that does not exist is refused', async () => {
    const forged = await t.app.get(JwtService).signAsync({ sub: randomUUID(), role: 'admin', name: '伪造', ver: 0 });
    await t.http.get('/api/v1/experts').set('Authorization', `Bearer ${forged}`).expect(401);
    const withoutVersion = await t.app.get(JwtService).signAsync({ sub: randomUUID(), role: 'admin', name: '旧令牌' });
    await t.http.get('/api/v1/experts').set('Authorization', `Bearer ${withoutVersion}`).expect(401);
  });

  it('an admin signs an account out everywhere', async () => {
    const applicant = await registerApplicant(t, 'A', 'signed-out-applicant');
    const second = await t.as('signed-out-applicant', 'signed-out-applicant-password-long');
    await applicant.get('/api/v1/me/dossiers').expect(200);
    await admin.post('/api/v1/accounts/signed-out-applicant/sign-out').expect(200);
    await applicant.get('/api/v1/me/dossiers').expect(401);
    await second.get('/api/v1/me/dossiers').expect(401);
    const again = await t.as('signed-out-applicant', 'signed-out-applicant-password-long');
    await again.get('/api/v1/me/dossiers').expect(200);
  });

  it('an admin resets a password: the old one and the old sessions stop working', async () => {
    const applicant = await registerApplicant(t, 'R', 'reset-applicant');
    await admin.put('/api/v1/accounts/reset-applicant/password').send({ password: 'the-new-passphrase' }).expect(200);
    await applicant.get('/api/v1/me/dossiers').expect(401);
    await t.http.post('/api/v1/auth/login').send({ username: 'reset-applicant', password: 'reset-applicant-password-long' }).expect(401);
    await t.as('reset-applicant', 'the-new-passphrase');
    await admin.put('/api/v1/accounts/nobody-here/password').send({ password: 'the-new-passphrase' }).expect(404);
  });

  it('a portal page with an ended session shows the page signed out instead of a JSON 401', async () => {
    const applicant = await registerApplicant(t, 'P', 'portal-ended');
    await admin.post('/api/v1/accounts/portal-ended/sign-out').expect(200);
    const page = await t.http.get('/').set('Cookie', `ai_plus_session=${applicant.token}`);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/html/);
    expect(String(page.headers['set-cookie'])).toMatch(/ai_plus_session=;/);
  });
});
