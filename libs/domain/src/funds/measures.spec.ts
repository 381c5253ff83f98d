import { readSeedJson } from '../shared/seed-json.test-support';
import { refusalOf } from '../shared/refusal.test-support';
import { parseMeasureCatalogue } from './measures';
import { MEASURES, wan } from './funds.test-support';

const seed = readSeedJson('measures/hunan-2025.json');

/** "1亿元" / "1000万元" / "500万元" / "100万元" in a clause, in fen. */
function amountsInClause(clause: string): number[] {
  return [...clause.matchAll(/(\d+)(亿|万)元/g)].map(([, n, unit]) => Number(n) * (unit === '亿' ? 100_000_000 : 10_000) * 100);
}

describe('the measures of 附件5 as data (seeds/measures/hunan-2025.json)', () => {
  it('carries each figure with the clause it comes from', () => {
    const { voucher, platform, champion } = MEASURES;
    expect(amountsInClause(voucher.clause)).toEqual([voucher.yearlyBudgetFen, voucher.capFenPerEnterprise]);
    expect(voucher.clause).toContain(`${voucher.rateBasisPoints / 100}%`);
    expect([voucher.yearlyBudgetFen, voucher.capFenPerEnterprise]).toEqual([wan(10_000), wan(1_000)]);
    expect(amountsInClause(platform.clause)).toEqual([platform.yearlyFen]);
    expect(platform.clause).toContain('连续支持三年');
    expect(platform.years).toBe(3);
    expect(amountsInClause(champion.clause)).toEqual([champion.capFen]);
    expect(champion.clause).toContain('一次性');
    expect(MEASURES.validity).toMatchObject({ from: '2025-10-27', to: '2028-10-26' });
    expect(MEASURES.validity.clause).toBe('本政策措施自发布之日起实施,有效期3年。');
    expect(MEASURES.nonDuplication.clause).toContain('算力券政策除外');
    expect(MEASURES.nonDuplication.excludedMeasures).toEqual(['compute-voucher']);
    expect(MEASURES.documentNo).toBe('湘政发〔2025〕7号');
  });

  it('refuses a broken file with every problem and its path', () => {
    const broken = JSON.parse(JSON.stringify(seed));
    broken.validity.to = '2025-02-30';
    broken.measures[0].rateBasisPoints = 0;
    broken.measures = broken.measures.filter((m: { code: string }) => m.code !== 'national-champion');
    broken.nonDuplication.excludedMeasures = ['lottery'];
    const refusal = refusalOf(() => parseMeasureCatalogue(broken));
    expect(refusal.code).toBe('invalid-measures');
    expect(refusal.details?.problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('$.validity.to'),
        expect.stringContaining('rateBasisPoints'),
        expect.stringContaining('exactly one measure national-champion'),
        expect.stringContaining('$.nonDuplication.excludedMeasures[0]'),
      ]),
    );
    expect(refusalOf(() => parseMeasureCatalogue('nope')).message).toContain('$ must be an object');
    const noAttachments = JSON.parse(JSON.stringify(seed));
    noAttachments.measures[0].requiredAttachments = [];
    noAttachments.validity.from = '2029-01-01';
    noAttachments.nonDuplication.excludedMeasures = 'compute-voucher';
    const second = refusalOf(() => parseMeasureCatalogue(noAttachments));
    expect(second.details?.problems).toEqual(
      expect.arrayContaining([expect.stringContaining('requiredAttachments'), expect.stringContaining('must end'), expect.stringContaining('list of measure codes')]),
    );
  });
});
