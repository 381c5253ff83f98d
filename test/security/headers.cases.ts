import type { TestApp } from '../support/test-app';
import { sharedTestApp } from '../support/shared-test-app';
import { openDemoSelection } from './support/open-demo-selection';
import { registerApplicant } from '../dossiers/dossier-fixtures';

/**
 * Finding 8: security headers on every response — pages, JSON, errors and downloads: a CSP without
 * inline script, no framing, nosniff, a Referrer-Policy.
 */
describe('security headers (finding 8)', () => {
  let t: TestApp;
  let downloadUrl: string;
  let token: string;

  beforeAll(async () => {
    t = await sharedTestApp();
    const admin = await t.asAdmin();
    await openDemoSelection(t, admin);
    const applicant = await registerApplicant(t, 'H', 'headers-applicant');
    token = applicant.token;
    const drafted = await applicant
      .post('/api/v1/selections/demo-scenario-2026/dossiers')
      .send({ title: '安全头测试', tier: 'scenario', fields: { sceneName: '示例' }, declaredInvestmentFen: 100_000_000 })
      .expect(201);
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(100, 32)]);
    const uploaded = await applicant
      .post(`/api/v1/dossiers/${drafted.body.id}/attachments`)
      .field('kind', 'application-form')
      .attach('file', pdf, { filename: 'a.pdf', contentType: 'application/pdf' })
      .expect(201);
    downloadUrl = uploaded.headers.location;
  });

  const expectHardened = (headers: Record<string, string>) => {
    const csp = headers['content-security-policy'];
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).toMatch(/default-src 'self'/);
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('same-origin');
  };

  it.each([
    ['the home page', '/'],
    ['the sign-in page', '/login'],
    ['a JSON read', '/api/v1/selections'],
    ['a 404', '/api/v1/nothing-here'],
    ['the stylesheet', '/assets/portal.css'],
  ])('%s', async (_name, url) => {
    const response = await t.http.get(url);
    expectHardened(response.headers as Record<string, string>);
  });

  it('an attachment download', async () => {
    const response = await t.http.get(downloadUrl).set('Authorization', `Bearer ${token}`).expect(200);
    expectHardened(response.headers as Record<string, string>);
    expect(response.headers['content-disposition']).toMatch(/attachment/);
  });

  it('a refused login (401) and a body the parser refuses (400)', async () => {
    expectHardened((await t.http.post('/api/v1/auth/login').send({ username: 'nobody', password: 'wrong-password' })).headers as Record<string, string>);
    expectHardened((await t.http.post('/api/v1/auth/login').set('Content-Type', 'application/json').send('{')).headers as Record<string, string>);
  });
});
