import { putForward } from './put-forward';
import { candidate } from './ranking.test-support';

const ids = (result: ReturnType<typeof putForward>) => result.forwarded.map((entry) => entry.dossierId);

describe('putForward: who goes on to the next stage', () => {
  const candidates = [
    candidate('A-1', 'a', 90),
    candidate('A-2', 'a', 85),
    candidate('A-3', 'a', 80, { median: 79 }),
    candidate('A-4', 'a', 80, { median: 81 }),
    candidate('A-5', 'a', 70),
    candidate('B-1', 'b', 60),
    candidate('B-2', 'b', 50),
  ];

  it('given top 3 per tier, takes the best three of each tier and everyone tied with the third', () => {
    const result = putForward(candidates, { kind: 'top-per-tier', perTier: 3 });
    expect(ids(result)).toEqual(['A-1', 'A-2', 'A-4', 'A-3', 'B-1', 'B-2']);
    expect(result.notForwardedCount).toBe(1);
  });

  it('given top 1 per tier, a tier with fewer dossiers keeps them all', () => {
    expect(ids(putForward(candidates, { kind: 'top-per-tier', perTier: 1 }))).toEqual(['A-1', 'B-1']);
  });

  it('given a threshold, takes everyone at or above it, whatever the tier', () => {
    const result = putForward(candidates, { kind: 'threshold', minimum: 80 });
    expect(ids(result)).toEqual(['A-1', 'A-2', 'A-4', 'A-3']);
    expect(result.notForwardedCount).toBe(3);
  });

  it('does not depend on the order the candidates come in', () => {
    const reversed = [...candidates].reverse();
    expect(ids(putForward(reversed, { kind: 'top-per-tier', perTier: 2 }))).toEqual(ids(putForward(candidates, { kind: 'top-per-tier', perTier: 2 })));
  });
});
