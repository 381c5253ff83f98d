/**
 * 我的账户 in the portal: the signed-in user sees who he is and his organisation, changes his own
 * password (knowing the current one), and an administrator sets a new one for a user who forgot his.
 */
import request from 'supertest';
import { ADMIN } from '../support/test-app';
import { sharedTestApp } from '../support/shared-test-app';
import type { TestApp } from '../support/test-app';
import { validCreditCode } from '../walkthrough/walk-selection';

type Agent = ReturnType<typeof request.agent>;
const tokenFrom = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

describe('the account pages', () => {
  let t: TestApp;
  const signedIn = async (username: string, password: string): Promise<Agent> => {
    const agent = request.agent(t.app.getHttpServer());
    const login = await agent.get('/login').expect(200);
    await agent.post('/login').type('form').send({ _csrf: tokenFrom(login.text), username, password }).expect(303);
    return agent;
  };

  beforeAll(async () => {
    t = await sharedTestApp();
    await t.http.post('/api/v1/organisations').send({ creditCode: validCreditCode(5600), name: '湖南账户测试有限公司', contactName: '王五', contactPhone: '0731-88880000', username: 'account-org', password: 'account-org-password' }).expect(201);
  });

  it('shows who is signed in and changes the password only with the current one', async () => {
    await t.http.get('/account').expect(303);
    const agent = await signedIn('account-org', 'account-org-password');
    const page = await agent.get('/account').expect(200);
    expect(page.text).toContain('<code>account-org</code>');
    expect(page.text).toContain('湖南账户测试有限公司(统一社会信用代码');
    expect(page.text).not.toContain('为用户重置密码');
    const wrong = await agent.post('/account/password').type('form').send({ _csrf: tokenFrom(page.text), currentPassword: 'not-it-at-all', newPassword: 'a-new-password-1', repeatPassword: 'a-new-password-1' }).expect(400);
    expect(wrong.text).toContain('当前密码不正确');
    const mismatch = await agent.post('/account/password').type('form').send({ _csrf: tokenFrom(page.text), currentPassword: 'account-org-password', newPassword: 'a-new-password-1', repeatPassword: 'a-new-password-2' }).expect(400);
    expect(mismatch.text).toContain('两次输入的新密码不一致');
    const short = await agent.post('/account/password').type('form').send({ _csrf: tokenFrom(page.text), currentPassword: 'account-org-password', newPassword: 'short', repeatPassword: 'short' }).expect(400);
    expect(short.text).toContain('密码须为 10 至 200 个字符');
    await agent.post('/account/password').type('form').send({ _csrf: tokenFrom(page.text), currentPassword: 'account-org-password', newPassword: 'a-new-password-1', repeatPassword: 'a-new-password-1' }).expect(303);
    await t.as('account-org', 'a-new-password-1');
    await expect(t.as('account-org', 'account-org-password')).rejects.toThrow();
  });

  it('a password change ends the account\'s other sessions and keeps the one that changed it', async () => {
    await t.http.post('/api/v1/organisations').send({ creditCode: validCreditCode(5601), name: '湖南会话测试有限公司', contactName: '赵六', contactPhone: '0731-88880001', username: 'session-org', password: 'session-org-password' }).expect(201);
    const other = await t.as('session-org', 'session-org-password');
    await other.get('/api/v1/me/dossiers').expect(200);
    const agent = await signedIn('session-org', 'session-org-password');
    const page = await agent.get('/account').expect(200);
    await agent.post('/account/password').type('form').send({ _csrf: tokenFrom(page.text), currentPassword: 'session-org-password', newPassword: 'session-org-new-password', repeatPassword: 'session-org-new-password' }).expect(303);
    await other.get('/api/v1/me/dossiers').expect(401);
    const after = await agent.get('/account?done=changed').expect(200);
    expect(after.text).toContain('<code>session-org</code>');
    expect(after.text).toContain('密码已修改');
    await agent.get('/api/v1/me/dossiers').expect(200);
  });

  it('lets only an administrator reset a password', async () => {
    const applicant = await signedIn('account-org', 'a-new-password-1');
    const page = await applicant.get('/account').expect(200);
    await applicant.post('/account/reset').type('form').send({ _csrf: tokenFrom(page.text), username: 'admin', resetPassword: 'taken-over-123' }).expect(403);
    const admin = await signedIn(ADMIN.username, ADMIN.password);
    const adminPage = await admin.get('/account').expect(200);
    expect(adminPage.text).toContain('为用户重置密码');
    const unknown = await admin.post('/account/reset').type('form').send({ _csrf: tokenFrom(adminPage.text), username: 'nobody-here', resetPassword: 'a-reset-password' }).expect(400);
    expect(unknown.text).toContain('没有这个账户');
    const done = await admin.post('/account/reset').type('form').send({ _csrf: tokenFrom(adminPage.text), username: 'account-org', resetPassword: 'a-reset-password' }).expect(303);
    expect(done.headers.location).toBe('/account?done=reset');
    await t.as('account-org', 'a-reset-password');
  });
});
