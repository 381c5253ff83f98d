import { wordParagraphTexts, zipEntryText } from '../testing/docx-reader.test-support';
import { renderScoreSheet } from './render-score-sheet';
import type { ScoreSheet } from './score-sheet.types';

const sheet: ScoreSheet = {
  selectionTitle: '2026年湖南省“人工智能+”十大示范场景评选',
  expertName: '李明',
  expertOrganisation: '中南大学',
  rubric: [
    { code: 'technology', name: '技术先进性', maxPoints: 30 },
    { code: 'effectiveness', name: '应用成效', maxPoints: 30 },
  ],
  reviewDeadlineDate: '2026-04-30',
  signedDeclaration: null,
  dossiers: [
    { title: '轨道交通装备柔性制造', organisation: '湖南示例科技有限公司', points: { technology: 27, effectiveness: 25.5 }, total: 52.5, comment: '技术路线清晰。', recused: false },
    { title: '<智慧港口>', organisation: '岳阳港务有限公司', points: null, total: null, comment: null, recused: true },
  ],
};

describe('the 专家评分表', () => {
  it('given an expert\'s scores, when rendered as DOCX, then it holds the rubric, his points and comments, the declaration and a signature and date line', async () => {
    const rendered = await renderScoreSheet(sheet, 'docx', 'e5c1d0b7');
    expect(rendered.fileName).toBe('score-sheet-e5c1d0b7.docx');
    const xml = zipEntryText(rendered.body as Buffer, 'word/document.xml');
    const paragraphs = wordParagraphTexts(xml);
    expect(paragraphs[0]).toBe('2026年湖南省“人工智能+”十大示范场景评选专家评分表');
    expect(paragraphs).toContain('评审专家:李明(中南大学)');
    expect(paragraphs).toEqual(expect.arrayContaining(['技术先进性(30分)', '应用成效(30分)', '27', '25.5', '52.5', '回避']));
    expect(paragraphs).toContain('1.《轨道交通装备柔性制造》:技术路线清晰。');
    expect(paragraphs).toContain('2.《<智慧港口>》:已回避,未评分。');
    expect(paragraphs.some((text) => text.startsWith('本人承诺:') && text.includes('保密'))).toBe(true);
    expect(paragraphs.some((text) => text.startsWith('本人声明:') && text.includes('回避'))).toBe(true);
    expect(paragraphs).toContain('评审专家(签字):____________________');
    expect(paragraphs).toContain('日期:________年____月____日');
  });

  it('given a title with markup, when rendered as HTML (what the PDF is printed from), then it is escaped and the same lines are there', async () => {
    const rendered = await renderScoreSheet(sheet, 'html', 'e5c1d0b7');
    const html = String(rendered.body);
    expect(html).toContain('&lt;智慧港口&gt;');
    expect(html).not.toContain('<智慧港口>');
    expect(html).toContain('<th>技术先进性(30分)</th>');
    expect(html).toContain('<td class="number">52.5</td>');
    expect(html).toContain('评审专家(签字):____________________');
    expect(html).not.toMatch(/<script/i);
  });

  it('given the declaration he signed online, when rendered, then its own text, version and signing time are printed instead of the default', async () => {
    const signed = { ...sheet, signedDeclaration: { version: '2026-1', paragraphs: ['本人承诺:对本次评审材料严格保密。'], signedAtText: '2026年4月16日 10:00' } };
    const paragraphs = wordParagraphTexts(zipEntryText((await renderScoreSheet(signed, 'docx', 'e5c1d0b7')).body as Buffer, 'word/document.xml'));
    expect(paragraphs).toContain('本人承诺:对本次评审材料严格保密。');
    expect(paragraphs).toContain('以上声明已于 2026年4月16日 10:00 在线签署(文本版本:2026-1)。');
    expect(paragraphs.some((text) => text.startsWith('本人声明:'))).toBe(false);
    expect(String((await renderScoreSheet(signed, 'html', 'e5c1d0b7')).body)).toContain('以上声明已于 2026年4月16日 10:00 在线签署(文本版本:2026-1)。');
  });

  it('given a score the admin declared invalid, when rendered, then its row reads 无效 (not 回避) and the comments give the reason', async () => {
    const invalidated = {
      ...sheet,
      dossiers: [
        ...sheet.dossiers,
        { title: '智慧矿山', organisation: '郴州矿业有限公司', points: null, total: null, comment: null, recused: false, invalidated: { total: 88, reason: '评审意见与所给分数矛盾' } },
      ],
    };
    const paragraphs = wordParagraphTexts(zipEntryText((await renderScoreSheet(invalidated, 'docx', 'e5c1d0b7')).body as Buffer, 'word/document.xml'));
    const row = paragraphs.slice(paragraphs.indexOf('郴州矿业有限公司'), paragraphs.indexOf('郴州矿业有限公司') + 5);
    expect(row).toEqual(['郴州矿业有限公司', '智慧矿山', '无效', '无效', '无效']);
    expect(paragraphs).toContain('3.《智慧矿山》:评分已被认定无效(原总分 88),理由:评审意见与所给分数矛盾。');
    expect(String((await renderScoreSheet(invalidated, 'html', 'e5c1d0b7')).body)).toContain('评分已被认定无效(原总分 88),理由:评审意见与所给分数矛盾。');
  });
});
