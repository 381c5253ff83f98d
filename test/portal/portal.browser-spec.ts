/**
 * The portal in a real browser (Debian's Chromium driven by playwright-core): the admin opens a call
 * with a quota changed from the programme's default; an applicant drafts, uploads and submits (a second
 * one over the API); the admin reviews and assigns; an expert scores on the page; another declares a
 * conflict with the applicant from the scoring page (回避); the admin keeps the expert pool (registers,
 * deactivates) and runs a replacement round; the others score over the API; the admin closes review and
 * starts the notice; the public files an objection with evidence on the notice page; the admin opens
 * the evidence and upholds it, and the reserve moves up (递补); the audit pages show each stream; the annex link downloads.
 * Every step on the desk goes through its confirmation page (the preview of what it does). Every page
 * visited is checked with axe-core (serious and critical violations fail the test) and for English
 * sentences (none may show), a few at a 375 px phone width, and the focus ring is checked by keyboard.
 * Screenshots go to test/artifacts/.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { ADMIN, startTestApp } from '../support/test-app';
import { describeInBrowser } from '../support/browser-requirements';
import type { AuthenticatedClient, TestApp } from '../support/test-app';
import { registerExperts, seedProgramme, validCreditCode } from '../walkthrough/walk-selection';
import { signDeclaration } from '../support/sign-declaration';
import { axeViolations, latinSentences, seriousFindings } from '../support/page-checks';
import type { PageFinding } from '../support/page-checks';

const ARTIFACTS = join(process.cwd(), 'test/artifacts');
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const pdf = (label: string) => Buffer.from(`%PDF-1.4\n% 湖南省人工智能+ 申报材料 ${label}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n`);

describeInBrowser('the web portal in a browser', { chromium: true, cjkFont: true }, ({ chromiumPath }) => {
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
  const findings: PageFinding[] = [];
  const checked = new Set<string>();
  /** Every violation of any impact, per page, written to test/artifacts/portal-axe.json for a person to read. */
  const report: { page: string; violations: { rule: string; impact: string; nodes: number }[] }[] = [];
  /** axe-core on the page as it is now; serious and critical violations are collected and fail the test at the end. */
  const axe = async (name: string) => {
    // Evaluated over the DevTools protocol, not added as a <script>: the portal's CSP (script-src
    // 'self') rightly refuses an inline script, and the walk keeps that policy on.
    const violations = await axeViolations(page);
    await noLatinSentence(name);
    report.push({ page: name, violations: violations.map((violation) => ({ rule: violation.id, impact: violation.impact, nodes: violation.targets.length })) });
    findings.push(...seriousFindings(violations, name));
    checked.add(name);
  };
  /** Lines of the page with a run of three Latin-script words: an English sentence a reader would meet. */
  const latin: { page: string; text: string }[] = [];
  const noLatinSentence = async (name: string) => {
    // Identifiers a person copies (usernames, hashes, file names, ids in <code>) are not sentences.
    for (const text of await latinSentences(page)) latin.push({ page: name, text });
  };
  const shot = async (name: string) => {
    await axe(name);
    await page.screenshot({ path: join(ARTIFACTS, `portal-${name}.png`), fullPage: true });
  };
  /** The same page at a phone's width (375 px), checked again, then back to the desktop size. */
  const phoneShot = async (name: string) => {
    await page.setViewportSize({ width: 375, height: 812 });
    await shot(`${name}-phone`);
    const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect([name, overflow]).toEqual([name, 0]);
    await page.setViewportSize({ width: 1100, height: 900 });
  };
  /** A step on the desk: its button opens the confirmation page (a preview), whose own button does it. */
  const confirmStep = async (button: string, screenshot?: string) => {
    await page.click(`button:has-text("${button}")`);
    await expect(page.locator('h1').textContent()).resolves.toMatch(/^确认/);
    if (screenshot) await shot(screenshot);
    else await axe(`confirm-${button}`);
    await page.click('form:has(input[name=confirmed]) button[type=submit]');
  };
  /** A dossier over the API: drafted, every required attachment, submitted. */
  const submitOverApi = async (owner: AuthenticatedClient, selectionId: string, title: string, label: string) => {
    const programme = seedProgramme('demo-scenario');
    const fields = Object.fromEntries(programme.fields.map((field) => [field.code, `${field.code} 的内容:${label}`]));
    const drafted = await owner.post(`/api/v1/selections/${selectionId}/dossiers`).send({ title, tier: 'scenario', fields, declaredInvestmentFen: 800_000_000 }).expect(201);
    const id = drafted.body.id as string;
    for (const kind of programme.attachments.kinds.filter((kind) => kind.required)) {
      await owner.post(`/api/v1/dossiers/${id}/attachments`).field('kind', kind.code).attach('file', pdf(`${id}-${kind.code}`), { filename: `${kind.code}.pdf`, contentType: 'application/pdf' }).expect(201);
    }
    await owner.post(`/api/v1/dossiers/${id}/submit`).expect(200);
    return id;
  };

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    t = await startTestApp('pglite');
    base = t.baseUrl;
    profile = mkdtempSync(join(tmpdir(), 'ai-plus-chromium-'));
    // A fresh profile per run: nothing left over from an earlier session.
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      args: CHROMIUM_ARGS,
      viewport: { width: 1100, height: 900 },
      locale: 'zh-CN',
      acceptDownloads: true,
    });
    page = browser.pages()[0] ?? (await browser.newPage());
  });

  afterAll(async () => {
    if (report.length > 0) writeFileSync(join(ARTIFACTS, 'portal-axe.json'), `${JSON.stringify(report, null, 2)}\n`);
    await browser?.close();
    await t?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('walks a selection from the call to the published annex', async () => {
    const year = 2026;
    const programme = seedProgramme('demo-scenario');
    const experts: AuthenticatedClient[] = await registerExperts(t, 5, 7000);
    const admin = await t.asAdmin();
    const zhigangCode = validCreditCode(7100);
    await t.http
      .post('/api/v1/organisations')
      .send({ creditCode: zhigangCode, name: '湖南智港科技有限公司', contactName: '李四', contactPhone: '0731-88880000', username: 'zhigang', password: 'zhigang-password' })
      .expect(201);
    await t.http
      .post('/api/v1/organisations')
      .send({ creditCode: validCreditCode(7102), name: '湖南云港数据有限公司', contactName: '赵六', contactPhone: '0731-88880002', username: 'yungang', password: 'yungang-password' })
      .expect(201);
    const yungang = await t.as('yungang', 'yungang-password');

    // A form posted without the CSRF field (as another site would) is refused.
    const forged = await t.http.post('/login').type('form').send({ username: ADMIN.username, password: ADMIN.password });
    const cookies = ([] as string[]).concat(forged.headers['set-cookie'] ?? []);
    expect([forged.status, cookies.some((cookie) => cookie.startsWith('ai_plus_session='))]).toEqual([403, false]);

    // 管理员 opens the call from the portal: the programme's default rules are in the form; a missing
    // deadline and a quota that is not a number are refused next to their fields first.
    await signIn(ADMIN.username, ADMIN.password);
    await page.waitForURL(`${base}/admin`);
    await page.selectOption('#programme', 'demo-scenario');
    await expect(page.inputValue('#demo-scenario-quota-scenario')).resolves.toBe('10');
    await expect(page.inputValue('#demo-scenario-minimumScore')).resolves.toBe('60');
    await expect(page.locator('fieldset[data-programme=key-enterprise]').isHidden()).resolves.toBe(true);
    await page.fill('#year', String(year));
    await page.fill('#demo-scenario-quota-scenario', '十个');
    await page.click('button:has-text("开放申报")');
    await expect(page.locator('main').textContent()).resolves.toContain('申报截止日期格式不正确');
    await expect(page.locator('#demo-scenario-quota-scenario-error').textContent()).resolves.toBe('示范场景名额须为非负整数');
    await shot('01-admin-open-call-errors');
    await page.fill('#submissionDeadlineDate', `${year}-03-31`);
    await page.fill('#demo-scenario-quota-scenario', '1');
    await page.click('button:has-text("开放申报")');
    await page.waitForURL(/\/admin\/selections\/[^/?]+\?done=opened$/);
    const selectionId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    const desk = `${base}/admin/selections/${encodeURIComponent(selectionId)}`;
    await shot('01-admin-opened');
    // Only what was changed is recorded as the call's override.
    const opened = await admin.get(`/api/v1/streams/selection-${selectionId}/events`).expect(200);
    expect(opened.body.events[0].data.overrides).toEqual({ quotas: { scenario: 1 } });
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
    // An account called demo… outside the demo's own database (no demo-admin) is no demo account: no box.
    await expect(page.locator('#demo-heading').count()).resolves.toBe(0);
    await shot('02-home');
    await phoneShot('02-home');
    // By keyboard: the first Tab lands on the skip link, which shows itself with a visible focus ring.
    await page.keyboard.press('Tab');
    const focused = `(() => {
      const element = document.activeElement, style = getComputedStyle(element), box = element.getBoundingClientRect();
      return { text: element.textContent, outline: style.outlineStyle, width: parseFloat(style.outlineWidth), visible: box.left >= 0 && box.width > 0 };
    })()`;
    const focus = await page.evaluate(focused);
    expect(focus).toEqual({ text: '跳到正文', outline: 'solid', width: 3, visible: true });
    await page.keyboard.press('Tab');
    await expect(page.evaluate(focused)).resolves.toEqual({ text: '湖南省“人工智能+”年度评选', outline: 'solid', width: 3, visible: true });
    await signIn('zhigang', 'wrong-password');
    await expect(page.locator('[role=alert]').textContent()).resolves.toContain('用户名或密码错误');
    await shot('02-login-error');
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
    // Replacing an attachment while the dossier is editable: delete it (after the browser's question), upload anew.
    page.once('dialog', (dialog) => void dialog.accept());
    await page.click('ul.attachments li:has-text("application-form.pdf") button:has-text("删除")');
    await expect(page.locator('p.ok[role=status]').textContent()).resolves.toContain('附件已删除');
    await expect(page.locator('.missing').textContent()).resolves.toContain('附件:申报书');
    await page.selectOption('#kind', 'application-form');
    await page.setInputFiles('#file', { name: '申报书(修订).pdf', mimeType: 'application/pdf', buffer: pdf('application-form-2') });
    await Promise.all([page.waitForEvent('load'), page.click('button:has-text("上传")')]);
    await expect(page.locator('ul.attachments').textContent()).resolves.toContain('申报书(修订).pdf');
    // Editing the draft: the form comes back filled in; the new title is saved.
    await page.click('text=修改申报内容');
    await expect(page.inputValue('#field_sceneName')).resolves.toBe('sceneName 的内容:港口无人巡检');
    await shot('05-dossier-edit');
    await page.fill('#title', '智慧港口无人巡检示范场景(修订)');
    await page.click('button:has-text("保存修改")');
    await expect(page.locator('.ok').textContent()).resolves.toContain('修改已保存');
    await expect(page.locator('h1').textContent()).resolves.toBe('智慧港口无人巡检示范场景(修订)');
    page.once('dialog', (dialog) => void dialog.accept());
    await page.click('button:has-text("提交申报")');
    await expect(page.locator('[role=status]').first().textContent()).resolves.toContain('申报材料已提交');
    await shot('06-dossier-submitted');
    await page.click('button:has-text("退出")');
    // A second applicant's dossier, over the API: with a quota of 1 it becomes the reserve.
    const reserveId = await submitOverApi(yungang, selectionId, '云港数据湘江航运调度示范场景', '湘江航运调度');

    // 管理员: close submissions, pass the formal review with 核定投资额, close it, assign the experts.
    t.clock.set(`${year}-04-01T01:00:00.000Z`);
    await signIn(ADMIN.username, ADMIN.password);
    await page.goto(desk);
    await confirmStep('截止申报', '07-confirm-close-submissions');
    await expect(page.locator('.ok').textContent()).resolves.toContain('申报已截止');
    await admin.post(`/api/v1/dossiers/${reserveId}/formal-review`).send({ decision: 'pass', approvedInvestmentFen: 700_000_000 }).expect(200);
    await page.reload();
    await page.fill('input[name=approvedInvestmentYuan]', '10000000');
    await shot('07-formal-review');
    await confirmStep('记录结论');
    await expect(page.locator('.ok').textContent()).resolves.toContain('形式审查结论已记录');
    await confirmStep('结束形式审查');
    t.clock.set(`${year}-04-10T01:00:00.000Z`);
    await page.fill('#review-deadline', `${year}-04-17`);
    // 分配专家 offers 专家抽取 with a fresh random seed already shown; the walk keeps the balanced plan.
    await expect(page.locator('input[name=method][value=balanced]').isChecked()).resolves.toBe(true);
    await expect(page.locator('#draw-seed').inputValue()).resolves.toMatch(/^[0-9a-f]{12}$/);
    await axe('desk-assign-form');
    await confirmStep('分配专家');
    await expect(page.locator('.ok').textContent()).resolves.toContain('专家评审开始');
    await expect(page.locator('main').textContent()).resolves.toContain(`评审截止日期:${year}年4月17日`);
    await expect(page.locator('main').textContent()).resolves.toContain('0 / 5');
    // Load per expert: each of the five carries both dossiers, none scored yet.
    await expect(page.locator('table.loads tbody tr').count()).resolves.toBe(5);
    await expect(page.locator('table.loads tbody tr').first().textContent()).resolves.toMatch(/专家\d2\s*0—/);
    await page.click('button:has-text("退出")');

    // The first expert scores on the scoring page: the live total follows the inputs; then amends.
    await signIn('walk-expert0', 'walk-expert0-password');
    await page.waitForURL(`${base}/expert/tasks`);
    await expect(page.locator('main').textContent()).resolves.toContain('已评 0 / 2 项');
    await expect(page.locator('main').textContent()).resolves.toContain(`评审截止:${year}年4月17日`);
    await expect(page.locator('main').textContent()).resolves.toContain('请先阅读并签署本评选的保密承诺和回避声明');
    await shot('08-expert-tasks');
    // First entry: opening a dossier asks for the 保密承诺、回避声明 first, then leads to that dossier.
    await page.click('text=智慧港口无人巡检示范场景');
    await page.waitForURL(/\/expert\/selections\/.+\/declaration\?next=/);
    await expect(page.locator('h1').textContent()).resolves.toBe('保密承诺和回避声明');
    await expect(page.locator('section.declaration').textContent()).resolves.toContain('对评审材料、评审过程和评审结果保密');
    await page.click('button:has-text("签署声明并开始评审")');
    await expect(page.locator('#agree-error').textContent()).resolves.toBe('请勾选“本人已阅读上述声明”后再签署');
    await page.check('input[name=agree]');
    await shot('08-expert-declaration');
    await page.click('button:has-text("签署声明并开始评审")');
    await page.waitForURL(/\/expert\/dossiers\//);
    const pool = (await admin.get('/api/v1/experts').expect(200)).body as { expertId: string; name: string }[];
    const firstExpertId = pool.find((expert) => expert.name === '专家0')!.expertId;
    const commitments = await admin.get(`/api/v1/streams/commitment-${selectionId}-${firstExpertId}/events`).expect(200);
    expect(JSON.stringify(commitments.body)).toContain('DeclarationSigned');
    for (const criterion of programme.rubric) await page.fill(`#points_${criterion.code}`, String(criterion.maxPoints));
    await expect(page.locator('#total').textContent()).resolves.toBe('100.00');
    await page.fill('#points_technology', '20');
    await expect(page.locator('#total').textContent()).resolves.toBe('95.00');
    await page.click('button:has-text("保存评分")');
    await expect(page.locator('#comment-error').textContent()).resolves.toBe('请填写评审意见');
    await shot('09-expert-scoring-error');
    await page.fill('#comment', '场景清晰,成效可量化。');
    await page.click('button:has-text("保存评分")');
    await expect(page.locator('.ok').textContent()).resolves.toContain('评分已保存');
    await expect(page.locator('main').textContent()).resolves.toContain('湖南智港科技有限公司');
    await expect(page.locator('main').textContent()).resolves.toContain('12,000,000.00 元');
    await shot('09-expert-scoring');
    // At a phone's width the criterion names stay words, not one character per line.
    await page.setViewportSize({ width: 375, height: 812 });
    const labelHeight = await page.evaluate(`document.querySelector('label[for=points_technology]').getBoundingClientRect().height`);
    expect(labelHeight).toBeLessThan(60);
    await page.setViewportSize({ width: 1100, height: 900 });
    await phoneShot('09-expert-scoring');
    await page.fill('#points_compliance', '8');
    await page.click('button:has-text("修改评分")');
    await expect(page.locator('.ok').textContent()).resolves.toContain('评分已保存');
    await expect(page.locator('#total').textContent()).resolves.toBe('93.00');
    await page.goto(`${base}/expert/tasks`);
    await expect(page.locator('main').textContent()).resolves.toContain('已评 1 / 2 项');
    await page.click('button:has-text("退出")');

    // The second expert declares a conflict with the applicant from the scoring page (回避): he is
    // recused from its dossier and the conflict goes into the expert pool.
    await signIn('walk-expert1', 'walk-expert1-password');
    await page.waitForURL(`${base}/expert/tasks`);
    await page.click('text=智慧港口无人巡检示范场景');
    await page.check('input[name=agree]');
    await page.click('button:has-text("签署声明并开始评审")');
    await page.waitForURL(/\/expert\/dossiers\//);
    await page.click('summary:has-text("申请回避")');
    await page.click('button:has-text("确认回避")');
    await expect(page.locator('#recusal-error').textContent()).resolves.toBe('请填写回避理由');
    await page.check('input[name=scope][value=organisation]');
    await page.fill('#recusal-reason', '本人近三年曾在该单位兼职。');
    await shot('10-expert-recusal');
    await page.click('button:has-text("确认回避")');
    await page.waitForURL(`${base}/expert/tasks?recused=1`);
    await expect(page.locator('[role=status]').textContent()).resolves.toContain('已回避该项目');
    await expect(page.locator('main').textContent()).resolves.toContain('已评 0 / 1 项');
    await expect(page.locator('main').textContent()).resolves.not.toContain('智慧港口');
    await page.click('button:has-text("退出")');

    // 管理员 keeps the expert pool: the declared conflict is listed; a new expert is registered (field
    // errors in Chinese first) and a second one, registered over the API, is deactivated.
    const seventh = await admin
      .post('/api/v1/experts')
      .send({ name: '专家七', organisationName: '湖南工业大学', organisationCreditCode: validCreditCode(7006), fields: ['人工智能'], username: 'walk-expert6', password: 'walk-expert6-password' })
      .expect(201);
    await signIn(ADMIN.username, ADMIN.password);
    await page.goto(`${base}/admin/experts`);
    await expect(page.locator('table.experts').textContent()).resolves.toContain('湖南智港科技有限公司');
    await expect(page.locator('table.experts').textContent()).resolves.toContain(zhigangCode);
    await page.fill('#expert-organisationCreditCode', '12345');
    await page.click('button:has-text("登记专家")');
    await expect(page.locator('#expert-name-error').textContent()).resolves.toBe('请填写姓名');
    await expect(page.locator('#expert-organisationCreditCode-error').textContent()).resolves.toBe('工作单位统一社会信用代码应为 18 位');
    await expect(page.locator('#expert-fields-error').textContent()).resolves.toBe('请至少填写一项专业领域');
    await expect(page.locator('#expert-password-error').textContent()).resolves.toBe('初始密码应为 10–200 个字符');
    await shot('11-expert-pool-errors');
    await page.fill('#expert-name', '专家六');
    await page.fill('#expert-organisationName', '湖南师范大学');
    await page.fill('#expert-organisationCreditCode', validCreditCode(7005));
    await page.fill('#expert-fields', '人工智能、AI+交通');
    await page.fill('#expert-username', 'walk-expert5');
    await page.fill('#expert-password', 'walk-expert5-password');
    await page.click('button:has-text("登记专家")');
    await expect(page.locator('[role=status]').textContent()).resolves.toContain('登录用户名:walk-expert5');
    await page.selectOption('#deactivate-expertId', seventh.body.expertId as string);
    await page.click('button:has-text("停用")');
    await expect(page.locator('#deactivate-reason-error').textContent()).resolves.toBe('请填写停用理由');
    await page.fill('#deactivate-reason', '本年度不参加评审');
    await page.click('button:has-text("停用")');
    await expect(page.locator('[role=status]').textContent()).resolves.toContain('专家已停用');
    await expect(page.locator('table.experts').textContent()).resolves.toContain('已停用');
    await shot('11-expert-pool');

    // The desk shows the open place; a replacement round fills it with the one free active expert.
    await page.goto(desk);
    await expect(page.locator('main').textContent()).resolves.toContain('缺 1 人');
    await shot('12-desk-open-place');
    await confirmStep('补充分配专家');
    await expect(page.locator('.ok').textContent()).resolves.toContain('补充分配已完成');
    await expect(page.locator('table.rounds').textContent()).resolves.toContain('第 2 轮');
    // The round's pairs live on the dossier streams (issue 15): the round row counts them and names who took them.
    await expect(page.locator('table.rounds').textContent()).resolves.toMatch(/第 2 轮\(补充分配\)[^第]*1 人次/);
    await expect(page.locator('table.rounds').textContent()).resolves.toContain('专家六 1 项');
    await expect(page.locator('main').textContent()).resolves.toContain('所有评审项目的专家均已配齐');
    await shot('12-desk-replacement-round');

    // The audit trail of the selection, and of the dossier (from its row): in order, with actors.
    await page.click('text=本评选的审计记录');
    await expect(page.locator('h1').textContent()).resolves.toBe('审计记录');
    const selectionAudit = await page.locator('table.audit tbody').textContent();
    expect(selectionAudit).toContain('开放申报');
    expect(selectionAudit).toContain('补充分配');
    expect(selectionAudit).toContain('admin');
    await expect(page.locator('table.audit tbody tr').first().locator('td').first().textContent()).resolves.toBe('0');
    await shot('13-audit-selection');
    await page.goto(desk);
    await page.click(`table.dossiers tr:has-text("智慧港口") a:has-text("审计记录")`);
    await expect(page.locator('table.audit').textContent()).resolves.toContain('本人近三年曾在该单位兼职');
    await expect(page.locator('table.audit').textContent()).resolves.toContain('专家1');
    await shot('13-audit-dossier');
    await page.goto(`${base}/admin/streams/expert-${seventh.body.expertId as string}`);
    await expect(page.locator('table.audit').textContent()).resolves.toContain('停用专家');
    await axe('13-audit-expert');
    await page.click('button:has-text("退出")');

    // The others score over the API, spread out so the chart has something to show; the reserve lower.
    const fifth = await t.as('walk-expert5', 'walk-expert5-password');
    for (const expert of [...experts, fifth]) await signDeclaration(expert, selectionId);
    for (const [index, expert] of [experts[2], experts[3], experts[4], fifth].entries()) {
      const share = [0.7, 0.8, 0.9, 0.6][index];
      const points = Object.fromEntries(programme.rubric.map((criterion) => [criterion.code, Math.round(criterion.maxPoints * share)]));
      await expert.put(`/api/v1/dossiers/${dossierId}/reviews/mine`).send({ points, comment: '材料完整。' }).expect(200);
    }
    for (const expert of experts) {
      const points = Object.fromEntries(programme.rubric.map((criterion) => [criterion.code, Math.round(criterion.maxPoints * 0.66)]));
      await expert.put(`/api/v1/dossiers/${reserveId}/reviews/mine`).send({ points, comment: '可作候补。' }).expect(200);
    }

    // 管理员 closes the review: the scoreboard with its SVG charts; then starts the notice.
    t.clock.set(`${year}-04-20T01:00:00.000Z`);
    await signIn(ADMIN.username, ADMIN.password);
    await page.goto(desk);
    await confirmStep('结束专家评审', '14-confirm-close-review');
    await expect(page.locator('.ok').textContent()).resolves.toContain('入围名单已生成');
    await expect(page.locator('table.scoreboard svg').count()).resolves.toBe(2);
    await expect(page.locator('table.scoreboard tr.cut-off-line').textContent()).resolves.toContain('名额线');
    await expect(page.locator('table.scoreboard tbody tr').first().textContent()).resolves.toContain('入围');
    await expect(page.locator('table.scoreboard tr.reserve').textContent()).resolves.toContain('候补');
    await shot('14-scoreboard');
    // The admin dossier page, from the scoreboard: organisation, fields, attachments with hashes, experts' comments.
    await page.click('table.scoreboard tr.selected a');
    await expect(page.locator('main').textContent()).resolves.toContain('湖南智港科技有限公司');
    await expect(page.locator('main').textContent()).resolves.toContain('场景清晰,成效可量化。');
    await expect(page.locator('code.hash').count()).resolves.toBe(programme.attachments.kinds.filter((kind) => kind.required).length);
    await shot('14-admin-dossier');
    await page.goto(desk);
    await page.fill('#startsOn', `${year}-04-21`);
    await confirmStep('开始公示');
    await expect(page.locator('.ok').textContent()).resolves.toContain('公示已开始');
    await page.click('button:has-text("退出")');

    // The public notice, and an objection filed from it: a bad contact is refused in Chinese first.
    t.clock.set(`${year}-04-22T02:00:00.000Z`);
    await page.goto(`${base}/`);
    await page.click('text=查看公示');
    const notice = page.url();
    await expect(page.locator('main').textContent()).resolves.toContain('智慧港口无人巡检示范场景');
    await expect(page.locator('main table').textContent()).resolves.not.toContain('湘江航运调度');
    await shot('15-notice');
    await phoneShot('15-notice');
    await page.fill('#name', '王五');
    await page.fill('#contact', '不是电话');
    await page.fill('#reason', '申报材料中的营业收入与审计报告不一致。');
    await page.click('button:has-text("提交异议")');
    await expect(page.locator('#contact-error').textContent()).resolves.toBe('联系方式格式不正确');
    await shot('16-objection-error');
    await page.fill('#contact', '13800000000');
    // The evidence goes with it: a scanned PDF, chosen in the form's own file field.
    await page.setInputFiles('#evidence', { name: '营业收入核查.pdf', mimeType: 'application/pdf', buffer: pdf('objection-evidence') });
    await page.click('button:has-text("提交异议")');
    await expect(page.locator('.ok').textContent()).resolves.toContain('您的异议已受理');
    await expect(page.locator('.ok').textContent()).resolves.toContain('已收到证明材料 1 份。');
    await expect(page.locator('.ok code').textContent()).resolves.toMatch(/^[0-9a-f-]{36}$/);
    await shot('16-objection-filed');

    // 管理员 upholds it: the dossier leaves the list and the reserve moves up (递补), on the desk and
    // on the public notice; then decides and publishes the awards; the annex link on the home page downloads.
    await signIn(ADMIN.username, ADMIN.password);
    await page.goto(desk);
    // The evidence on the desk: a link the admin opens, the bytes the objector sent.
    const evidence = page.locator('ul.evidence a', { hasText: '营业收入核查.pdf' });
    await expect(evidence.count()).resolves.toBe(1);
    const evidenceFile = await page.request.get(new URL((await evidence.getAttribute('href')) ?? '', base).toString());
    expect([evidenceFile.status(), evidenceFile.headers()['content-type']]).toEqual([200, 'application/pdf']);
    expect(Buffer.compare(await evidenceFile.body(), pdf('objection-evidence'))).toBe(0);
    await page.check('input[name=outcome][value=upheld]');
    await page.fill('textarea[name=finding]', '经核实,营业收入数据与审计报告不一致,异议成立。');
    await shot('17-objection-to-resolve');
    await confirmStep('记录处理结果');
    await expect(page.locator('[role=status]').textContent()).resolves.toContain('异议处理结果已记录');
    await expect(page.locator('main').textContent()).resolves.toContain('云港数据湘江航运调度示范场景 递补入围');
    await expect(page.locator('table.dossiers tr:has-text("湘江航运调度")').textContent()).resolves.toContain('是(递补)');
    await shot('17-objection-upheld');
    await page.goto(notice);
    await expect(page.locator('main table').textContent()).resolves.toContain('湘江航运调度');
    await expect(page.locator('main table').textContent()).resolves.not.toContain('智慧港口');
    await axe('17-notice-after-promotion');
    await page.goto(desk);
    t.clock.set(`${year}-05-20T02:00:00.000Z`);
    await confirmStep('确定奖补', '18-confirm-decide');
    await expect(page.locator('[role=status]').textContent()).resolves.toContain('奖补已确定');
    await confirmStep('公布名单');
    await expect(page.locator('[role=status]').textContent()).resolves.toContain('名单已公布');
    await axe('18-desk-published');
    // A forged or expired session cookie: the portal shows the page signed out instead of a JSON 401.
    await browser.addCookies([{ name: 'ai_plus_session', value: 'not-a-jwt', url: base }]);
    await page.goto(`${base}/`);
    await expect(page.locator('header nav').textContent()).resolves.toContain('登录');
    await shot('18-home-published');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a:has-text("TXT 文本")')]);
    const saved = join(profile, 'annex.txt');
    await download.saveAs(saved);
    // The 附件2 of a scenario selection names the scene, not the organisation: the reserve's, after 递补.
    const annex = readFileSync(saved, 'utf8');
    expect(annex).toContain('sceneName 的内容:湘江航运调度');
    expect(annex).not.toContain('港口无人巡检');

    // The calendar page and an address no page answers, in Chinese.
    await signIn(ADMIN.username, ADMIN.password);
    await page.goto(`${base}/admin/calendar`);
    await expect(page.locator('h1').textContent()).resolves.toBe('工作日历');
    await axe('19-calendar');
    // Who is signed in, and the password forms (修改密码; 重置 for administrators).
    await page.click('header a.who');
    await expect(page.locator('h1').textContent()).resolves.toBe('我的账户');
    await expect(page.locator('main').textContent()).resolves.toContain('为用户重置密码');
    await axe('19-account');
    await page.goto(`${base}/register-nowhere`);
    await expect(page.locator('h1').textContent()).resolves.toBe('页面不存在');
    await axe('19-not-found');
    await page.click('button:has-text("退出")');
    await page.click('header a:has-text("单位注册")');
    await page.fill('#creditCode', '91430100MA4L');
    await page.waitForSelector('#creditCode-hint:has-text("还差 6 位")');
    await shot('19-register');

    // Every page above passed axe-core without a serious or critical violation, and showed no English sentence.
    expect(checked.size).toBeGreaterThan(25);
    expect(findings).toEqual([]);
    expect(latin).toEqual([]);
  }, 360_000); // one long walk: about 100 s on an idle machine with axe on every page; room for a busy runner
});
