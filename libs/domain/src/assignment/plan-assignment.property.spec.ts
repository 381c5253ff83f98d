import fc from 'fast-check';
import { ConflictDossier, ConflictExpert, findConflict, poolConflictIndex } from '../conflicts/conflict-of-interest';
import { PlanAssignmentInput, planAssignment } from './plan-assignment';

// Modest by default (CI has 2 cores); PROPERTY_RUNS=5000 for a deeper search.
const RUNS = { numRuns: Number(process.env.PROPERTY_RUNS ?? 120) };
const ORGANISATIONS = ['ORG-A', 'ORG-B', 'ORG-C', 'ORG-D', 'ORG-E'];
const FIELDS = ['manufacturing', 'medical', 'education', 'transport'];

/** A pool and dossiers where organisations, declared ties and exclusions collide often. */
const conflicted: fc.Arbitrary<PlanAssignmentInput> = fc
  .record({
    expertCount: fc.integer({ min: 1, max: 10 }),
    dossierCount: fc.integer({ min: 0, max: 10 }),
    expertsPerDossier: fc.integer({ min: 1, max: 5 }),
    maxPerExpert: fc.integer({ min: 1, max: 6 }),
    seed: fc.string({ maxLength: 8 }),
  })
  .chain(({ expertCount, dossierCount, ...settings }) => {
    const expertIds = Array.from({ length: expertCount }, (_, i) => `E-${i + 1}`);
    const experts = fc.tuple(
      ...expertIds.map((expertId) =>
        fc.record({
          expertId: fc.constant(expertId),
          organisationCreditCode: fc.option(fc.constantFrom(...ORGANISATIONS), { nil: undefined }),
          declaredConflictCreditCodes: fc.subarray(ORGANISATIONS, { maxLength: 2 }),
          fields: fc.subarray(FIELDS, { maxLength: 2 }),
          active: fc.integer({ min: 0, max: 4 }).map((draw) => draw > 0), // mostly active
        }),
      ),
    );
    const dossiers = fc.tuple(
      ...Array.from({ length: dossierCount }, (_, i) =>
        fc.record({
          dossierId: fc.constant(`D-${i + 1}`),
          applicantCreditCode: fc.constantFrom(...ORGANISATIONS),
          excludedExpertIds: fc.subarray(expertIds, { maxLength: Math.min(2, expertIds.length) }),
          fields: fc.subarray(FIELDS, { maxLength: 2 }),
        }),
      ),
    );
    const allPairs = Array.from({ length: dossierCount }, (_, d) =>
      expertIds.map((expertId) => ({ dossierId: `D-${d + 1}`, expertId })),
    ).flat();
    return fc.record({
      experts: experts as fc.Arbitrary<ConflictExpert[]>,
      dossiers: dossiers as fc.Arbitrary<ConflictDossier[]>,
      expertsPerDossier: fc.constant(settings.expertsPerDossier),
      maxPerExpert: fc.constant(settings.maxPerExpert),
      seed: fc.constant(settings.seed),
      existing: fc.subarray(allPairs, { maxLength: Math.min(4, allPairs.length) }),
    });
  });

/** No conflicts, everyone active, and enough experts and capacity for every dossier. */
const unconstrained: fc.Arbitrary<PlanAssignmentInput> = fc
  .record({
    expertCount: fc.integer({ min: 1, max: 12 }),
    dossierCount: fc.integer({ min: 0, max: 15 }),
    perDossier: fc.integer({ min: 1, max: 5 }),
    extraCapacity: fc.integer({ min: 0, max: 3 }),
    seed: fc.string({ maxLength: 8 }),
    fields: fc.array(fc.subarray(FIELDS, { maxLength: 2 }), { minLength: 27, maxLength: 27 }),
  })
  .map(({ expertCount, dossierCount, perDossier, extraCapacity, seed, fields }) => {
    const expertsPerDossier = Math.min(perDossier, expertCount);
    return {
      experts: Array.from({ length: expertCount }, (_, i) => ({
        expertId: `E-${i + 1}`,
        organisationCreditCode: `EXPERT-ORG-${i}`,
        declaredConflictCreditCodes: [],
        fields: fields[i],
        active: true,
      })),
      dossiers: Array.from({ length: dossierCount }, (_, i) => ({
        dossierId: `D-${i + 1}`,
        applicantCreditCode: `APPLICANT-${i}`,
        excludedExpertIds: [],
        fields: fields[12 + i],
      })),
      expertsPerDossier,
      maxPerExpert: Math.ceil((dossierCount * expertsPerDossier) / expertCount) + extraCapacity || 1,
      seed,
    };
  });

describe('assignment properties', () => {
  it('never assigns an expert with a conflict, an inactive expert, or one expert twice to a dossier', () => {
    fc.assert(
      fc.property(conflicted, (input) => {
        const plan = planAssignment(input);
        const experts = new Map(input.experts.map((e) => [e.expertId, e]));
        const dossiers = new Map(input.dossiers.map((d) => [d.dossierId, d]));
        const seen = new Set((input.existing ?? []).map((a) => `${a.dossierId}/${a.expertId}`));
        for (const { dossierId, expertId } of plan.assignments) {
          const expert = experts.get(expertId);
          const dossier = dossiers.get(dossierId);
          expect(expert?.active).toBe(true);
          expect(expert && dossier && findConflict(expert, dossier)).toBeNull();
          expect(seen.has(`${dossierId}/${expertId}`)).toBe(false);
          seen.add(`${dossierId}/${expertId}`);
        }
      }),
      RUNS,
    );
  });

  it('never gives an expert more than maxPerExpert dossiers, counting existing ones', () => {
    fc.assert(
      fc.property(conflicted, (input) => {
        const plan = planAssignment(input);
        const existingLoad = new Map<string, number>();
        for (const a of new Set((input.existing ?? []).map((a) => `${a.dossierId}/${a.expertId}`))) {
          const expertId = a.split('/')[1];
          existingLoad.set(expertId, (existingLoad.get(expertId) ?? 0) + 1);
        }
        for (const [expertId, load] of Object.entries(plan.loads)) {
          expect(load).toBeLessThanOrEqual(Math.max(input.maxPerExpert, existingLoad.get(expertId) ?? 0));
          const planned = plan.assignments.filter((a) => a.expertId === expertId).length;
          expect(load).toBe((existingLoad.get(expertId) ?? 0) + planned);
        }
      }),
      RUNS,
    );
  });

  it('fills each dossier or reports exactly how many experts it lacks, with a reason', () => {
    fc.assert(
      fc.property(conflicted, (input) => {
        const plan = planAssignment(input);
        for (const dossier of input.dossiers) {
          const has = new Set([
            ...plan.assignments.filter((a) => a.dossierId === dossier.dossierId).map((a) => a.expertId),
            ...(input.existing ?? []).filter((a) => a.dossierId === dossier.dossierId).map((a) => a.expertId),
          ]).size;
          const unfilled = plan.unfilled.find((u) => u.dossierId === dossier.dossierId);
          if (has >= input.expertsPerDossier) expect(unfilled).toBeUndefined();
          else {
            expect(unfilled?.missing).toBe(input.expertsPerDossier - has);
            expect(unfilled?.reason).toMatch(new RegExp(`^dossier ${dossier.dossierId} needs ${input.expertsPerDossier} experts`));
          }
        }
      }),
      RUNS,
    );
  });

  it('keeps max − min load ≤ 1 and fills every dossier when nothing conflicts and capacity suffices', () => {
    fc.assert(
      fc.property(unconstrained, (input) => {
        const plan = planAssignment(input);
        const loads = Object.values(plan.loads);
        expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
        expect(plan.unfilled).toEqual([]);
        expect(plan.assignments).toHaveLength(input.dossiers.length * input.expertsPerDossier);
      }),
      RUNS,
    );
  });

  it('gives the same plan for the same seed, whatever the order of the lists', () => {
    fc.assert(
      fc.property(
        conflicted.chain((input) =>
          fc.tuple(
            fc.constant(input),
            fc.shuffledSubarray([...input.dossiers], { minLength: input.dossiers.length }),
            fc.shuffledSubarray([...input.experts], { minLength: input.experts.length }),
          ),
        ),
        ([input, dossiers, experts]) => {
          const plan = planAssignment(input);
          expect(planAssignment(input)).toEqual(plan);
          expect(planAssignment({ ...input, dossiers, experts })).toEqual(plan);
        },
      ),
      RUNS,
    );
  });
});

describe('the pool-wide conflict index the planner uses', () => {
  it('given any pool and dossiers, when indexed once for the pool, then it names exactly the experts findConflict finds', () => {
    const spaced = (code: string) => fc.constantFrom(code, ` ${code.toLowerCase()} `);
    fc.assert(
      fc.property(conflicted, fc.array(fc.constantFrom(...ORGANISATIONS).chain(spaced), { maxLength: 2 }), (input, respelledCodes) => {
        const conflictedWith = poolConflictIndex(input.experts);
        for (const [i, plain] of input.dossiers.entries()) {
          // Codes written with other spacing and case, and recusals: normalised the same way as findConflict.
          const dossier = { ...plain, applicantCreditCode: respelledCodes[i % 2] ?? plain.applicantCreditCode, recusedExpertIds: i % 3 === 0 ? ['E-1', 'E-not-in-pool'] : [] };
          const expected = input.experts.filter((expert) => findConflict(expert, dossier) !== null).map((expert) => expert.expertId);
          expect([...conflictedWith(dossier)].sort()).toEqual(expected.sort());
        }
      }),
      RUNS,
    );
  });
});
