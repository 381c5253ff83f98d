import type { Annex, DemoScenarioAnnex } from './annex.types';
import { renderAnnex } from './render-annex';
import { annexBlock, readReferencePlan } from './testing/reference-plan.test-support';
import { readAnnexHeadings, seedAnnexes } from './testing/seeds.test-support';

// What is compared: for annex N, the lines of seeds/hunan-2025/reference/hunan-ai-plus-plan-2025.txt from the
// line that is exactly "  附件N" up to the line before "  附件N+1" (附件5 closes 附件4), trailing blank
// lines removed, every line ended by "\n" — against renderAnnex(seed N, 'txt').body, as one string.
describe('renderAnnex as text reproduces the published 2025 annexes from the seed files', () => {
  it.each([1, 2, 3, 4] as const)('附件%i, character for character', async (annexNumber) => {
    const plan = readReferencePlan();
    const rendered = await renderAnnex(seedAnnexes[annexNumber](), 'txt');
    expect(rendered.body).toBe(annexBlock(plan, annexNumber));
  });

  it('notices a single lost character: the trailing space of scenario 七 推广价值', async () => {
    const annex = seedAnnexes[2]();
    const seventh = annex.scenarios[6];
    expect(seventh.promotionValue.endsWith('。 ')).toBe(true);
    const trimmed: DemoScenarioAnnex = {
      ...annex,
      scenarios: annex.scenarios.map((scenario) =>
        scenario === seventh ? { ...scenario, promotionValue: scenario.promotionValue.trimEnd() } : scenario,
      ),
    };
    const rendered = await renderAnnex(trimmed, 'txt');
    expect(rendered.body).not.toBe(annexBlock(readReferencePlan(), 2));
  });

  it('carries the headings the plan lists for its annexes (附件4 adds its batch there)', () => {
    const listed = new Map(readAnnexHeadings().annexes.map((entry) => [entry.annexNumber, entry.heading]));
    expect(seedAnnexes[1]().heading).toBe(listed.get(1));
    expect(seedAnnexes[2]().heading).toBe(listed.get(2));
    expect(seedAnnexes[3]().heading).toBe(listed.get(3));
    const platforms = seedAnnexes[4]();
    expect(`${platforms.heading}(${platforms.batchLabel})`).toBe(listed.get(4));
    expect(listed.get(5)).toBe('湖南省“人工智能+”十大支持措施');
  });
});

describe('renderAnnex names and types the file it returns', () => {
  it.each([
    ['txt', 'text/plain; charset=utf-8', 'annex-1-key-enterprises.txt', 'string'],
    ['html', 'text/html; charset=utf-8', 'annex-1-key-enterprises.html', 'string'],
    [
      'docx',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'annex-1-key-enterprises.docx',
      'buffer',
    ],
  ] as const)('%s: %s, %s', async (format, contentType, fileName, bodyKind) => {
    const rendered = await renderAnnex(seedAnnexes[1](), format);
    expect(rendered.contentType).toBe(contentType);
    expect(rendered.fileName).toBe(fileName);
    expect(Buffer.isBuffer(rendered.body) ? 'buffer' : typeof rendered.body).toBe(bodyKind);
  });

  it('refuses a format it does not write, naming it', async () => {
    await expect(renderAnnex(seedAnnexes[4](), 'pdf' as never)).rejects.toThrow('unknown document format: "pdf"');
  });

  it('refuses an annex of an unknown kind, naming it', async () => {
    const stray = { ...seedAnnexes[3](), kind: 'prizes' } as unknown as Annex;
    await expect(renderAnnex(stray, 'txt')).rejects.toThrow('unknown annex kind: "prizes"');
  });
});
