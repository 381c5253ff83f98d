import { hashString, seededRandom, shuffled } from './seeded-random';

describe('seeded randomness', () => {
  it('hashes text with 32-bit FNV-1a', () => {
    // reference values of FNV-1a 32
    expect(hashString('')).toBe(0x811c9dc5);
    expect(hashString('a')).toBe(0xe40c292c);
    expect(hashString('foobar')).toBe(0xbf9cf968);
  });

  it('gives the same sequence for the same seed and another for another seed', () => {
    const draw = (seed: string) => {
      const random = seededRandom(seed);
      return Array.from({ length: 5 }, () => random());
    };
    expect(draw('demo-scenario-2026')).toEqual(draw('demo-scenario-2026'));
    expect(draw('demo-scenario-2026')).not.toEqual(draw('demo-scenario-2027'));
  });

  it('draws numbers in [0, 1), spread over the range', () => {
    const random = seededRandom('spread');
    const draws = Array.from({ length: 10_000 }, () => random());
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    const buckets = [0, 0, 0, 0];
    for (const value of draws) buckets[Math.floor(value * 4)] += 1;
    for (const count of buckets) expect(count).toBeGreaterThan(2300);
  });

  it('shuffles a copy and keeps every item', () => {
    const items = ['E-1', 'E-2', 'E-3', 'E-4', 'E-5', 'E-6'];
    const result = shuffled(items, seededRandom('x'));
    expect(items).toEqual(['E-1', 'E-2', 'E-3', 'E-4', 'E-5', 'E-6']);
    expect([...result].sort()).toEqual(items);
    expect(shuffled(items, seededRandom('x'))).toEqual(result);
  });
});
