import { seedRules } from '@app/domain/programmes/programmes.test-support';
import { resolveCallRules } from '@app/domain/programmes';
import { stagesFromForm } from './stages-form';

const rules = seedRules('demo-scenario');
const two = { reviewMode: 'two', stageAdvancePerTier: '15', panelMinimumValidReviews: '5', panelNoShow: 'score-zero', onlineWeightPercent: '40' };

describe('the open-call form: review stages', () => {
  it('one online stage (the default) sends no stages', () => {
    expect(stagesFromForm(rules, {})).toEqual({ errors: {} });
    expect(stagesFromForm(rules, { reviewMode: 'one', stageAdvancePerTier: '3' })).toEqual({ errors: {} });
  });

  it('通讯评审 + 会议评审(答辩): the top N per tier go forward, the panel scores with the programme rubric after a defence, weighted as asked', () => {
    const { stages, finalRanking, errors } = stagesFromForm(rules, two);
    expect(errors).toEqual({});
    expect(stages).toEqual([
      { code: 'online', name: '通讯评审', kind: 'online', advance: { kind: 'top-per-tier', perTier: 15 } },
      { code: 'panel', name: '会议评审', kind: 'site-visit-or-defence', rubric: rules.rubric, aggregation: 'mean', minimumValidReviews: 5, defence: { noShow: 'score-zero' } },
    ]);
    expect(finalRanking).toEqual({ kind: 'weighted', percentByStage: { online: 40, panel: 60 } });
    // What the form sends is a call the domain accepts.
    expect(() => resolveCallRules(rules, { quotas: { scenario: 10 }, stages: stages as never, finalRanking })).not.toThrow();
  });

  it('weight 0 ranks by the panel alone; no defence is a plain panel', () => {
    const { stages, finalRanking } = stagesFromForm(rules, { ...two, onlineWeightPercent: '0', panelNoShow: 'none' });
    expect(finalRanking).toEqual({ kind: 'last-stage' });
    expect(stages?.[1]).toEqual({ code: 'panel', name: '会议评审', kind: 'panel', rubric: rules.rubric, aggregation: 'mean', minimumValidReviews: 5 });
  });

  it('says in Chinese, beside each field, what is wrong', () => {
    expect(stagesFromForm(rules, { ...two, stageAdvancePerTier: '', panelMinimumValidReviews: '0', onlineWeightPercent: '100', panelNoShow: 'maybe' }).errors).toEqual({
      stageAdvancePerTier: '请填写每类进入会议评审的项目数(正整数)',
      panelMinimumValidReviews: '会议评审每项至少的有效评分数须为 1 至 30 的整数',
      onlineWeightPercent: '通讯评审权重须为 0 至 99 的整数(会议评审占其余部分)',
      panelNoShow: '请选择答辩缺席的处理方式',
    });
  });
});
