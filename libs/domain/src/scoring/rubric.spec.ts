import { refusalOf } from '../shared/refusal.test-support';
import { Criterion, rubricProblems, validateRubric, weightedTotal } from './rubric';

// The demo-scenario rubric shape: 场景描述 / 示范应用 / 推广价值 and two more.
const rubric: Criterion[] = [
  { code: 'scenario', name: '场景描述', weight: 20, maxPoints: 10 },
  { code: 'application', name: '示范应用', weight: 30, maxPoints: 10 },
  { code: 'value', name: '推广价值', weight: 25, maxPoints: 10 },
  { code: 'innovation', name: '创新性', weight: 15, maxPoints: 5 },
  { code: 'team', name: '团队与保障', weight: 10, maxPoints: 100 },
];


describe('validateRubric', () => {
  it('given 4-6 criteria whose weights add up to 100, accepts and copies them', () => {
    const accepted = validateRubric(rubric);
    expect(accepted).toEqual(rubric);
    expect(accepted).not.toBe(rubric);
  });

  it('accepts weights with decimals that add up to 100', () => {
    const thirds = [12.5, 12.5, 37.5, 37.5].map((weight, i) => ({ code: `c${i}`, name: `C${i}`, weight, maxPoints: 10 }));
    expect(validateRubric(thirds)).toHaveLength(4);
  });

  it.each([3, 7])('refuses a rubric of %i criteria', (count) => {
    const criteria = Array.from({ length: count }, (_, i) => ({ code: `c${i}`, name: `C${i}`, weight: 100 / count, maxPoints: 10 }));
    expect(rubricProblems(criteria)).toEqual([`a rubric has 4 to 6 criteria, got ${count}`]);
  });

  it('refuses weights that do not add up to 100', () => {
    const criteria = rubric.map((c) => (c.code === 'team' ? { ...c, weight: 15 } : c));
    const refusal = refusalOf(() => validateRubric(criteria));
    expect(refusal.code).toBe('invalid-rubric');
    expect(refusal.kind).toBe('invalid');
    expect(refusal.message).toBe('rubric is not valid: weights must add up to 100, they add up to 105');
  });

  it('refuses zero or negative weights and maximum points, duplicate codes and missing names', () => {
    const criteria = [
      { code: 'a', name: 'A', weight: 0, maxPoints: 10 },
      { code: 'b', name: '', weight: 50, maxPoints: 0 },
      { code: 'b', name: 'B', weight: 50, maxPoints: -1 },
      { code: ' ', name: 'D', weight: Number.NaN, maxPoints: 10 },
    ];
    expect(rubricProblems(criteria)).toEqual([
      'criterion "a" needs a weight above 0, got 0',
      'criterion "b" needs a name',
      'criterion "b" needs maxPoints above 0, got 0',
      'criterion "b" appears twice',
      'criterion "b" needs maxPoints above 0, got -1',
      'every criterion needs a code',
      'criterion " " needs a weight above 0, got NaN',
    ]);
  });
});

describe('weightedTotal', () => {
  const full = { scenario: 10, application: 10, value: 10, innovation: 5, team: 100 };

  it('given full points on every criterion, gives 100', () => {
    expect(weightedTotal(rubric, full)).toBe(100);
  });

  it('given no points, gives 0', () => {
    expect(weightedTotal(rubric, { scenario: 0, application: 0, value: 0, innovation: 0, team: 0 })).toBe(0);
  });

  it('weights each criterion by its share of its own maximum', () => {
    // 8/10×20 + 7/10×30 + 9/10×25 + 3/5×15 + 55/100×10 = 16 + 21 + 22.5 + 9 + 5.5
    expect(weightedTotal(rubric, { scenario: 8, application: 7, value: 9, innovation: 3, team: 55 })).toBe(74);
  });

  it('rounds to two decimals', () => {
    // 7/10×20 + 7/10×30 + 7/10×25 + 2/5×15 + 33.3/100×10 = 14 + 21 + 17.5 + 6 + 3.33
    expect(weightedTotal(rubric, { scenario: 7, application: 7, value: 7, innovation: 2, team: 33.3 })).toBe(61.83);
    const thirds = [
      { code: 'a', name: 'A', weight: 25, maxPoints: 3 },
      { code: 'b', name: 'B', weight: 25, maxPoints: 3 },
      { code: 'c', name: 'C', weight: 25, maxPoints: 3 },
      { code: 'd', name: 'D', weight: 25, maxPoints: 3 },
    ];
    expect(weightedTotal(thirds, { a: 1, b: 1, c: 1, d: 2 })).toBe(41.67);
  });

  it('refuses a missing criterion, naming it', () => {
    const { team: _team, ...withoutTeam } = full;
    expect(() => weightedTotal(rubric, withoutTeam)).toThrow(
      expect.objectContaining({ code: 'invalid-score', kind: 'invalid', message: 'score is not valid: no points given for team' }),
    );
  });

  it('refuses a criterion the rubric does not have', () => {
    expect(() => weightedTotal(rubric, { ...full, budget: 3 })).toThrow('the rubric has no criterion budget');
  });

  it('refuses points above the maximum, below zero or not a number', () => {
    const refusal = refusalOf(() => weightedTotal(rubric, { ...full, scenario: 11, value: -1, innovation: Number.NaN }));
    expect(refusal.details).toEqual({
      problems: [
        'points for scenario must be between 0 and 10, got 11',
        'points for value must be between 0 and 10, got -1',
        'points for innovation must be between 0 and 5, got NaN',
      ],
    });
  });

  it('refuses to score against an invalid rubric', () => {
    expect(() => weightedTotal(rubric.slice(0, 3), { scenario: 1, application: 1, value: 1 })).toThrow(
      expect.objectContaining({ code: 'invalid-rubric' }),
    );
  });
});
