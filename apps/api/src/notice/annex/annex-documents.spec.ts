import { renderAnnex } from '@app/documents';
import type { Selection } from '@app/domain/selection';
import type { PublishedEntry } from '../shared/published-entry';
import { annexOf, awardListOf, hasAnnexLayout } from './annex-documents';

const entry = (dossierId: string, tier: string, fields: Record<string, string>): PublishedEntry => ({
  dossierId,
  organisation: `单位${dossierId}`,
  creditCode: '91430100MA4L16JQ5X',
  projectTitle: `项目${dossierId}`,
  tier,
  tierName: tier,
  fields,
});

function selectionOf(programme: Selection['programme'], name: string, tiers: { code: string; name: string }[], awards: { dossierId: string; tier: string; rank: number }[], batch: number | null = null): Selection {
  return {
    programme,
    year: 2026,
    batch,
    selectionId: `${programme}-2026`,
    rules: { name, tiers, award: { kind: 'policy' } },
    awards: awards.map((line) => ({ ...line, projectKey: line.dossierId, award: { kind: 'policy' } })),
  } as unknown as Selection;
}

describe('the published list as the plan annex view models', () => {
  it('key enterprises: tiers named as in annex 1, 重点培养型 a list of its own, the speciality from the dossier', async () => {
    const entries = new Map([
      ['k1', entry('k1', 'foundation', { specialty: '算力芯片' })],
      ['k2', entry('k2', 'cultivation', { specialty: '具身智能' })],
    ]);
    const selection = selectionOf('key-enterprise', '十大重点企业', [{ code: 'foundation', name: '基础层' }, { code: 'cultivation', name: '重点培养型' }], [
      { dossierId: 'k2', tier: 'cultivation', rank: 1 },
      { dossierId: 'k1', tier: 'foundation', rank: 1 },
    ]);
    const annex = annexOf(selection, (id) => entries.get(id)!);
    expect(annex).toEqual({
      kind: 'key-enterprises',
      annexNumber: 1,
      heading: '湖南省“人工智能+”十大重点企业',
      tiers: [
        { name: '基础层企业', items: [{ organisation: '单位k1', speciality: '算力芯片' }] },
        { name: '重点培养型企业', startsNewList: true, items: [{ organisation: '单位k2', speciality: '具身智能' }] },
      ],
    });
    const text = (await renderAnnex(annex, 'txt')).body as string;
    expect(text).toContain('单位k1(算力芯片)');
  });

  it('innovation platforms: categories as in annex 4, the batch label, platform names from the dossier, the direction of 应用型 only', async () => {
    const entries = new Map([
      ['p1', entry('p1', 'research', { platformName: '湖南国家应用数学中心', direction: '应用数学' })],
      ['p2', entry('p2', 'application', { platformName: '岳麓山工业创新中心', direction: 'AI+先进制造/具身智能' })],
    ]);
    const tiers = [{ code: 'research', name: '研究型' }, { code: 'application', name: '应用型' }];
    const selection = selectionOf('innovation-platform', '十大重点科技创新平台', tiers, [
      { dossierId: 'p1', tier: 'research', rank: 1 },
      { dossierId: 'p2', tier: 'application', rank: 1 },
    ], 1);
    const annex = annexOf(selection, (id) => entries.get(id)!);
    expect(annex).toMatchObject({
      kind: 'innovation-platforms',
      annexNumber: 4,
      batchLabel: '首批',
      categories: [
        { name: '研究型平台', platforms: [{ name: '湖南国家应用数学中心' }] },
        { name: '应用型平台', platforms: [{ name: '岳麓山工业创新中心', direction: 'AI+先进制造/具身智能' }] },
      ],
    });
    expect(((await renderAnnex(annex, 'txt')).body as string)).toContain('湖南国家应用数学中心');
  });

  it('money-only programmes have no annex layout, and policy programmes no award list', () => {
    const model = selectionOf('vertical-model', '人工智能垂类大模型', [{ code: 'model', name: '垂类大模型' }], []);
    expect(hasAnnexLayout(model)).toBe(false);
    expect(() => annexOf(model, () => entry('x', 'model', {}))).toThrow(/award list/);
    const platforms = selectionOf('innovation-platform', '十大重点科技创新平台', [], []);
    expect(() => awardListOf(platforms, () => entry('x', 'research', {}))).toThrow(/no award list/);
  });
});
