import type { ScoreSheet, ScoreSheetDossier } from './score-sheet.types';

/** Every string of the 专家评分表, shared by its HTML (and so its PDF) and its DOCX. */
export interface ScoreSheetLayout {
  readonly title: string;
  readonly facts: readonly string[];
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly commentsHeading: string;
  readonly comments: readonly string[];
  readonly declarationHeading: string;
  readonly declaration: readonly string[];
  readonly signature: string;
  readonly date: string;
}

const points = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(2).replace(/0$/, ''));

/** Printed for a review held before experts signed online (no signature on record). */
export const SCORE_SHEET_DECLARATION = [
  '本人承诺:严格遵守评审纪律,对评审材料、评审过程和评审结果保密,不以任何方式泄露、复制或向他人提供;不接受申报单位的请托、宴请或馈赠。',
  '本人声明:与上述申报单位及项目不存在任职、投资、亲属关系、近三年合作等可能影响公正评审的利益关系;如存在,已在评审前申请回避。',
  '本人对所给分数和评审意见负责,评分独立、客观、公正。',
];

export function layOutScoreSheet(sheet: ScoreSheet): ScoreSheetLayout {
  const columns = ['序号', '申报单位', '项目名称', ...sheet.rubric.map((criterion) => `${criterion.name}(${criterion.maxPoints}分)`), '总分'];
  const rows = sheet.dossiers.map((dossier, index) => [
    String(index + 1),
    dossier.organisation,
    dossier.title,
    ...sheet.rubric.map((criterion) => withoutScore(dossier) ?? (dossier.points?.[criterion.code] === undefined ? '未评' : points(dossier.points[criterion.code]))),
    withoutScore(dossier) ?? (dossier.total === null ? '未评' : points(dossier.total)),
  ]);
  return {
    title: `${sheet.selectionTitle}专家评分表`,
    facts: [
      `评审专家:${sheet.expertName}(${sheet.expertOrganisation})`,
      `评审项目:${sheet.dossiers.length}项${sheet.reviewDeadlineDate ? `;评审截止日期:${sheet.reviewDeadlineDate}` : ''}`,
    ],
    columns,
    rows,
    commentsHeading: '评审意见',
    comments: sheet.dossiers.map(
      (dossier, index) => `${index + 1}.《${dossier.title}》:${commentOf(dossier)}`,
    ),
    declarationHeading: '保密与回避承诺',
    declaration: sheet.signedDeclaration
      ? [...sheet.signedDeclaration.paragraphs, `以上声明已于 ${sheet.signedDeclaration.signedAtText} 在线签署(文本版本:${sheet.signedDeclaration.version})。`]
      : SCORE_SHEET_DECLARATION,
    signature: '评审专家(签字):____________________',
    date: '日期:________年____月____日',
  };
}

/** An invalidated score is 无效, never 回避 (the state marks its place free the way a recusal does). */
function withoutScore(dossier: ScoreSheetDossier): string | null {
  if (dossier.invalidated) return '无效';
  return dossier.recused ? '回避' : null;
}

function commentOf(dossier: ScoreSheetDossier): string {
  if (dossier.invalidated) return `评分已被认定无效(原总分 ${points(dossier.invalidated.total)}),理由:${dossier.invalidated.reason.replace(/[。.]$/, '')}。`;
  return dossier.recused ? '已回避,未评分。' : dossier.comment?.trim() || '(无)';
}
