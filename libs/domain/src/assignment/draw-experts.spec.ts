import type { ConflictDossier, ConflictExpert } from '../conflicts';
import { creditCode } from '../selection/actors.test-support';
import { DomainRefusal } from '../shared/refusal';
import { drawCandidates, drawExperts, replayDraw } from './draw-experts';

const APPLICANT = creditCode(1);
const dossier: ConflictDossier = { dossierId: 'd-1', applicantCreditCode: APPLICANT, excludedExpertIds: ['e-09'], recusedExpertIds: [], fields: ['AI+医疗'] };
const pool: ConflictExpert[] = Array.from({ length: 20 }, (_, i) => ({
  expertId: `e-${String(i + 1).padStart(2, '0')}`,
  organisationCreditCode: i === 2 ? APPLICANT : creditCode(100 + i),
  declaredConflictCreditCodes: i === 4 ? [APPLICANT] : [],
  fields: i % 4 === 3 ? ['AI+离散型制造'] : ['AI+医疗'],
  active: i !== 6,
}));

describe('专家抽取: a random draw with its record', () => {
  it('given the field pool, the candidates leave out other fields, the deactivated, and every conflict (own organisation, declared, excluded by the applicant)', () => {
    const candidates = drawCandidates(dossier, pool);
    expect(candidates).not.toEqual(expect.arrayContaining(['e-03'])); // works for the applicant
    for (const excluded of ['e-03', 'e-04', 'e-05', 'e-07', 'e-08', 'e-09', 'e-12', 'e-16', 'e-20']) expect(candidates).not.toContain(excluded);
    expect(candidates).toEqual([...candidates].sort());
    expect(candidates).toHaveLength(11);
  });

  it('when drawn, the record holds the seed, the candidates, the drawn experts and the reserves, none twice', () => {
    const record = drawExperts({ dossier, pool, seed: '2026-医疗-1', count: 5, reserves: 2 });
    expect(record).toMatchObject({ dossierId: 'd-1', seed: '2026-医疗-1', candidates: drawCandidates(dossier, pool) });
    expect(record.drawn).toHaveLength(5);
    expect(record.reserves).toHaveLength(2);
    expect(new Set([...record.drawn, ...record.reserves]).size).toBe(7);
    for (const id of [...record.drawn, ...record.reserves]) expect(record.candidates).toContain(id);
  });

  it('then replaying the draw from the record alone gives the same experts and reserves', () => {
    const record = drawExperts({ dossier, pool, seed: '2026-医疗-1', count: 5, reserves: 2 });
    const written = JSON.parse(JSON.stringify(record)) as typeof record; // as stored in the event
    expect(replayDraw(written)).toEqual({ drawn: record.drawn, reserves: record.reserves, matches: true });
  });

  it('a record whose experts the seed does not give is found out', () => {
    const record = drawExperts({ dossier, pool, seed: '2026-医疗-1', count: 5, reserves: 2 });
    const swapped = { ...record, drawn: [record.reserves[0], ...record.drawn.slice(1)] };
    expect(replayDraw(swapped).matches).toBe(false);
  });

  it('another seed draws differently; a pool too small for the draw is refused with its size', () => {
    const seeds = ['a', 'b', 'c', 'd'].map((seed) => drawExperts({ dossier, pool, seed, count: 5, reserves: 2 }).drawn.join());
    expect(new Set(seeds).size).toBeGreaterThan(1);
    let thrown: unknown;
    try {
      drawExperts({ dossier, pool, seed: 'x', count: 12, reserves: 0 });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainRefusal);
    expect({ code: (thrown as DomainRefusal).code, details: (thrown as DomainRefusal).details }).toEqual({ code: 'draw-pool-too-small', details: { candidates: 11, count: 12 } });
  });
});
