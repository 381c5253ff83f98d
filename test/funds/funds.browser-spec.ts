/**
 * The money pages in a real browser (Chromium through playwright-core), one app boot: an enterprise
 * uploads its invoices, contract and commitment as PDFs on 资金支持 and claims the year's 算力券; the
 * admin reviews the claim and allocates on 资金台账, each through its confirmation page (the allocation's
 * shows every enterprise's share), decides a national champion application whose preview shows the
 * amount after 就高, and reads the ledger with its chart, per organisation and at a phone's width.
 * Every page is checked with axe-core (no serious or critical violation) and for English sentences.
 * Screenshots go to test/artifacts/.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { ADMIN, startTestApp } from '../support/test-app';
import type { TestApp } from '../support/test-app';
import { describeInBrowser } from '../support/browser-requirements';
import { latinSentences, seriousAxeViolations } from '../support/page-checks';
import type { PageFinding } from '../support/page-checks';
import { validCreditCode } from '../walkthrough/walk-selection';
import { uploadFundDocument } from './fund-documents.test-support';

const ARTIFACTS = join(process.cwd(), 'test/artifacts');
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const pdf = (label: string) => Buffer.from(`%PDF-1.4\n% ${label}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n`);
const WAN = 1_000_000;
const at = (date: string) => `${date}T02:00:00.000Z`;

describeInBrowser('the money pages in a browser', { chromium: true, cjkFont: true }, ({ chromiumPath }) => {
  let t: TestApp;
  let browser: BrowserContext;
  let page: Page;
  let profile: string;
  const findings: PageFinding[] = [];
  const latin: { page: string; text: string }[] = [];

  const check = async (name: string) => {
    findings.push(...(await seriousAxeViolations(page, name)));
    latin.push(...(await latinSentences(page)).map((text) => ({ page: name, text })));
    await page.screenshot({ path: join(ARTIFACTS, `funds-${name}.png`), fullPage: true });
  };
  const signIn = async (username: string, password: string) => {
    await page.goto(`${t.baseUrl}/login`);
    await page.fill('#username', username);
    await page.fill('#password', password);
    await page.click('button[type=submit]:has-text("登录")');
  };
  const signOut = () => page.click('button:has-text("退出")');
  /** A decision: its button opens the confirmation page, whose own button records it. */
  const confirmStep = async (button: string, name: string, expected: string) => {
    await page.click(`button:has-text("${button}")`);
    await expect(page.locator('h1').textContent()).resolves.toMatch(/^确认/);
    await expect(page.locator('main').textContent()).resolves.toContain(expected);
    await check(name);
    await page.click('form:has(input[name=confirmed]) button[type=submit]');
    await page.waitForURL(/done=1/);
  };

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    t = await startTestApp('pglite');
    t.clock.set(at('2026-02-20'));
    for (const [n, name] of [[7001, '湖南算力示范有限公司'], [7002, '湖南冠军智能有限公司']] as const) {
      await t.http.post('/api/v1/organisations').send({ creditCode: validCreditCode(n), name, contactName: '李明', contactPhone: '0731-88880000', username: `fund${n}`, password: `fund${n}-password` }).expect(201);
    }
    t.clock.set(at('2026-03-05'));
    const champion = await t.as('fund7002', 'fund7002-password');
    await champion
      .post('/api/v1/national-grants')
      .send({
        applicationId: 'champion-7002',
        measure: 'national-champion',
        project: { title: '工业视觉质检平台' },
        approvalDocument: { documentNo: '工信部企业函〔2026〕9号(示例)', issuer: '工业和信息化部', approvedOn: '2026-02-01', documentId: await uploadFundDocument(champion, 'approval-document', '单项冠军认定文件') },
      })
      .expect(201);
    profile = mkdtempSync(join(tmpdir(), 'ai-plus-chromium-'));
    browser = await chromium.launchPersistentContext(profile, { executablePath: chromiumPath, args: CHROMIUM_ARGS, viewport: { width: 1100, height: 900 }, locale: 'zh-CN' });
    page = browser.pages()[0] ?? (await browser.newPage());
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('the admin opens the year\'s 算力券 call; an enterprise uploads its PDFs and claims it; the admin reviews, allocates and decides on confirmation pages and reads the ledger with its chart', async () => {
    t.clock.set(at('2026-02-20'));
    await signIn(ADMIN.username, ADMIN.password);
    await page.click('nav a:has-text("资金台账")');
    await page.fill('#claimsOpenOn', '2026-03-01');
    await page.fill('#claimsCloseOn', '2026-04-30');
    await page.fill('#budgetWan', '1500');
    await confirmStep('发布算力券申报', '00-confirm-open-call', '年度预算 1,500.00 万元');
    await signOut();

    t.clock.set(at('2026-03-05'));
    await signIn('fund7001', 'fund7001-password');
    await page.click('nav a:has-text("资金支持")');
    await check('01-applicant-funds');
    for (const [kind, name] of [['compute-invoices', '算力服务发票'], ['service-contract', '算力服务合同'], ['integrity-commitment', '诚信承诺书']] as const) {
      await page.selectOption('#kind', kind);
      await page.setInputFiles('#file', { name: `${name}.pdf`, mimeType: 'application/pdf', buffer: pdf(name) });
      await Promise.all([page.waitForEvent('load'), page.click('#upload button[type=submit]')]);
      await expect(page.locator('ul.attachments').textContent()).resolves.toContain(`${name}.pdf`);
    }
    await page.fill('#invoiceNo_1', '044002600111');
    await page.fill('#provider_1', '国家超级计算长沙中心');
    await page.fill('#amountYuan_1', '20000000');
    await page.fill('#periodFrom_1', '2026-01-01');
    await page.fill('#periodTo_1', '2026-02-28');
    for (const [kind, name] of [['compute-invoices', '算力服务发票'], ['service-contract', '算力服务合同'], ['integrity-commitment', '诚信承诺书']]) {
      await page.selectOption(`#document_${kind}`, { label: `${name}.pdf` });
    }
    await page.click('button:has-text("提交算力券申报")');
    await page.waitForURL(/done=claim/);
    await expect(page.locator('main').textContent()).resolves.toContain('待审核');
    await check('02-applicant-claimed');
    await signOut();

    t.clock.set(at('2026-05-06'));
    await signIn(ADMIN.username, ADMIN.password);
    await page.click('nav a:has-text("资金台账")');
    await check('03-admin-funds');
    await confirmStep('审核(下一步确认)', '04-confirm-review', '补贴标准 600.00 万元');
    await confirmStep('安排补贴', '05-confirm-allocate', '湖南算力示范有限公司');
    await page.fill('#amount-champion-7002', '800000');
    await confirmStep('决定(下一步确认', '06-confirm-champion', '实际拨付 80.00 万元');
    await expect(page.locator('figure.chart svg').getAttribute('aria-label')).resolves.toContain('算力券:预算 1,500.00 万元,已安排 600.00 万元');
    await check('07-admin-ledger');
    await page.click(`a:has-text("湖南冠军智能有限公司")`);
    await expect(page.locator('h1').textContent()).resolves.toBe('湖南冠军智能有限公司的资金台账');
    await check('08-admin-organisation');
    await page.goto(`${t.baseUrl}/admin/funds?year=2026&measure=compute-voucher`);
    await page.setViewportSize({ width: 375, height: 812 });
    await check('09-admin-funds-phone');
    const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBe(0);
    await page.setViewportSize({ width: 1100, height: 900 });
    await signOut();

    await signIn('fund7001', 'fund7001-password');
    await page.goto(`${t.baseUrl}/applicant/funds`);
    await expect(page.locator('main').textContent()).resolves.toContain('已安排补贴');
    await check('10-applicant-ledger');

    expect(findings).toEqual([]);
    expect(latin).toEqual([]);
  });
});
