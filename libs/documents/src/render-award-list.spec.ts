import type { AwardListDocument } from './annex.types';
import { renderAwardList } from './render-award-list';
import { wordParagraphTexts, zipEntryText } from './testing/docx-reader.test-support';
import { htmlStructureProblems } from './testing/html-structure.test-support';

const NOTE = '以上政策措施(算力券政策除外)与我省其他同类政策措施不重复享受,支持标准不一致的,按照“就高原则”执行。';

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
      awardAmountFen: 199_999_999,
    },
    {
      serial: 2,
      organisation: 'A&B <智能> 公司',
      projectTitle: '水稻\t无人\n农场',
      approvedInvestmentFen: 500_000_000,
      awardAmountFen: 100_000_000,
    },
  ],
  nonDuplicationNote: NOTE,
};

describe('renderAwardList', () => {
  it('as text: a tab-separated table with amounts in yuan from whole fen, their total, and the note', async () => {
    const rendered = await renderAwardList(awardList, 'txt');
    expect(rendered.fileName).toBe('award-list-demo-scenario-2026.txt');
    expect(rendered.body).toBe(
      [
        '2026年湖南省“人工智能+”十大示范场景奖补名单',
        '',
        '年度:2026',
        '评选项目:十大示范场景',
        '',
        '序号\t申报单位\t项目名称\t核定投资额\t奖补金额',
        '1\t甲科技有限公司\t轨道交通装备柔性制造\t10,000,000.00 元\t1,999,999.99 元',
        '2\tA&B <智能> 公司\t水稻 无人 农场\t5,000,000.00 元\t1,000,000.00 元',
        '合计\t\t\t\t2,999,999.99 元',
        '',
        `注:${NOTE}`,
        '',
      ].join('\n'),
    );
  });

  it('as HTML: a well-formed, escaped table with the amounts right-aligned', async () => {
    const page = (await renderAwardList(awardList, 'html')).body as string;
    expect(htmlStructureProblems(page)).toEqual([]);
    expect(page).toContain('<td>A&amp;B &lt;智能&gt; 公司</td>');
    expect(page).toContain('<td class="number">10,000,000.00 元</td><td class="number">1,999,999.99 元</td></tr>');
    expect(page).toContain('<th colspan="4">合计</th><td class="number">2,999,999.99 元</td>');
    expect(page).toMatch(/@page\s*\{[^}]*size:\s*A4;/);
    expect(page).toContain(`<p>注:${NOTE.replace(/=/g, '&#x3D;')}</p>`);
  });

  it('as DOCX: the table cells carry the organisations and the amounts', async () => {
    const rendered = await renderAwardList(awardList, 'docx');
    const paragraphs = wordParagraphTexts(zipEntryText(rendered.body as Buffer, 'word/document.xml'));
    expect(paragraphs).toEqual(
      expect.arrayContaining(['甲科技有限公司', 'A&B <智能> 公司', '1,999,999.99 元', '合计', '2,999,999.99 元', `注:${NOTE}`]),
    );
  });

  it('refuses an amount that is not a whole number of fen rather than print a rounded one', async () => {
    const fractional = { ...awardList, rows: [{ ...awardList.rows[0], awardAmountFen: 12.5 }] };
    await expect(renderAwardList(fractional, 'txt')).rejects.toThrow(RangeError);
  });

  it('keeps the file name ASCII whatever the programme code holds', async () => {
    const rendered = await renderAwardList({ ...awardList, programmeCode: '示范 Scenario' }, 'html');
    expect(rendered.fileName).toBe('award-list-scenario-2026.html');
  });
});
