import { combineStageAggregates } from './combine-stages';

describe('combineStageAggregates', () => {
  it('given 40 % online and 60 % panel, weighs the two aggregates', () => {
    expect(combineStageAggregates({ online: 40, panel: 60 }, { online: 80, panel: 90 })).toBe(86);
  });

  it('rounds to two decimals, half up, the same whatever the order of the stages', () => {
    expect(combineStageAggregates({ online: 33, panel: 67 }, { online: 81.25, panel: 77.33 })).toBe(78.62);
    expect(combineStageAggregates({ panel: 67, online: 33 }, { panel: 77.33, online: 81.25 })).toBe(78.62);
  });

  it('a stage weighted 0 does not count', () => {
    expect(combineStageAggregates({ online: 0, panel: 100 }, { online: 10, panel: 75.5 })).toBe(75.5);
  });
});
