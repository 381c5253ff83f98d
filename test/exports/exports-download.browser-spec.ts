/**
 * The admin's selection page in a real browser: each download link of its 下载 box is clicked, the file
 * saved as the browser saves it, and every xlsx opened with ExcelJS (the library that wrote it) to check
 * its rows against the API; the PDFs and the score-sheet ZIP are checked by their signatures.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { describeInBrowser } from '../support/browser-requirements';
import { ADMIN, startTestApp } from '../support/test-app';
import type { AuthenticatedClient, TestApp } from '../support/test-app';
import { registerExperts, walkSelection, WalkResult } from '../walkthrough/walk-selection';
import { column, openXlsx } from './spreadsheet-download';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'];

describeInBrowser('the exports as the portal downloads them', { chromium: true, cjkFont: true }, ({ chromiumPath }) => {
  let t: TestApp;
  let walked: WalkResult;
  let admin: AuthenticatedClient;
  let browser: BrowserContext;
  let page: Page;
  let profile: string;
  let base: string;

  beforeAll(async () => {
    t = await startTestApp('pglite');
    const experts = await registerExperts(t, 6, 9000);
    walked = await walkSelection(t, experts, 'demo-scenario', 2026, 1000);
    admin = await t.asAdmin();
    base = t.baseUrl;
    profile = mkdtempSync(join(tmpdir(), 'ai-plus-downloads-'));
    browser = await chromium.launchPersistentContext(profile, { executablePath: chromiumPath, args: CHROMIUM_ARGS, locale: 'zh-CN', acceptDownloads: true });
    page = browser.pages()[0] ?? (await browser.newPage());
    await page.goto(`${base}/login`);
    await page.fill('#username', ADMIN.username);
    await page.fill('#password', ADMIN.password);
    await page.click('button[type=submit]:has-text("登录")');
    await page.goto(`${base}/admin/selections/${walked.selectionId}`);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  /** Clicks the link to `path` in the 下载 box and returns the saved file. */
  const download = async (path: string): Promise<{ name: string; body: Buffer }> => {
    const link = page.locator(`section[aria-labelledby="downloads-heading"] a[href="/api/v1/selections/${walked.selectionId}/${path}"]`).first();
    const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const saved = join(profile, `download-${Math.random().toString(36).slice(2)}`);
    await file.saveAs(saved);
    return { name: file.suggestedFilename(), body: readFileSync(saved) };
  };

  it('downloads the dossiers as Excel and CSV; the workbook holds the rows the API lists', async () => {
    const json = (await admin.get(`/api/v1/selections/${walked.selectionId}/dossiers`).expect(200)).body as { id: string; title: string }[];
    const xlsx = await download('dossiers?format=xlsx');
    expect(xlsx.name).toBe(`申报材料-${walked.selectionId}.xlsx`);
    const opened = await openXlsx(xlsx.body);
    expect([...column(opened, '申报编号')].sort()).toEqual(json.map((dossier) => dossier.id).sort());
    expect([...column(opened, '项目名称')].sort()).toEqual(json.map((dossier) => dossier.title).sort());
    const csv = await download('dossiers?format=csv');
    expect(csv.name).toBe(`申报材料-${walked.selectionId}.csv`);
    expect(csv.body.toString('utf8').trim().split('\r\n')).toHaveLength(json.length + 1);
  });

  it('downloads review progress, scoreboard, objections and awards as Excel, each matching its JSON read', async () => {
    const scoreboard = (await admin.get(`/api/v1/selections/${walked.selectionId}/scoreboard`).expect(200)).body as { dossiers: { totals: unknown[] }[] };
    const scores = await openXlsx((await download('scoreboard?format=xlsx')).body);
    expect(scores.rows).toHaveLength(scoreboard.dossiers.reduce((sum, dossier) => sum + dossier.totals.length, 0));
    const progress = await openXlsx((await download('review-progress?format=xlsx')).body);
    expect(progress.rows.length).toBeGreaterThan(0);
    const objections = await openXlsx((await download('objections?format=xlsx')).body);
    expect(column(objections, '处理状态')).toEqual(['异议成立']);
    const awardsJson = (await admin.get(`/api/v1/selections/${walked.selectionId}/awards`).expect(200)).body as { awards: { paidFen: number }[] };
    const awards = await openXlsx((await download('awards?format=xlsx')).body);
    expect(column(awards, '实际奖补金额').filter((value) => value !== null)).toEqual(awardsJson.awards.map((line) => line.paidFen / 100));
  });

  it('downloads the award list and the published list as PDF, and every expert\'s score sheet as one ZIP', async () => {
    for (const path of ['awards?format=pdf', 'annex?format=pdf']) {
      const file = await download(path);
      expect(file.name).toMatch(/\.pdf$/);
      expect(file.body.subarray(0, 5).toString()).toBe('%PDF-');
    }
    const zip = await JSZip.loadAsync((await download('score-sheets?format=docx')).body);
    expect(Object.keys(zip.files).length).toBeGreaterThan(0);
    expect(Object.keys(zip.files).every((name) => /^专家评分表-.+\.docx$/.test(name))).toBe(true);
  });
});
