import { fromHundredths, toHundredths } from './hundredths';

/**
 * The final aggregate of a dossier from its stage aggregates and the call's weights in percent
 * (e.g. 40 % 通讯评审 + 60 % 会议评审), to two decimals; computed in whole hundredths, so exact.
 * Every weighted stage must have an aggregate (a dossier reaches the last stage through all of them).
 */
export function combineStageAggregates(
  percentByStage: Readonly<Record<string, number>>,
  aggregateByStage: Readonly<Record<string, number>>,
): number {
  let weighted = 0;
  for (const [stage, percent] of Object.entries(percentByStage)) {
    const aggregate = aggregateByStage[stage];
    if (aggregate === undefined) throw new Error(`no aggregate of stage ${stage} to combine`);
    weighted += toHundredths(aggregate) * percent;
  }
  return fromHundredths(Math.round(weighted / 100));
}
