/**
 * 单位注册 in the portal: the credit code is checked as it is typed (through the domain's rule, in
 * Chinese), the form's fields are refused next to themselves, a registered organisation or a taken
 * username is said in words, and the new account signs in.
 */
import request from 'supertest';
import { sharedTestApp } from '../support/shared-test-app';
import type { TestApp } from '../support/test-app';
import { validCreditCode } from '../walkthrough/walk-selection';

const tokenFrom = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

describe('the registration page', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await sharedTestApp();
  });

  it('checks the credit code as it is typed', async () => {
    const code = validCreditCode(5500);
    expect((await t.http.get('/register/credit-code').query({ code: code.slice(0, 10) }).expect(200)).body).toEqual({ valid: false, message: '已输入 10 位,还差 8 位。' });
    expect((await t.http.get('/register/credit-code').query({ code: `${code.slice(0, 17)}${code[17] === '0' ? '1' : '0'}` }).expect(200)).body.message).toBe('校验位(第 18 位)不正确,请对照营业执照核对。');
    expect((await t.http.get('/register/credit-code').query({ code: `91430100MA4LI` }).expect(200)).body.message).toContain('第 13 位“I”');
    expect((await t.http.get('/register/credit-code').query({ code: code.toLowerCase() }).expect(200)).body).toEqual({ valid: true, message: '统一社会信用代码校验通过。' });
  });

  it('registers an organisation from the page, refusing bad fields and a second registration in Chinese', async () => {
    const agent = request.agent(t.app.getHttpServer());
    const page = await agent.get('/register').expect(200);
    expect(page.text).toContain('<script src="/assets/credit-code-check.js" defer></script>');
    expect((await agent.get('/').expect(200)).text).toContain('href="/register"');
    const form = { creditCode: validCreditCode(5501), name: '湖南注册测试有限公司', contactName: '王五', contactPhone: '0731-88889999', username: 'register-org', password: 'register-org-password' };
    const bad = await agent.post('/register').type('form').send({ _csrf: tokenFrom(page.text), ...form, creditCode: '91430100MA4L', password: 'short' }).expect(400);
    expect(bad.text).toContain('已输入 12 位,还差 6 位。');
    expect(bad.text).toContain('密码应为 10–200 个字符');
    expect(bad.text).not.toContain('short');
    const done = await agent.post('/register').type('form').send({ _csrf: tokenFrom(page.text), ...form }).expect(200);
    expect(done.text).toContain('湖南注册测试有限公司已注册,登录用户名为 register-org。');
    await t.as('register-org', 'register-org-password');
    const again = await agent.post('/register').type('form').send({ _csrf: tokenFrom(page.text), ...form, username: 'register-org2' }).expect(409);
    expect(again.text).toContain('该单位已经注册');
    const taken = await agent.post('/register').type('form').send({ _csrf: tokenFrom(page.text), ...form, creditCode: validCreditCode(5502) }).expect(409);
    expect(taken.text).toContain('该用户名已被使用');
    await agent.post('/register').type('form').send({ ...form, creditCode: validCreditCode(5503), username: 'register-org3' }).expect(403);
  });
});
