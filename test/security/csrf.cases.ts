import type { AuthenticatedClient, TestApp } from '../support/test-app';
import { sharedTestApp } from '../support/shared-test-app';
import { openDemoSelection } from './support/open-demo-selection';
import { registerApplicant } from '../dossiers/dossier-fixtures';

/**
 * Finding 1: the session cookie alone does not authorise a state-changing API request: it needs a CSRF
 * token bound to the session and a same-origin Origin (or Sec-Fetch-Site); Bearer clients are not
 * affected. Portal forms from another origin are refused, and a token of another session is worthless.
 */
describe('CSRF (finding 1)', () => {
  let t: TestApp;
  let applicant: AuthenticatedClient;
  let dossierId: string;

  beforeAll(async () => {
    t = await sharedTestApp();
    const admin = await t.asAdmin();
    await openDemoSelection(t, admin);
    applicant = await registerApplicant(t, 'C', 'csrf-applicant');
    const drafted = await applicant
      .post('/api/v1/selections/demo-scenario-2026/dossiers')
      .send({ title: 'CSRF 测试', tier: 'scenario', fields: { sceneName: '示例' }, declaredInvestmentFen: 100_000_000 })
      .expect(201);
    dossierId = drafted.body.id;
  });

  const session = () => `ai_plus_session=${applicant.token}`;
  const status = async () => (await applicant.get(`/api/v1/dossiers/${dossierId}`).expect(200)).body.status;

  /** The token and cookie a signed-in portal page hands out. */
  async function portalToken(cookie: string): Promise<{ token: string; cookie: string }> {
    const page = await t.http.get('/').set('Cookie', cookie).expect(200);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.text)?.[1] as string;
    const set = ((page.headers['set-cookie'] as unknown as string[] | undefined) ?? []).map((line) => line.split(';')[0]);
    return { token, cookie: [cookie, ...set].join('; ') };
  }

  it('a cookie-only form POST from another origin does not withdraw the dossier', async () => {
    const answer = await t.http
      .post(`/api/v1/dossiers/${dossierId}/withdraw`)
      .set('Cookie', session())
      .set('Origin', 'http://evil.example')
      .type('form')
      .send({ reason: '被伪造的撤回' });
    expect(answer.status).toBe(403);
    expect(answer.body.details).toEqual({ code: 'csrf', reason: expect.stringContaining('X-CSRF-Token') });
    expect(answer.body.message).toBe('页面已过期或请求不是从本系统页面发出,未被接受。请刷新页面后重新提交。');
    expect(await status()).toBe('draft');
  });

  it('the same from another port of this host, and with no Origin at all', async () => {
    const host = '127.0.0.1:1';
    await t.http.post(`/api/v1/dossiers/${dossierId}/withdraw`).set('Cookie', session()).set('Origin', `http://${host}`).type('form').send({ reason: 'x' }).expect(403);
    await t.http.post(`/api/v1/dossiers/${dossierId}/withdraw`).set('Cookie', session()).type('form').send({ reason: 'x' }).expect(403);
    expect(await status()).toBe('draft');
  });

  it('a valid token from another origin is still refused; with the same origin the cookie works', async () => {
    const { token, cookie } = await portalToken(session());
    await t.http.patch(`/api/v1/dossiers/${dossierId}`).set('Cookie', cookie).set('X-CSRF-Token', token).set('Origin', 'http://evil.example').send({ title: '外站' }).expect(403);
    const same = await t.http.patch(`/api/v1/dossiers/${dossierId}`).set('Cookie', cookie).set('X-CSRF-Token', token).set('Sec-Fetch-Site', 'same-origin').send({ title: '本站修改' });
    expect(same.status).toBe(200);
    const bySite = await t.http.patch(`/api/v1/dossiers/${dossierId}`).set('Cookie', cookie).set('X-CSRF-Token', token).set('Origin', 'http://whatever').set('Host', 'whatever').send({ title: '本站再改' });
    expect(bySite.status).toBe(200);
  });

  it('a token made for another session (or for none) is worthless', async () => {
    const anonymous = await t.http.get('/login').expect(200);
    const token = /name="_csrf" value="([^"]+)"/.exec(anonymous.text)?.[1] as string;
    const csrfCookie = (anonymous.headers['set-cookie'] as unknown as string[]).map((line) => line.split(';')[0]).join('; ');
    await t.http
      .patch(`/api/v1/dossiers/${dossierId}`)
      .set('Cookie', `${session()}; ${csrfCookie}`)
      .set('X-CSRF-Token', token)
      .set('Sec-Fetch-Site', 'same-origin')
      .send({ title: '别的会话' })
      .expect(403);
  });

  it('a portal upload signed in by the cookie needs the _csrf field of its form', async () => {
    const { token, cookie } = await portalToken(session());
    const file = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(100, 32)]);
    const upload = () => t.http.post(`/api/v1/dossiers/${dossierId}/attachments`).set('Cookie', cookie).set('Sec-Fetch-Site', 'same-origin');
    const without = await upload().field('kind', 'application-form').attach('file', file, { filename: 'a.pdf', contentType: 'application/pdf' });
    expect(without.status).toBe(403);
    expect(without.body.details).toMatchObject({ code: 'csrf' });
    await t.http.post(`/api/v1/dossiers/${dossierId}/attachments`).set('Cookie', cookie).set('Origin', 'http://evil.example').field('_csrf', token).field('kind', 'application-form').attach('file', file, { filename: 'a.pdf', contentType: 'application/pdf' }).expect(403);
    await upload().field('_csrf', token).field('kind', 'application-form').attach('file', file, { filename: 'a.pdf', contentType: 'application/pdf' }).expect(201);
    expect((await applicant.get(`/api/v1/dossiers/${dossierId}`).expect(200)).body.attachments).toHaveLength(1);
  });

  it('Bearer clients are not affected, whatever their Origin', async () => {
    await applicant.patch(`/api/v1/dossiers/${dossierId}`).set('Origin', 'http://elsewhere.example').send({ title: 'Bearer 修改' }).expect(200);
  });

  it('a portal form posted from another origin is refused before its controller', async () => {
    const { token, cookie } = await portalToken(session());
    const answer = await t.http.post('/logout').set('Cookie', cookie).set('Origin', 'http://evil.example').type('form').send({ _csrf: token });
    expect(answer.status).toBe(403);
    const crossSite = await t.http.post('/logout').set('Cookie', cookie).set('Sec-Fetch-Site', 'cross-site').type('form').send({ _csrf: token });
    expect(crossSite.status).toBe(403);
  });

  it('the session cookie is HttpOnly and SameSite (Secure only when the request came over HTTPS)', async () => {
    const page = await t.http.get('/login').expect(200);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.text)?.[1] as string;
    const cookies = (page.headers['set-cookie'] as unknown as string[]).map((line) => line.split(';')[0]).join('; ');
    const signedIn = await t.http.post('/login').set('Cookie', cookies).type('form').send({ username: 'csrf-applicant', password: 'csrf-applicant-password-long', _csrf: token }).expect(303);
    const sessionCookie = (signedIn.headers['set-cookie'] as unknown as string[]).find((line) => line.startsWith('ai_plus_session=')) as string;
    expect(sessionCookie).toMatch(/HttpOnly/i);
    expect(sessionCookie).toMatch(/SameSite=(Lax|Strict)/i);
    expect(sessionCookie).not.toMatch(/Secure/i);
  });
});
