import type { DeclaredReviewStage, FinalRankingRule, ProgrammeRules } from '@app/domain/programmes';

/**
 * The open-call form's review stages: one online review (the default), or 通讯评审 followed by 会议评审
 * (with a defence, 答辩, when the no-show rule is chosen). The panel scores with the programme's rubric
 * by their mean; the API takes any other stage list (overrides.stages). Checked again by the domain.
 */
export const NO_SHOW_NAMES: Record<string, string> = {
  none: '不安排答辩(专家组审阅材料评分)',
  'score-zero': '缺席答辩的,会议评审得分计为 0',
  withdrawn: '缺席答辩的,视为退出评选',
  'panel-scores-anyway': '缺席答辩的,专家组仍按材料评分',
};

const raw = (body: Record<string, unknown>, name: string): string => (typeof body[name] === 'string' ? (body[name] as string).trim() : '');
const wholeIn = (text: string, min: number, max: number): number | null => {
  const value = Number(text);
  return text !== '' && Number.isInteger(value) && value >= min && value <= max ? value : null;
};

export function stagesFromForm(rules: ProgrammeRules, body: Record<string, unknown>): { stages?: DeclaredReviewStage[]; finalRanking?: FinalRankingRule; errors: Record<string, string> } {
  if (raw(body, 'reviewMode') !== 'two') return { errors: {} };
  const errors: Record<string, string> = {};
  const perTier = wholeIn(raw(body, 'stageAdvancePerTier'), 1, 1000);
  if (perTier === null) errors.stageAdvancePerTier = '请填写每类进入会议评审的项目数(正整数)';
  const minimum = wholeIn(raw(body, 'panelMinimumValidReviews'), 1, 30);
  if (minimum === null) errors.panelMinimumValidReviews = '会议评审每项至少的有效评分数须为 1 至 30 的整数';
  const weight = wholeIn(raw(body, 'onlineWeightPercent') || '0', 0, 99);
  if (weight === null) errors.onlineWeightPercent = '通讯评审权重须为 0 至 99 的整数(会议评审占其余部分)';
  const noShow = raw(body, 'panelNoShow') || 'none';
  if (!(noShow in NO_SHOW_NAMES)) errors.panelNoShow = '请选择答辩缺席的处理方式';
  if (Object.keys(errors).length > 0) return { errors };
  const defence = noShow === 'none' ? {} : { defence: { noShow: noShow as 'score-zero' | 'withdrawn' | 'panel-scores-anyway' } };
  const stages: DeclaredReviewStage[] = [
    { code: 'online', name: '通讯评审', kind: 'online', advance: { kind: 'top-per-tier', perTier: perTier! } },
    { code: 'panel', name: '会议评审', kind: noShow === 'none' ? 'panel' : 'site-visit-or-defence', rubric: rules.rubric, aggregation: 'mean', minimumValidReviews: minimum!, ...defence },
  ];
  const finalRanking: FinalRankingRule = weight === 0 ? { kind: 'last-stage' } : { kind: 'weighted', percentByStage: { online: weight!, panel: 100 - weight! } };
  return { stages, finalRanking, errors };
}

/** The stage fields as the form shows them: posted values after an error, else the defaults (one stage). */
export function stageFormOf(form: Record<string, unknown>) {
  const value = (name: string, fallback: string) => (typeof form[name] === 'string' ? (form[name] as string) : fallback);
  const noShow = value('panelNoShow', 'score-zero');
  return {
    two: value('reviewMode', 'one') === 'two',
    perTier: value('stageAdvancePerTier', '15'),
    minimum: value('panelMinimumValidReviews', '5'),
    weight: value('onlineWeightPercent', '40'),
    noShowOptions: Object.entries(NO_SHOW_NAMES).map(([code, label]) => ({ value: code, label, selected: code === noShow })),
  };
}
