import { allocateVouchers } from './voucher-allocation';
import type { ClaimToAllocate } from './voucher-allocation';

const claim = (claimId: string, standardFen: number, completedAt: string): ClaimToAllocate => ({ claimId, creditCode: `code-${claimId}`, standardFen, completedAt });
const claims = [claim('c', 500, '2026-04-03T01:00:00Z'), claim('a', 300, '2026-04-01T01:00:00Z'), claim('b', 400, '2026-04-02T01:00:00Z')];

describe('allocating a 算力券 budget the claims exceed', () => {
  it('given enough budget, then every claim gets its standard whatever the rule', () => {
    for (const rule of ['first-come', 'pro-rata'] as const) {
      expect(allocateVouchers(rule, 1_200, claims).map((line) => [line.claimId, line.grantedFen, line.decision])).toEqual([
        ['a', 300, 'granted'],
        ['b', 400, 'granted'],
        ['c', 500, 'granted'],
      ]);
    }
  });

  it('first come by complete submission: earlier claims in full, the one that exhausts the budget the rest, later ones nothing', () => {
    const lines = allocateVouchers('first-come', 1_000, claims);
    expect(lines.map((line) => [line.claimId, line.grantedFen, line.decision])).toEqual([
      ['a', 300, 'granted'],
      ['b', 400, 'granted'],
      ['c', 300, 'reduced'],
    ]);
    expect(lines[2].reason).toContain('第 3 位');
    expect(lines[2].reason).toContain('年度预算余额仅');
    const exhausted = allocateVouchers('first-come', 600, claims);
    expect(exhausted.map((line) => line.grantedFen)).toEqual([300, 300, 0]);
    expect(exhausted[2]).toMatchObject({ decision: 'not-granted', reason: expect.stringContaining('预算已用完') });
  });

  it('first come breaks a tie of submission time by claim id', () => {
    const tied = [claim('y', 100, '2026-04-01T01:00:00Z'), claim('x', 100, '2026-04-01T01:00:00Z')];
    expect(allocateVouchers('first-come', 100, tied).map((line) => [line.claimId, line.grantedFen])).toEqual([
      ['x', 100],
      ['y', 0],
    ]);
  });

  it('pro rata: the same share of every standard, the rounding fen to the largest remainders, exactly the budget', () => {
    const lines = allocateVouchers('pro-rata', 1_000, claims);
    // 1000/1200 of 300, 400, 500 = 250, 333.33, 416.67 → 250, 333, 417
    expect(lines.map((line) => [line.claimId, line.grantedFen, line.decision])).toEqual([
      ['a', 250, 'reduced'],
      ['b', 333, 'reduced'],
      ['c', 417, 'reduced'],
    ]);
    expect(lines.reduce((sum, line) => sum + line.grantedFen, 0)).toBe(1_000);
    expect(lines[0].reason).toContain('同比例(约 83.33%)');
  });

  it('pro rata with nothing left grants nothing', () => {
    expect(allocateVouchers('pro-rata', 0, claims).map((line) => line.decision)).toEqual(['not-granted', 'not-granted', 'not-granted']);
  });
});
