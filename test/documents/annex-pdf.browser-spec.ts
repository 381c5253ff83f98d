/**
 * The printable HTML annexes, opened in headless Chromium and printed to A4 PDF, lose no glyph: every
 * character of the page's text is drawn by an installed font that has it (Chromium's own account of
 * the fonts it used, over CDP), the PDF embeds only those fonts, and `pdftotext` reads back the very
 * same characters, plus the page numbers "— N —" the print style sheet promises at the foot of each page.
 *
 * Needs Chromium, a CJK font (fonts-wqy-zenhei or Noto CJK) and poppler-utils (pdftotext, pdffonts);
 * skipped with the install line where they are missing (test/support/browser-requirements.ts); .ci/run installs them. The PDFs are left in test/artifacts/ for a person to look at.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { renderAnnex, renderAwardList } from '@app/documents';
import type { AwardListDocument } from '@app/documents';
import { seedAnnexes } from '../../libs/documents/src/testing/seeds.test-support';
import { describeInBrowser } from '../support/browser-requirements';

const ARTIFACTS = join(process.cwd(), 'test/artifacts');
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'];

/** Font families fontconfig says can draw Chinese (fc-list :lang=zh), e.g. "WenQuanYi Zen Hei". */
function installedCjkFamilies(): Set<string> {
  const listed = execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  return new Set(listed.split('\n').flatMap((line) => line.split(',')).map((name) => name.trim()).filter(Boolean));
}

const HAN = /\p{Script=Han}/gu;
const countHan = (text: string) => (text.match(HAN) ?? []).length;
const withoutSpace = (text: string) => text.replace(/\s+/gu, '');

/** Characters of the page that the PDF's text holds fewer times than the page does (a repeated table head may add more). */
function missingCharacters(pageText: string, readBack: string): string[] {
  const counts = new Map<string, number>();
  for (const character of withoutSpace(readBack)) counts.set(character, (counts.get(character) ?? 0) + 1);
  const missing: string[] = [];
  for (const character of withoutSpace(pageText)) {
    const left = counts.get(character) ?? 0;
    if (left === 0) missing.push(character);
    else counts.set(character, left - 1);
  }
  return missing;
}

interface PrintedDocument {
  /** The text of the page as the DOM holds it (what the reader should see). */
  readonly domText: string;
  /** Per element with text of its own: its text, the Han characters in it and the fonts Chromium drew it with. */
  readonly fontUse: { text: string; fonts: { familyName: string; postScriptName: string; glyphCount: number }[] }[];
  readonly pdfPath: string;
}

/** Loads the HTML, asks Chromium which platform fonts drew each text node, prints A4 to test/artifacts/<name>.pdf. */
async function printToPdf(page: Page, html: string, name: string): Promise<PrintedDocument> {
  await page.setContent(html, { waitUntil: 'load' });
  await page.evaluate('document.fonts.ready.then(() => true)');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
  type DomNode = typeof root;
  const owners: { nodeId: number; text: string }[] = [];
  const walk = (node: DomNode) => {
    const own = (node.children ?? []).filter((child) => child.nodeType === 3).map((child) => child.nodeValue).join('');
    if (node.nodeType === 1 && !['STYLE', 'TITLE', 'HEAD', 'SCRIPT'].includes(node.nodeName) && own.trim() !== '') {
      owners.push({ nodeId: node.nodeId, text: own });
    }
    for (const child of node.children ?? []) walk(child);
  };
  walk(root);
  const fontUse = [];
  for (const owner of owners) {
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId: owner.nodeId });
    fontUse.push({ text: owner.text, fonts: fonts.map(({ familyName, postScriptName, glyphCount }) => ({ familyName, postScriptName, glyphCount })) });
  }
  await cdp.detach();
  const domText = await page.locator('body').innerText();
  const pdfPath = join(ARTIFACTS, `${name}.pdf`);
  writeFileSync(pdfPath, await page.pdf({ format: 'A4' }));
  return { domText, fontUse, pdfPath };
}

/** Every Han character must be drawn by a CJK font: the glyphs those fonts drew cover the Han characters of the node. */
function glyphProblems(printed: PrintedDocument, cjkFamilies: Set<string>): string[] {
  const problems: string[] = [];
  for (const { text, fonts } of printed.fontUse) {
    for (const font of fonts) {
      if (/last\s*resort|notdef/i.test(`${font.familyName} ${font.postScriptName}`)) problems.push(`"${text.slice(0, 20)}" drawn with the fallback font ${font.familyName}`);
    }
    const han = countHan(text);
    const byCjkFonts = fonts.filter((font) => cjkFamilies.has(font.familyName)).reduce((sum, font) => sum + font.glyphCount, 0);
    if (byCjkFonts < han) {
      problems.push(`"${text.slice(0, 30)}": ${han} Han characters but only ${byCjkFonts} glyphs from a CJK font (${fonts.map((font) => `${font.familyName}×${font.glyphCount}`).join(', ')})`);
    }
  }
  return problems;
}

interface PdfFont {
  readonly name: string;
  readonly type: string;
  readonly embedded: boolean;
}

/** `pdffonts` as rows: name, type, emb (the table's columns are fixed-width; name and type have no spaces we rely on). */
function pdfFontsOf(pdfPath: string): PdfFont[] {
  const lines = execFileSync('pdffonts', [pdfPath], { encoding: 'utf8' }).split('\n').slice(2).filter((line) => line.trim() !== '');
  return lines.map((line) => {
    const columns = line.trim().split(/\s+/);
    // name type [subtype words…] encoding emb sub uni object ID: read emb from the right.
    const embedded = columns[columns.length - 5] === 'yes';
    return { name: columns[0], type: columns.slice(1, columns.length - 6).join(' '), embedded };
  });
}

const pdfText = (pdfPath: string, pageNumber?: number) =>
  execFileSync('pdftotext', ['-enc', 'UTF-8', ...(pageNumber ? ['-f', String(pageNumber), '-l', String(pageNumber)] : []), pdfPath, '-'], { encoding: 'utf8' });

const pageCountOf = (pdfPath: string) => Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' }))?.[1]);

/** The page numbers the print style sheet (@page @bottom-center) puts at the foot: "— 1 —", "— 2 —" … */
const FOOTER = /—\s*(\d+)\s*—/gu;

/** The 十大示范场景 award list with the published scenario titles and SYNTHETIC amounts (as the demo uses). */
function demoAwardList(): AwardListDocument {
  const scenarios = seedAnnexes[2]().scenarios;
  return {
    heading: '2025年湖南省“人工智能+”十大示范场景奖补名单',
    year: 2025,
    programmeCode: 'demo-scenario',
    programmeName: '十大示范场景',
    rows: scenarios.map((scenario, index) => ({
      serial: index + 1,
      organisation: `示范场景建设单位${index + 1}(演示数据,合成)`,
      projectTitle: scenario.title,
      approvedInvestmentFen: 1_500_000_000,
      standard: { rateBasisPoints: 2000, capFen: 200_000_000, standardFen: 200_000_000 },
      awardAmountFen: 200_000_000,
      decision: 'paid' as const,
      reason: '该项目未获其他同类支持,按标准支持 2,000,000.00 元',
    })),
    nonDuplicationNote: '以上政策措施(算力券政策除外)与我省其他同类政策措施不重复享受,支持标准不一致的,按照“就高原则”执行。',
  };
}

describeInBrowser('the HTML annexes printed by headless Chromium to PDF', { chromium: true, cjkFont: true, poppler: true }, ({ chromiumPath }) => {
  let browser: Browser;
  let page: Page;
  let cjkFamilies: Set<string>;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    cjkFamilies = installedCjkFamilies();
    browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
    page = await browser.newPage({ locale: 'zh-CN' });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('has a CJK font to print with (fc-list :lang=zh lists one)', () => {
    expect([...cjkFamilies].length).toBeGreaterThan(0);
  });

  // Flowing text reads back in order; a table reads back column by column with its head repeated on
  // each page, so there only the characters are compared (each at least as often as on the page).
  const documents: [string, 'in order' | 'as characters', () => Promise<string>][] = [
    ['annex-1-key-enterprises', 'in order', async () => (await renderAnnex(seedAnnexes[1](), 'html')).body as string],
    ['annex-2-demo-scenarios', 'in order', async () => (await renderAnnex(seedAnnexes[2](), 'html')).body as string],
    ['annex-3-future-scenarios', 'in order', async () => (await renderAnnex(seedAnnexes[3](), 'html')).body as string],
    ['annex-4-innovation-platforms', 'in order', async () => (await renderAnnex(seedAnnexes[4](), 'html')).body as string],
    ['award-list-demo-scenario-2025', 'as characters', async () => (await renderAwardList(demoAwardList(), 'html')).body as string],
  ];

  it.each(documents)('%s: every character drawn by a real font, embedded, read back from the PDF (%s), each page numbered', async (name, comparison, html) => {
    const printed = await printToPdf(page, await html(), name);

    // 1. Chromium drew every Han character with a CJK font, none with a fallback/.notdef font.
    expect(glyphProblems(printed, cjkFamilies)).toEqual([]);

    // 2. The PDF embeds every font it uses, and at least one of them is the CJK font Chromium reported.
    const fonts = pdfFontsOf(printed.pdfPath);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((font) => !font.embedded)).toEqual([]);
    expect(fonts.filter((font) => /last\s*resort|notdef/i.test(font.name))).toEqual([]);
    const cjkPostScriptNames = new Set(printed.fontUse.flatMap((use) => use.fonts).filter((font) => cjkFamilies.has(font.familyName)).map((font) => font.postScriptName));
    expect(fonts.some((font) => cjkPostScriptNames.has(font.name.replace(/^[A-Z]{6}\+/, '')))).toBe(true);

    // 3. The text read back from the PDF is the page's text, character for character (whitespace and
    //    the page footers aside): a glyph printed as a box has no Unicode mapping and would be missing.
    const pages = pageCountOf(printed.pdfPath);
    const readBack = pdfText(printed.pdfPath);
    const footers = [...readBack.matchAll(FOOTER)].map((match) => Number(match[1]));
    expect(missingCharacters(printed.domText, readBack.replace(FOOTER, ''))).toEqual([]);
    if (comparison === 'in order') expect(withoutSpace(readBack.replace(FOOTER, ''))).toBe(withoutSpace(printed.domText));

    // 4. Page numbers: "— N —" on page N, for every page.
    expect(pages).toBeGreaterThan(0);
    expect(footers).toEqual(Array.from({ length: pages }, (_, index) => index + 1));
    for (let pageNumber = 1; pageNumber <= pages; pageNumber += 1) {
      expect([...pdfText(printed.pdfPath, pageNumber).matchAll(FOOTER)].map((match) => Number(match[1]))).toEqual([pageNumber]);
    }

    // 5. A table's total (合计) closes it once, on the last page, not under each page's part of the list.
    const totals = (readBack.match(/合计/g) ?? []).length;
    expect(totals).toBe((printed.domText.match(/合计/g) ?? []).length);
  });

  it('notices a character no installed font has (𠮷, CJK Extension B, in an organisation name)', async () => {
    const annex = seedAnnexes[1]();
    const [first, ...rest] = annex.tiers;
    const [item, ...items] = first.items;
    const withRareCharacter = { ...annex, tiers: [{ ...first, items: [{ ...item, organisation: `${item.organisation}𠮷` }, ...items] }, ...rest] };
    const printed = await printToPdf(page, (await renderAnnex(withRareCharacter, 'html')).body as string, 'negative-missing-glyph');
    const problems = glyphProblems(printed, cjkFamilies);
    const missing = missingCharacters(printed.domText, pdfText(printed.pdfPath).replace(FOOTER, ''));
    expect(problems).toEqual([expect.stringContaining('Han characters but only')]);
    expect(missing).toEqual(['𠮷']);
  });
});
