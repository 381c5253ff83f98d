import { OpenExperts, seededDraws } from './open-experts';
import { seededRandom } from './seeded-random';

describe('the open experts the planner draws from', () => {
  const fields: Record<string, string[]> = { 'E-1': ['a'], 'E-2': ['a', 'b'], 'E-3': ['b'] };
  const open = () => new OpenExperts((id) => fields[id] ?? [], 2);

  it('given experts at loads 0 and 1, when asked, then lists them by load and by load and field, lowest load first', () => {
    const board = open();
    board.move('E-1', null, 1);
    board.move('E-2', null, 0);
    board.move('E-3', null, 0);
    expect(board.loads()).toEqual([0, 1]);
    expect([...board.atLoad(0)].sort()).toEqual(['E-2', 'E-3']);
    expect(board.atLoadInField(0, 'a')).toEqual(['E-2']);
    expect([...board.atLoadInField(0, 'b')].sort()).toEqual(['E-2', 'E-3']);
    expect(board.atLoadInField(1, 'a')).toEqual(['E-1']);
  });

  it('given an expert who reaches the cap, when moved, then he is open at no load any more', () => {
    const board = open();
    board.move('E-2', null, 1);
    board.move('E-2', 1, 2);
    expect(board.loads()).toEqual([]);
    expect(board.atLoadInField(1, 'b')).toEqual([]);
  });
});

describe('seeded draws', () => {
  const items = Array.from({ length: 50 }, (_, i) => `E-${i}`);

  it('given a seed, when drawn to the end, then every item comes once, in the same order for the same seed', () => {
    const all = [...seededDraws(items, seededRandom('s'))];
    expect([...all].sort()).toEqual([...items].sort());
    expect([...seededDraws(items, seededRandom('s'))]).toEqual(all);
    expect([...seededDraws(items, seededRandom('t'))]).not.toEqual(all);
  });

  it('given a seed, when only the first few are taken, then they are the first few of the whole draw', () => {
    const all = [...seededDraws(items, seededRandom('s'))];
    const first: string[] = [];
    for (const id of seededDraws(items, seededRandom('s'))) {
      first.push(id);
      if (first.length === 5) break;
    }
    expect(first).toEqual(all.slice(0, 5));
  });

  it('given many seeds, when the first item is drawn, then each item comes first about equally often', () => {
    const firsts = new Map<string, number>();
    for (let seed = 0; seed < 5000; seed += 1) {
      const [first] = seededDraws(items.slice(0, 5), seededRandom(`seed-${seed}`));
      firsts.set(first, (firsts.get(first) ?? 0) + 1);
    }
    for (const count of firsts.values()) expect(count).toBeGreaterThan(850);
    expect(firsts.size).toBe(5);
  });
});
