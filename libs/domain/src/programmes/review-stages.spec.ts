import { refusalOf } from '../shared/refusal.test-support';
import { parseProgrammeRules } from './parse-programme-rules';
import { seedCallRules, seedJsonCopy, seedRules } from './programmes.test-support';
import { resolveCallRules } from './resolve-call-rules';
import { finalRankingOf, reviewStagesOf } from './review-stages';
import { PANEL_RUBRIC, TWO_STAGES } from './review-stages.test-support';

function problemsOf(run: () => unknown): string[] {
  return (refusalOf(run).details?.problems ?? []) as string[];
}

describe('review stages as data', () => {
  it('given a programme without stages, it runs one online stage with its own rubric, experts and aggregation', () => {
    const rules = seedRules('demo-scenario');
    expect(rules.stages).toBeUndefined();
    expect(reviewStagesOf(rules)).toEqual([
      {
        code: 'online',
        name: '通讯评审',
        kind: 'online',
        rubric: rules.rubric,
        aggregation: 'trimmed-mean',
        expertsPerDossier: 5,
        minimumValidReviews: 3,
        advance: null,
        defence: null,
      },
    ]);
    expect(finalRankingOf(rules)).toEqual({ kind: 'last-stage' });
  });

  it('given a programme JSON with two stages, the first inherits the programme settings and the panel has its own', () => {
    const json = { ...seedJsonCopy('demo-scenario'), stages: TWO_STAGES, finalRanking: { kind: 'weighted', percentByStage: { online: 40, panel: 60 } } };
    const rules = parseProgrammeRules(json);
    const [online, panel] = reviewStagesOf(rules);
    expect(online).toMatchObject({ kind: 'online', rubric: rules.rubric, expertsPerDossier: 5, minimumValidReviews: 3, advance: { kind: 'top-per-tier', perTier: 3 } });
    expect(panel).toEqual({
      code: 'panel',
      name: '会议评审',
      kind: 'site-visit-or-defence',
      rubric: PANEL_RUBRIC,
      aggregation: 'mean',
      expertsPerDossier: null,
      minimumValidReviews: 3,
      advance: null,
      defence: { noShow: 'score-zero' },
    });
    expect(finalRankingOf(rules)).toEqual({ kind: 'weighted', percentByStage: { online: 40, panel: 60 } });
  });

  it('given a call override, the call runs its own stages; its rubric override reaches the first stage', () => {
    const rubric = seedRules('demo-scenario').rubric.map((criterion) => ({ ...criterion }));
    const rules = seedCallRules('demo-scenario', { stages: TWO_STAGES as never, rubric });
    expect(reviewStagesOf(rules).map((stage) => stage.code)).toEqual(['online', 'panel']);
    // A call's rules are read again when it opens: the declared form reads back to itself.
    expect(resolveCallRules(rules, {})).toEqual(rules);
  });

  it('a threshold puts forward everyone at or above it', () => {
    const stages = [{ ...TWO_STAGES[0], advance: { kind: 'threshold', minimum: 75 } }, TWO_STAGES[1]];
    const rules = seedCallRules('demo-scenario', { stages: stages as never });
    expect(reviewStagesOf(rules)[0].advance).toEqual({ kind: 'threshold', minimum: 75 });
  });

  it('refuses every malformed stage list at once, each with its path', () => {
    const json = {
      ...seedJsonCopy('demo-scenario'),
      stages: [
        { code: 'online', name: '通讯评审', kind: 'panel', rubric: PANEL_RUBRIC },
        { code: 'panel', name: '会议评审', kind: 'site-visit-or-defence', rubric: [], aggregation: 'best', minimumValidReviews: 0, advance: { kind: 'top-per-tier', perTier: 2 } },
      ],
      finalRanking: { kind: 'weighted', percentByStage: { online: 50, visit: 30 } },
    };
    expect(problemsOf(() => parseProgrammeRules(json))).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^stages\[0\]\.kind must be "online"/),
        expect.stringMatching(/^stages\[0\]\.rubric is the programme's own rubric/),
        expect.stringMatching(/^stages\[0\]\.advance must be an object/),
        expect.stringMatching(/^stages\[1\]\.aggregation must be one of/),
        expect.stringMatching(/^stages\[1\]\.minimumValidReviews must be a whole number from 1/),
        expect.stringMatching(/^stages\[1\]\.advance must be absent on the last stage/),
        expect.stringMatching(/^stages\[1\]\.defence must say what a no-show means/),
        expect.stringMatching(/^finalRanking\.percentByStage\.visit is not a stage/),
        expect.stringMatching(/^finalRanking\.percentByStage must give the last stage \(panel\) a weight above 0/),
        expect.stringMatching(/^finalRanking\.percentByStage must add up to 100, got 80/),
      ]),
    );
  });

  it('refuses a second online stage, duplicate codes and weights without stages', () => {
    const later = { ...TWO_STAGES[1], code: 'online', kind: 'online', defence: undefined };
    const json = { ...seedJsonCopy('demo-scenario'), stages: [TWO_STAGES[0], later] };
    expect(problemsOf(() => parseProgrammeRules(json))).toEqual(
      expect.arrayContaining([expect.stringMatching(/^stages\[1\]\.kind must be "panel" or "site-visit-or-defence"/), 'stages lists "online" more than once']),
    );
    const weightsOnly = { ...seedJsonCopy('demo-scenario'), finalRanking: { kind: 'last-stage' } };
    expect(problemsOf(() => parseProgrammeRules(weightsOnly))).toEqual(['finalRanking needs stages to combine; declare the stages first']);
  });
});
