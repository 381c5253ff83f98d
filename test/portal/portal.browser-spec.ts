/**
 * The portal in a real browser (Debian's Chromium driven by playwright-core): the admin opens a call;
 * an applicant drafts, uploads and submits; the admin reviews and assigns; an expert scores on the page
 * (the other four over the API); the admin closes review and starts the notice; the public files an
 * objection on the notice page; the admin resolves it and publishes; the annex link downloads.
 * Screenshots go to test/artifacts/ for a person to look at.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { ADMIN, startTestApp } from '../support/test-app';
import type { AuthenticatedClient, TestApp } from '../support/test-app';
import { registerExperts, seedProgramme, validCreditCode } from '../walkthrough/walk-selection';

const ARTIFACTS = join(process.cwd(), 'test/artifacts');
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const pdf = (label: string) => Buffer.from(`%PDF-1.4\n% 湖南省人工智能+ 申报材料 ${label}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n`);

describe('the web portal in a browser', () => {
  let t: TestApp;
  let browser: BrowserContext;
  let page: Page;
  let base: string;
  let profile: string;

  const signIn = async (username: string, password: string) => {
    await page.goto(`${base}/login`);
    await page.fill('#username', username);
    await page.fill('#password', password);
    await page.click('button[type=submit]:has-text("登录")');
  };
  const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `portal-${name}.png`), fullPage: true });

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    t = await startTestApp('pglite');
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    profile = mkdtempSync(join(tmpdir(), 'ai-plus-chromium-'));
    // A fresh profile per run: nothing left over from an earlier session.
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
      viewport: { width: 1100, height: 900 },
      locale: 'zh-CN',
      acceptDownloads: true,
    });
    page = browser.pages()[0] ?? (await browser.newPage());
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('walks a selection from the call to the published annex', async () => {
    const year = 2026;
    const programme = seedProgramme('demo-scenario');
    const experts: AuthenticatedClient[] = await registerExperts(t, 5, 7000);
    await t.http
      .post('/api/v1/organisations')
      .send({ creditCode: validCreditCode(7100), name: '湖南智港科技有限公司', contactName: '李四', contactPhone: '0731-88880000', username: 'zhigang', password: 'zhigang-password' })
      .expect(201);

    // A form posted without the CSRF field (as another site would) is refused.
    const forged = await t.http.post('/login').type('form').send({ username: ADMIN.username, password: ADMIN.password });
    const cookies = ([] as string[]).concat(forged.headers['set-cookie'] ?? []);
    expect([forged.status, cookies.some((cookie) => cookie.startsWith('ai_plus_session='))]).toEqual([403, false]);

    // 管理员 opens the call from the portal (a missing deadline is refused next to the field first).
    await signIn(ADMIN.username, ADMIN.password);
    await page.waitForURL(`${base}/admin`);
    await page.selectOption('#programme', 'demo-scenario');
    await page.fill('#year', String(year));
    await page.click('button:has-text("开放申报")');
    await expect(page.locator('main').textContent()).resolves.toContain('申报截止日期格式不正确');
    await page.fill('#submissionDeadlineDate', `${year}-03-31`);
    await page.click('button:has-text("开放申报")');
    await page.waitForURL(/\/admin\/selections\/[^/?]+\?done=opened$/);
    const selectionId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    const desk = `${base}/admin/selections/${encodeURIComponent(selectionId)}`;
    await shot('01-admin-opened');
    await page.click('button:has-text("退出")');

    // 首页 and 登录 (a wrong password first: the error is in Chinese).
    await page.goto(`${base}/`);
    await expect(page.locator('h1').textContent()).resolves.toBe('评选活动列表');
    await expect(page.locator('table').textContent()).resolves.toContain('申报中');
    await expect(page.locator('#demo-heading').count()).resolves.toBe(0);
    await t.http
      .post('/api/v1/organisations')
      .send({ creditCode: validCreditCode(7101), name: '演示单位', contactName: '演示', contactPhone: '0731-88880001', username: 'demo-org-001', password: 'demo-org-001-passphrase' })
      .expect(201);
    await page.reload();
    await expect(page.locator('aside.box').textContent()).resolves.toContain('demo-org-001');
    await shot('02-home');
    await signIn('zhigang', 'wrong-password');
    await expect(page.locator('[role=alert]').textContent()).resolves.toContain('用户名或密码错误');
    await signIn('zhigang', 'zhigang-password');
    await page.waitForURL(`${base}/applicant/dossiers`);
    await shot('03-applicant-dossiers');

    // A new draft with the programme's fields; an empty title is refused next to the field.
    await page.click('text=新建申报');
    await page.fill('#declaredInvestmentYuan', '12000000');
    for (const field of programme.fields) await page.fill(`#field_${field.code}`, `${field.code} 的内容:港口无人巡检`);
    await page.click('button:has-text("保存草稿")');
    await expect(page.locator('#title-error').textContent()).resolves.toBe('请填写项目名称');
    await shot('04-draft-error');
    await page.fill('#title', '智慧港口无人巡检示范场景');
    await page.click('button:has-text("保存草稿")');
    await page.waitForURL(/\/applicant\/dossiers\/[^/]+$/);
    const dossierId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    await expect(page.locator('.missing').textContent()).resolves.toContain('附件:申报书');

    // Attachments through the upload form, one per required kind; then submit with the confirmation.
    for (const kind of programme.attachments.kinds.filter((kind) => kind.required)) {
      await page.selectOption('#kind', kind.code);
      await page.setInputFiles('#file', { name: `${kind.code}.pdf`, mimeType: 'application/pdf', buffer: pdf(kind.code) });
      await Promise.all([page.waitForEvent('load'), page.click('button:has-text("上传")')]);
    }
    await expect(page.locator('text=材料已齐全').count()).resolves.toBe(1);
    await shot('05-dossier-uploaded');
    // Editing the draft: the form comes back filled in; the new title is saved.
    await page.click('text=修改申报内容');
    await expect(page.inputValue('#field_sceneName')).resolves.toBe('sceneName 的内容:港口无人巡检');
    await page.fill('#title', '智慧港口无人巡检示范场景(修订)');
    await page.click('button:has-text("保存修改")');
    await expect(page.locator('.ok').textContent()).resolves.toContain('修改已保存');
    await expect(page.locator('h1').textContent()).resolves.toBe('智慧港口无人巡检示范场景(修订)');
    page.once('dialog', (dialog) => void dialog.accept());
    await page.click('button:has-text("提交申报")');
    await expect(page.locator('[role=status]').first().textContent()).resolves.toContain('申报材料已提交');
    await shot('06-dossier-submitted');
    await page.click('button:has-text("退出")');

    // 管理员: close submissions, pass the formal review with 核定投资额, close it, assign the experts.
    t.clock.set(`${year}-04-01T01:00:00.000Z`);
    await signIn(ADMIN.username, ADMIN.password);
    await page.goto(desk);
    await page.click('button:has-text("截止申报")');
    await expect(page.locator('.ok').textContent()).resolves.toContain('申报已截止');
    await page.fill('input[name=approvedInvestmentYuan]', '10000000');
    await shot('07-formal-review');
    await page.click('button:has-text("记录结论")');
    await expect(page.locator('.ok').textContent()).resolves.toContain('形式审查结论已记录');
    await page.click('button:has-text("结束形式审查")');
    t.clock.set(`${year}-04-10T01:00:00.000Z`);
    await page.click('button:has-text("分配专家")');
    await expect(page.locator('.ok').textContent()).resolves.toContain('专家评审开始');
    await expect(page.locator('main').textContent()).resolves.toContain('0 / 5');
    await page.click('button:has-text("退出")');

    // The first expert scores on the scoring page: the live total follows the inputs; then amends.
    await signIn('walk-expert0', 'walk-expert0-password');
    await page.waitForURL(`${base}/expert/tasks`);
    await expect(page.locator('main').textContent()).resolves.toContain('已评 0 / 1 项');
    await shot('08-expert-tasks');
    await page.click('text=智慧港口无人巡检示范场景');
    for (const criterion of programme.rubric) await page.fill(`#points_${criterion.code}`, String(criterion.maxPoints));
    await expect(page.locator('#total').textContent()).resolves.toBe('100.00');
    await page.fill('#points_technology', '20');
    await expect(page.locator('#total').textContent()).resolves.toBe('95.00');
    await page.click('button:has-text("保存评分")');
    await expect(page.locator('#comment-error').textContent()).resolves.toBe('请填写评审意见');
    await page.fill('#comment', '场景清晰,成效可量化。');
    await page.click('button:has-text("保存评分")');
    await expect(page.locator('.ok').textContent()).resolves.toContain('评分已保存');
    await shot('09-expert-scoring');
    await page.fill('#points_compliance', '8');
    await page.click('button:has-text("修改评分")');
    await expect(page.locator('.ok').textContent()).resolves.toContain('评分已保存');
    await expect(page.locator('#total').textContent()).resolves.toBe('93.00');
    await page.goto(`${base}/expert/tasks`);
    await expect(page.locator('main').textContent()).resolves.toContain('已评 1 / 1 项');
    await page.click('button:has-text("退出")');
    // The other four over the API, spread out so the chart has something to show.
    for (const [index, expert] of experts.slice(1).entries()) {
      const share = [0.6, 0.7, 0.8, 0.9][index];
      const points = Object.fromEntries(programme.rubric.map((criterion) => [criterion.code, Math.round(criterion.maxPoints * share)]));
      await expert.put(`/api/v1/dossiers/${dossierId}/reviews/mine`).send({ points, comment: '材料完整。' }).expect(200);
    }

    // 管理员 closes the review: the scoreboard with its SVG chart; then starts the notice.
    t.clock.set(`${year}-04-20T01:00:00.000Z`);
    await signIn(ADMIN.username, ADMIN.password);
    await page.goto(desk);
    await page.click('button:has-text("结束专家评审")');
    await expect(page.locator('.ok').textContent()).resolves.toContain('入围名单已生成');
    await expect(page.locator('table.scoreboard svg').count()).resolves.toBe(1);
    await shot('10-scoreboard');
    await page.fill('#startsOn', `${year}-04-21`);
    await page.click('button:has-text("开始公示")');
    await expect(page.locator('.ok').textContent()).resolves.toContain('公示已开始');
    await page.click('button:has-text("退出")');

    // The public notice, and an objection filed from it: a bad contact is refused in Chinese first.
    t.clock.set(`${year}-04-22T02:00:00.000Z`);
    await page.goto(`${base}/`);
    await page.click('text=查看公示');
    await expect(page.locator('main').textContent()).resolves.toContain('智慧港口无人巡检示范场景');
    await shot('11-notice');
    await page.setViewportSize({ width: 390, height: 844 });
    await shot('11-notice-phone');
    await page.setViewportSize({ width: 1100, height: 900 });
    await page.fill('#name', '王五');
    await page.fill('#contact', '不是电话');
    await page.fill('#reason', '申报材料中的营业收入与审计报告不一致。');
    await page.click('button:has-text("提交异议")');
    await expect(page.locator('#contact-error').textContent()).resolves.toBe('联系方式格式不正确');
    await shot('12-objection-error');
    await page.fill('#contact', '13800000000');
    await page.click('button:has-text("提交异议")');
    await expect(page.locator('.ok').textContent()).resolves.toContain('您的异议已提交');
    await shot('13-objection-filed');

    // 管理员 resolves it, decides and publishes the awards; the annex link on the home page downloads.
    await signIn(ADMIN.username, ADMIN.password);
    await page.goto(desk);
    await page.fill('textarea[name=finding]', '经核实,营业收入数据与审计报告一致,异议不成立。');
    await shot('14-objection-to-resolve');
    await page.click('button:has-text("记录处理结果")');
    await expect(page.locator('.ok').textContent()).resolves.toContain('异议处理结果已记录');
    t.clock.set(`${year}-05-20T02:00:00.000Z`);
    await page.click('button:has-text("确定奖补")');
    await expect(page.locator('.ok').textContent()).resolves.toContain('奖补已确定');
    await page.click('button:has-text("公布名单")');
    await expect(page.locator('.ok').textContent()).resolves.toContain('名单已公布');
    // A forged or expired session cookie: the portal shows the page signed out instead of a JSON 401.
    await browser.addCookies([{ name: 'ai_plus_session', value: 'not-a-jwt', url: base }]);
    await page.goto(`${base}/`);
    await expect(page.locator('header nav').textContent()).resolves.toContain('登录');
    await shot('15-home-published');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a:has-text("TXT 文本")')]);
    const saved = join(profile, 'annex.txt');
    await download.saveAs(saved);
    // The 附件2 of a scenario selection names the scene, not the organisation.
    expect(readFileSync(saved, 'utf8')).toContain('sceneName 的内容:港口无人巡检');
  });
});
