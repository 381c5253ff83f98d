/**
 * 通讯评审 → 会议评审 in a real browser, through the pages: the admin opens a call with two stages from
 * the open-call form; three dossiers are prepared and the online experts score them over the API; the
 * admin closes the online stage on 评审阶段, forms the panel, schedules each defence and records
 * attendance; a panel member signs the declaration and scores a panel dossier from his tasks; the
 * 评审阶段 page shows each stage's scoreboard and the combined ranking. Every page visited is checked
 * with axe-core (serious and critical violations fail the test) and for English sentences.
 * The main walk (portal.browser-spec.ts) covers the one-stage year; this file keeps the stages apart.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { ADMIN, startTestApp } from '../support/test-app';
import { describeInBrowser } from '../support/browser-requirements';
import type { AuthenticatedClient, TestApp } from '../support/test-app';
import { signDeclaration } from '../support/sign-declaration';
import { axeViolations, latinSentences, seriousFindings } from '../support/page-checks';
import type { PageFinding } from '../support/page-checks';
import { creditCode, preparePassedDossiers } from '../reviews/prepare-dossiers';
import { scoreOnlineStage } from '../reviews/score-online-stage';

const ARTIFACTS = join(process.cwd(), 'test/artifacts');
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SELECTION = 'demo-scenario-2026';
const PASSWORD = 'stage-walk-password';
const DOMAIN = 'AI+离散型制造';
const dossierId = (n: number) => `${SELECTION}-d${n}`;
const RUBRIC_MAX: Record<string, number> = { technology: 25, effectiveness: 30, replicability: 25, investment: 10, compliance: 10 };
const pointsOf = (total: number) => Object.fromEntries(Object.entries(RUBRIC_MAX).map(([code, most]) => [code, (most * total) / 100]));

describeInBrowser('two review stages in a browser', { chromium: true, cjkFont: true }, ({ chromiumPath }) => {
  let t: TestApp;
  let browser: BrowserContext;
  let page: Page;
  let profile: string;
  const findings: PageFinding[] = [];
  const latin: { page: string; text: string }[] = [];
  const checked = new Set<string>();

  /** axe-core and the English-sentence check on the page as it is now, and a screenshot for a person. */
  const check = async (name: string) => {
    findings.push(...seriousFindings(await axeViolations(page), name));
    for (const text of await latinSentences(page)) latin.push({ page: name, text });
    checked.add(name);
    await page.screenshot({ path: join(ARTIFACTS, `stages-${name}.png`), fullPage: true });
  };
  const signIn = async (username: string, password: string) => {
    await page.goto(`${t.baseUrl}/login`);
    await page.fill('#username', username);
    await page.fill('#password', password);
    await page.click('button[type=submit]:has-text("登录")');
  };
  const main = () => page.locator('main').textContent();

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    t = await startTestApp('pglite');
    profile = mkdtempSync(join(tmpdir(), 'ai-plus-chromium-'));
    browser = await chromium.launchPersistentContext(profile, { executablePath: chromiumPath, args: CHROMIUM_ARGS, viewport: { width: 1100, height: 900 }, locale: 'zh-CN' });
    page = browser.pages()[0] ?? (await browser.newPage());
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('walks 通讯评审 → 会议评审 with a defence through the pages', async () => {
    const api = await t.asAdmin();
    const experts = new Map<string, AuthenticatedClient>();
    const panelNames = ['会评专家甲', '会评专家乙', '会评专家丙'];
    /** Registered by the admin over the API, each signed in as himself. */
    const register = async (names: readonly string[], prefix: string, field: string, from: number) => {
      for (const [n, name] of names.entries()) {
        const username = `${prefix}-${n}`;
        const registered = await api
          .post('/api/v1/experts')
          .send({ name, organisationName: `评审单位${from + n}`, organisationCreditCode: creditCode(from + n), fields: [field], username, password: PASSWORD })
          .expect(201);
        experts.set(registered.body.expertId, await t.as(username, PASSWORD));
      }
    };
    await register(['通讯专家甲', '通讯专家乙', '通讯专家丙'], 'walk-online', DOMAIN, 960);

    // The admin opens the call with 通讯评审 + 会议评审 (top 2 forward, a defence, 40 % online).
    await signIn(ADMIN.username, ADMIN.password);
    await page.waitForURL(`${t.baseUrl}/admin`);
    await page.selectOption('#programme', 'demo-scenario');
    await page.fill('#year', '2026');
    await page.fill('#submissionDeadlineDate', '2026-03-31');
    await page.fill('#demo-scenario-quota-scenario', '1');
    await page.fill('#demo-scenario-expertsPerDossier', '3');
    await page.check('#reviewMode-two');
    await page.fill('#stageAdvancePerTier', '2');
    await page.fill('#panelMinimumValidReviews', '3');
    await page.selectOption('#panelNoShow', 'score-zero');
    await page.fill('#onlineWeightPercent', '40');
    await check('01-open-call-two-stages');
    await page.click('button:has-text("开放申报")');
    await page.waitForURL(`${t.baseUrl}/admin/selections/${SELECTION}?done=opened`);
    const [opened] = await t.store.readStream(`selection-${SELECTION}`);
    expect((opened.data as { overrides: unknown }).overrides).toMatchObject({
      stages: [{ code: 'online', advance: { kind: 'top-per-tier', perTier: 2 } }, { code: 'panel', minimumValidReviews: 3, defence: { noShow: 'score-zero' } }],
      finalRanking: { kind: 'weighted', percentByStage: { online: 40, panel: 60 } },
    });

    // Three dossiers pass formal review; the online experts sign and score over the API.
    await preparePassedDossiers(t.store, SELECTION, [1, 2, 3].map((n) => ({ dossierId: dossierId(n), organisation: 40 + n, title: `阶段示范场景${n}`, domain: DOMAIN })));
    const targets: Record<string, number> = { [dossierId(1)]: 90, [dossierId(2)]: 80, [dossierId(3)]: 70 };
    await scoreOnlineStage(t, api, experts, SELECTION, (id) => pointsOf(targets[id]), '材料翔实,数据可信');

    // The panel's experts join the pool after the online draw, so none of them reviewed online.
    await register(panelNames, 'walk-panel', '智能制造', 970);

    // 评审阶段 from the desk: the online stage's scoreboard, then closing it puts the top two forward.
    await page.goto(`${t.baseUrl}/admin/selections/${SELECTION}`);
    await page.click(`a[href="/admin/selections/${SELECTION}/stages"]`);
    await expect(page.locator('h1').textContent()).resolves.toContain('评审阶段');
    await expect(main()).resolves.toContain('第 1 阶段:通讯评审(通讯评审,进行中)');
    await expect(main()).resolves.toContain('最终排名:通讯评审 40% + 会议评审 60%');
    await check('02-stages-online');
    await page.click('button:has-text("结束通讯评审")');
    await page.waitForURL(/\/stages\?done=close-stage$/);
    await expect(page.locator('td:text-is("晋级")').count()).resolves.toBe(2);
    await expect(page.locator('td:text-is("未晋级")').count()).resolves.toBe(1);
    await check('03-stages-online-closed');

    // The panel: too few members is refused in Chinese beside the form; three are seated.
    await page.check(`fieldset label:text-is("${panelNames[0]}")`);
    await page.click('button:has-text("组建专家组")');
    await expect(page.locator('[role=alert]').textContent()).resolves.toContain('少于本阶段规定的有效评审意见份数');
    await check('04-stages-panel-refused');
    for (const name of panelNames) await page.check(`fieldset label:text-is("${name}")`);
    await page.click('button:has-text("组建专家组")');
    await page.waitForURL(/\/stages\?done=panel$/);
    const seated = await page.locator('p:has-text("本阶段专家组:会议评审专家组")').textContent();
    for (const name of panelNames) expect(seated).toContain(name);
    await check('05-stages-panel-formed');

    // Each defence is scheduled (the applicant is told) and attendance recorded from the page.
    t.clock.set('2026-04-24T02:00:00.000Z');
    for (const [index, n] of [1, 2].entries()) {
      const title = `阶段示范场景${n}`;
      const slot = page.locator(`form:has(h3:text-is("${title}"))`);
      await slot.locator('input[name=date]').fill('2026-04-27');
      await slot.locator('input[name=startTime]').fill(['09:00', '10:30'][index]);
      await slot.locator('input[name=place]').fill('湖南省工业和信息化厅 3 楼会议室');
      await slot.locator('input[name=order]').fill(String(index + 1));
      await slot.locator('button:has-text("保存答辩安排并通知申报单位")').click();
      await page.waitForURL(/\/stages\?done=defence$/);
      await page.click(`button:text-is("${title}:出席")`);
      await page.waitForURL(/\/stages\?done=attendance$/);
      await expect(main()).resolves.toContain(`${title}:出席`);
    }
    await check('06-stages-defences');
    const defended = (await api.get(`/api/v1/dossiers/${dossierId(1)}`).expect(200)).body;
    expect(defended.defences).toEqual([{ stage: 2, date: '2026-04-27', startTime: '09:00', place: '湖南省工业和信息化厅 3 楼会议室', link: null, order: 1, attendance: 'attended' }]);
    await page.click('button:has-text("退出")');

    // A panel member: his tasks list the panel dossiers; the first one asks for the declaration, then
    // the scoring page has the stage's rubric (the programme's here) and saves a stage-2 score.
    await signIn('walk-panel-0', PASSWORD);
    await page.waitForURL(`${t.baseUrl}/expert/tasks`);
    await expect(main()).resolves.toContain('阶段示范场景1');
    await expect(main()).resolves.not.toContain('阶段示范场景3');
    await check('07-panel-member-tasks');
    await page.click('a:text-is("阶段示范场景1")');
    await page.waitForURL(/\/expert\/selections\/.+\/declaration\?next=/);
    await page.check('input[name=agree]');
    await check('08-panel-member-declaration');
    await page.click('button:has-text("签署声明并开始评审")');
    await page.waitForURL(/\/expert\/dossiers\//);
    for (const [code, most] of Object.entries(RUBRIC_MAX)) await page.fill(`#points_${code}`, String((most * 84) / 100));
    await expect(page.locator('#total').textContent()).resolves.toBe('84.00');
    await page.fill('#comment', '答辩清晰,实施方案可行');
    await check('09-panel-member-scoring');
    await page.click('button:has-text("保存评分")');
    await page.waitForLoadState();
    await check('10-panel-member-scored');
    const scored = (await t.store.readStream(`dossier-${dossierId(1)}`)).filter((event) => event.type === 'ScoreSubmitted' && (event.data as { stage?: number }).stage === 2);
    expect(scored.map((event) => (event.data as { total: number }).total)).toEqual([84]);
    await page.click('button:has-text("退出")');

    // The rest of the panel scores over the API; the admin sees the panel stage and the combined ranking.
    const panel = [...experts.values()].slice(3);
    const remaining: [AuthenticatedClient, string, number][] = [
      [panel[0], dossierId(2), 90], [panel[1], dossierId(1), 86], [panel[1], dossierId(2), 92], [panel[2], dossierId(1), 88], [panel[2], dossierId(2), 94],
    ];
    for (const [member, id, total] of remaining) {
      await signDeclaration(member, SELECTION);
      await member.put(`/api/v1/dossiers/${id}/reviews/mine`).send({ points: pointsOf(total), comment: '答辩材料充分' }).expect(200);
    }
    await signIn(ADMIN.username, ADMIN.password);
    await page.goto(`${t.baseUrl}/admin/selections/${SELECTION}/stages`);
    const panelBoard = page.locator('section:has(h2:text-is("第 2 阶段:会议评审(现场考察/答辩,进行中)"))');
    await expect(panelBoard.locator('tbody tr').count()).resolves.toBe(2);
    await expect(panelBoard.textContent()).resolves.toContain('出席');
    const combined = page.locator('table:has(caption:text-is("综合排名")) tbody tr');
    // 40 % of the online mean + 60 % of the panel mean: 90·0.4 + 86·0.6 = 87.6 before 80·0.4 + 92·0.6 = 87.2.
    const cells = [await combined.nth(0).locator('td').allTextContents(), await combined.nth(1).locator('td').allTextContents()];
    expect(cells).toEqual([['1', '阶段示范场景1', '90', '86', '87.6'], ['2', '阶段示范场景2', '80', '92', '87.2']]);
    await check('11-stages-panel-and-combined');

    expect(checked.size).toBe(11);
    expect(findings).toEqual([]);
    expect(latin).toEqual([]);
  }, 240_000);
});
