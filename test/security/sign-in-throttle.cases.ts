import { PasswordHasher } from '../../apps/api/src/auth/password-hasher';
import { AuthenticatedClient, startTestApp, TestApp } from '../support/test-app';
import { creditCodeOf, registerApplicant } from '../dossiers/dossier-fixtures';

/**
 * Finding 7: failed sign-ins are limited per account and per address with a lockout an admin can lift,
 * registrations per address, and an unknown user costs one password hash like a known one.
 */
describe('sign-in throttling and user enumeration (finding 7)', () => {
  let t: TestApp;
  let admin: AuthenticatedClient;

  beforeAll(async () => {
    t = await startTestApp('pglite', undefined, {
      LOGIN_MAX_FAILURES_PER_ACCOUNT: '3',
      LOGIN_MAX_FAILURES_PER_ADDRESS: '12',
      REGISTRATIONS_PER_ADDRESS_PER_HOUR: '4',
    });
    admin = await t.asAdmin();
  });
  afterAll(async () => t?.close());

  const login = (username: string, password: string) => t.http.post('/api/v1/auth/login').send({ username, password });

  it('locks a username after its failures, even for the right password, until an admin lifts it', async () => {
    await registerApplicant(t, 'T', 'victim');
    for (let attempt = 0; attempt < 3; attempt += 1) await login('victim', 'wrong-password').expect(401);
    const locked = await login('victim', 'victim-password-long');
    expect(locked.status).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(locked.body.message).toContain('登录失败次数过多');
    expect(locked.body.details.reason).toMatch(/too many failed sign-ins/);
    const lifted = await admin.delete('/api/v1/accounts/victim/lockout').expect(200);
    expect(lifted.body.lockLifted).toBe(true);
    await login('victim', 'victim-password-long').expect(200);
  });

  it('the portal sign-in shares the lock', async () => {
    await registerApplicant(t, 'U', 'portal-victim');
    for (let attempt = 0; attempt < 3; attempt += 1) await login('portal-victim', 'wrong-password').expect(401);
    const page = await t.http.get('/login');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)?.[1] as string;
    const cookies = (page.headers['set-cookie'] as unknown as string[]).map((cookie) => cookie.split(';')[0]).join('; ');
    const answer = await t.http.post('/login').set('Cookie', cookies).type('form').send({ username: 'portal-victim', password: 'portal-victim-password-long', _csrf: csrf });
    expect(answer.status).toBe(429);
    expect(answer.text).toMatch(/登录失败次数过多/);
  });

  it('an unknown user is verified against a dummy hash, as a known one against his', async () => {
    const hasher = t.app.get(PasswordHasher);
    const original = hasher.verify.bind(hasher);
    let verifications = 0;
    hasher.verify = async (hash: string, password: string) => {
      verifications += 1;
      return original(hash, password);
    };
    try {
      await login('no-such-user-at-all', 'some-password').expect(401);
      expect(verifications).toBe(1);
    } finally {
      hasher.verify = original;
    }
  });

  it('locks an address after its failures across usernames', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 14; attempt += 1) statuses.push((await login(`guess-${attempt}`, 'wrong-password')).status);
    expect(statuses).toContain(429);
    expect(statuses.indexOf(429)).toBeLessThanOrEqual(12);
    await login('admin', 'admin-password-for-tests').expect(429);
  });

  it('limits self-registrations per address', async () => {
    const statuses: number[] = [];
    for (const [index, seventeenth] of ['W', 'X', 'Y'].entries()) {
      const answer = await t.http
        .post('/api/v1/organisations')
        .send({ creditCode: creditCodeOf(seventeenth), name: '节流测试公司', contactName: '测试', contactPhone: '0731-88888888', username: `throttled-${index}`, password: 'throttled-password' });
      statuses.push(answer.status);
    }
    // Two organisations registered above, two more now: the fifth from this address within the hour is refused.
    expect(statuses).toEqual([201, 201, 429]);
  });
});
