import type { KeyEnterpriseAnnex } from '../annex.types';
import { renderAnnex } from '../render-annex';
import { escapedAsHandlebarsDoes, htmlStructureProblems } from '../testing/html-structure.test-support';
import { seedAnnexes, seedOrganisationNames } from '../testing/seeds.test-support';

async function html(annex: Parameters<typeof renderAnnex>[0]): Promise<string> {
  return (await renderAnnex(annex, 'html')).body as string;
}

describe('renderAnnex as HTML', () => {
  it.each([1, 2, 3, 4] as const)(
    '附件%i is a well-formed page: every element closed in order, no raw < or &',
    async (annexNumber) => {
      expect(htmlStructureProblems(await html(seedAnnexes[annexNumber]()))).toEqual([]);
    },
  );

  it('names every organisation and platform of the 2025 lists', async () => {
    const pages = (await Promise.all([html(seedAnnexes[1]()), html(seedAnnexes[4]())])).join('');
    const missing = seedOrganisationNames().filter((name) => !pages.includes(escapedAsHandlebarsDoes(name)));
    expect(missing).toEqual([]);
  });

  it('escapes what it prints, so a name cannot inject markup', async () => {
    const annex: KeyEnterpriseAnnex = {
      ...seedAnnexes[1](),
      tiers: [{ name: '基础层企业', items: [{ organisation: '<script>alert(1)</script>A&B公司', speciality: '"芯片"' }] }],
    };
    const page = await html(annex);
    expect(page).not.toContain('<script>');
    expect(page).toContain('1.&lt;script&gt;alert(1)&lt;/script&gt;A&amp;B公司(&quot;芯片&quot;)');
    expect(htmlStructureProblems(page)).toEqual([]);
  });

  it('prints on A4 with the official margins and "— N —" page numbers at the foot', async () => {
    const page = await html(seedAnnexes[2]());
    expect(page).toMatch(/@page\s*\{[^}]*size:\s*A4;/);
    expect(page).toContain('margin: 37mm 26mm 35mm 28mm;');
    expect(page).toMatch(/@bottom-center\s*\{\s*content:\s*"— " counter\(page\) " —";/);
    expect(page).toContain('"SimSun", "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC", serif');
  });

  it('sets 附件N top-left and the title centred and bold, as official documents do', async () => {
    const page = await html(seedAnnexes[4]());
    expect(page).toContain('<p class="document-label">附件4</p>\n<h1>湖南省“人工智能+”十大重点科技创新平台</h1>');
    expect(page).toContain('<p class="document-subtitle">(首批)</p>');
    expect(page).toMatch(/h1 \{[^}]*font-weight: bold;[^}]*text-align: center;/);
    expect(page).toContain('<h2>三、创新型平台(2个)</h2>\n<p>4.国家超级计算长沙中心</p>');
  });
});
