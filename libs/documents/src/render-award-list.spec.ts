import type { AwardListDocument } from './annex.types';
import { ratePercent } from './layout/award-list.layout';
import { renderAwardList } from './render-award-list';
import { wordParagraphTexts, zipEntryText } from './testing/docx-reader.test-support';
import { htmlStructureProblems } from './testing/html-structure.test-support';

const NOTE = '以上政策措施(算力券政策除外)与我省其他同类政策措施不重复享受,支持标准不一致的,按照“就高原则”执行。';
const MODEL = '2026年湖南省“人工智能+”人工智能垂类大模型评选';
const TOP_UP = `就高原则:已于《${MODEL}》获支持 600,000.00 元,按较高标准 1,600,000.00 元 补差 1,000,000.00 元`;
const NOT_PAID = `不重复享受:已于《${MODEL}》获支持 1,000,000.00 元,不低于本次标准 400,000.00 元,本次不予重复支持`;
const SCENARIO = { rateBasisPoints: 2000, capFen: 200_000_000 };

/** A year with a line paid in full, a top-up (就高原则) and a line not paid again (不重复享受). */
const awardList: AwardListDocument = {
  heading: '2026年湖南省“人工智能+”十大示范场景奖补名单',
  year: 2026,
  programmeCode: 'demo-scenario',
  programmeName: '十大示范场景',
  rows: [
    {
      serial: 1,
      organisation: '甲科技有限公司',
      projectTitle: '轨道交通装备柔性制造',
      approvedInvestmentFen: 1_000_000_000,
      standard: { ...SCENARIO, standardFen: 199_999_999 },
      awardAmountFen: 199_999_999,
      decision: 'paid',
      reason: '该项目未获其他同类支持,按标准支持 1,999,999.99 元',
    },
    {
      serial: 2,
      organisation: 'A&B <智能> 公司',
      projectTitle: '水稻\t无人\n农场',
      approvedInvestmentFen: 800_000_000,
      standard: { ...SCENARIO, standardFen: 160_000_000 },
      awardAmountFen: 100_000_000,
      decision: 'top-up',
      reason: TOP_UP,
    },
    {
      serial: 3,
      organisation: '丙数据有限公司',
      projectTitle: '港口调度',
      approvedInvestmentFen: 200_000_000,
      standard: { ...SCENARIO, standardFen: 40_000_000 },
      awardAmountFen: 0,
      decision: 'not-paid',
      reason: NOT_PAID,
    },
  ],
  nonDuplicationNote: NOTE,
};

describe('renderAwardList', () => {
  it('as text: per line the standard, the amount paid and why it differs; a line not paid is said in words', async () => {
    const rendered = await renderAwardList(awardList, 'txt');
    expect(rendered.fileName).toBe('award-list-demo-scenario-2026.txt');
    expect((rendered.body as string).split('\n')).toEqual([
      '2026年湖南省“人工智能+”十大示范场景奖补名单',
      '',
      '年度:2026',
      '评选项目:十大示范场景',
      '',
      '序号\t申报单位\t项目名称\t核定投资额\t支持标准\t奖补金额\t说明',
      '1\t甲科技有限公司\t轨道交通装备柔性制造\t10,000,000.00 元\t1,999,999.99 元(核定投资额×20%,最高 2,000,000.00 元)\t1,999,999.99 元\t按标准支持',
      `2\tA&B <智能> 公司\t水稻 无人 农场\t8,000,000.00 元\t1,600,000.00 元(核定投资额×20%,最高 2,000,000.00 元)\t1,000,000.00 元(补差)\t${TOP_UP}`,
      `3\t丙数据有限公司\t港口调度\t2,000,000.00 元\t400,000.00 元(核定投资额×20%,最高 2,000,000.00 元)\t不予重复支持\t${NOT_PAID}`,
      '合计\t\t\t\t\t2,999,999.99 元',
      '',
      `注:${NOTE}`,
      '',
    ]);
    expect(rendered.body).not.toMatch(/\t0\.00 元/);
  });

  it('as HTML: a well-formed, escaped table with the standard, the amounts right-aligned and the reasons', async () => {
    const page = (await renderAwardList(awardList, 'html')).body as string;
    expect(htmlStructureProblems(page)).toEqual([]);
    expect(page).toContain('<td>A&amp;B &lt;智能&gt; 公司</td>');
    expect(page).toContain(
      '<td class="number">10,000,000.00 元</td><td>1,999,999.99 元(核定投资额×20%,最高 2,000,000.00 元)</td><td class="number">1,999,999.99 元</td><td>按标准支持</td></tr>',
    );
    expect(page).toContain('<td class="number">1,000,000.00 元(补差)</td>');
    expect(page).toContain('<td class="number">不予重复支持</td>');
    expect(page).toContain(`<td>${NOT_PAID.replace(/=/g, '&#x3D;')}</td>`);
    expect(page).toContain('<th colspan="5">合计</th><td class="number">2,999,999.99 元</td><td></td>');
    expect(page).toMatch(/@page\s*\{[^}]*size:\s*A4;/);
    expect(page).toContain('@page { size: A4 landscape; }'); // seven columns: the list prints across the page
    expect(page).toContain(`<p>注:${NOTE.replace(/=/g, '&#x3D;')}</p>`);
  });

  it('as DOCX: the table cells carry the organisations, standards, amounts and reasons', async () => {
    const rendered = await renderAwardList(awardList, 'docx');
    const xml = zipEntryText(rendered.body as Buffer, 'word/document.xml');
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/);
    const paragraphs = wordParagraphTexts(xml);
    expect(paragraphs).toEqual(
      expect.arrayContaining([
        '支持标准',
        '说明',
        '甲科技有限公司',
        'A&B <智能> 公司',
        '1,600,000.00 元(核定投资额×20%,最高 2,000,000.00 元)',
        '1,000,000.00 元(补差)',
        '不予重复支持',
        TOP_UP,
        NOT_PAID,
        '合计',
        '2,999,999.99 元',
        `注:${NOTE}`,
      ]),
    );
    expect(paragraphs).not.toContain('0.00 元');
  });

  it('refuses an amount that is not a whole number of fen rather than print a rounded one', async () => {
    const fractional = { ...awardList, rows: [{ ...awardList.rows[0], awardAmountFen: 12.5 }] };
    await expect(renderAwardList(fractional, 'txt')).rejects.toThrow(RangeError);
  });

  it('refuses a line marked not paid that pays something, and an unknown decision', async () => {
    await expect(renderAwardList({ ...awardList, rows: [{ ...awardList.rows[2], awardAmountFen: 5 }] }, 'txt')).rejects.toThrow(/not paid must pay 0/);
    await expect(renderAwardList({ ...awardList, rows: [{ ...awardList.rows[0], decision: 'maybe' as 'paid' }] }, 'txt')).rejects.toThrow(/unknown award decision/);
  });

  it('writes rates as exact percentages', () => {
    expect([2000, 1250, 5, 10_000].map(ratePercent)).toEqual(['20%', '12.5%', '0.05%', '100%']);
  });

  it('keeps the file name ASCII whatever the programme code holds', async () => {
    const rendered = await renderAwardList({ ...awardList, programmeCode: '示范 Scenario' }, 'html');
    expect(rendered.fileName).toBe('award-list-scenario-2026.html');
  });
});
