import { wordParagraphTexts, zipEntryText } from '../testing/docx-reader.test-support';
import type { FundPlanDocument } from './fund-plan.types';
import { renderFundPlan } from './render-fund-plan';

const WAN = 1_000_000;
const plan: FundPlanDocument = {
  year: 2026,
  documentNo: '湘政发〔2025〕7号',
  nonDuplicationClause: '以上政策措施(算力券政策除外)与我省其他同类政策措施不重复享受,支持标准不一致的,按照“就高原则”执行。',
  summary: [
    { measureName: '年度评选奖补', budgetFen: null, committedFen: 80 * WAN, issuedFen: 0, paidFen: 80 * WAN },
    { measureName: '算力券', budgetFen: 1_500 * WAN, committedFen: 1_500 * WAN, issuedFen: 400 * WAN, paidFen: 250 * WAN },
  ],
  lines: [
    { measureName: '算力券', organisationName: '湖南视觉智能有限公司', projectTitle: '2026年度算力服务', basis: 'min(30% × 年度算力支出 20,000,000.00 元, 10,000,000.00 元)', committedFen: 600 * WAN, issuedFen: 0, paidFen: 0, reason: '按标准核定补贴' },
    { measureName: '新获批人工智能领域国家级单项冠军企业', organisationName: '<湖南>\t视觉', projectTitle: '工业视觉检测系统', basis: '一次性奖励 800,000.00 元', committedFen: 20 * WAN, issuedFen: 0, paidFen: 20 * WAN, reason: '就高原则:补差 200,000.00 元' },
  ],
};

describe('the yearly 资金安排表 (fund plan) in TXT, HTML and DOCX', () => {
  it('reads as text: the summary per measure with its total, then every decision with its amounts and reason', async () => {
    const rendered = await renderFundPlan(plan, 'txt');
    expect(rendered).toMatchObject({ fileName: 'fund-plan-2026.txt', contentType: 'text/plain; charset=utf-8' });
    expect((rendered.body as string).split('\n')).toEqual([
      '2026年湖南省“人工智能+”支持措施资金安排表',
      '',
      '年度:2026',
      '政策依据:湘政发〔2025〕7号附件5 湖南省“人工智能+”十大支持措施',
      '',
      '一、分措施汇总',
      '支持措施\t年度预算\t已安排\t已发放(算力券)\t已拨付',
      '年度评选奖补\t未设预算\t800,000.00 元\t—\t800,000.00 元',
      '算力券\t15,000,000.00 元\t15,000,000.00 元\t4,000,000.00 元\t2,500,000.00 元',
      '合计\t\t15,800,000.00 元\t4,000,000.00 元\t3,300,000.00 元',
      '',
      '二、资金安排明细',
      '序号\t支持措施\t单位\t项目\t支持标准\t安排金额\t发放金额\t拨付金额\t说明',
      '1\t算力券\t湖南视觉智能有限公司\t2026年度算力服务\tmin(30% × 年度算力支出 20,000,000.00 元, 10,000,000.00 元)\t6,000,000.00 元\t—\t—\t按标准核定补贴',
      '2\t新获批人工智能领域国家级单项冠军企业\t<湖南> 视觉\t工业视觉检测系统\t一次性奖励 800,000.00 元\t200,000.00 元\t—\t200,000.00 元\t就高原则:补差 200,000.00 元',
      '',
      `注:${plan.nonDuplicationClause}`,
      '',
    ]);
  });

  it('as HTML escapes what applicants wrote and keeps the amounts', async () => {
    const html = (await renderFundPlan(plan, 'html')).body as string;
    expect(html).toContain('&lt;湖南&gt;');
    expect(html).not.toContain('<湖南>');
    expect(html).toContain('<td class="number">15,000,000.00 元</td>');
    expect(html).toContain('<h2>二、资金安排明细</h2>');
  });

  it('as DOCX holds the title, both tables and the note', async () => {
    const rendered = await renderFundPlan(plan, 'docx');
    expect(rendered.fileName).toBe('fund-plan-2026.docx');
    const paragraphs = wordParagraphTexts(zipEntryText(rendered.body as Buffer, 'word/document.xml'));
    expect(paragraphs[0]).toBe('2026年湖南省“人工智能+”支持措施资金安排表');
    expect(paragraphs).toEqual(expect.arrayContaining(['一、分措施汇总', '15,800,000.00 元', '就高原则:补差 200,000.00 元', `注:${plan.nonDuplicationClause}`]));
  });

  it('refuses an unknown format', async () => {
    await expect(renderFundPlan(plan, 'pdf' as 'txt')).rejects.toThrow('unknown document format');
  });
});
