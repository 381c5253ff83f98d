import { findConflict } from '../conflicts/conflict-of-interest';
import { DomainRefusal } from '../shared/refusal';
import { dossier, expert, ids } from './assignment.test-support';
import { planAssignment } from './plan-assignment';

const APPLICANT = '91430100MA4L0XXXXD';

function pairs(plan: { assignments: readonly { dossierId: string; expertId: string }[] }): string[] {
  return plan.assignments.map((a) => `${a.dossierId}:${a.expertId}`);
}

describe('planAssignment', () => {
  describe('回避: conflicts of interest', () => {
    const experts = [
      expert('E-1', { organisationCreditCode: APPLICANT }),
      expert('E-2'),
      expert('E-3', { declaredConflictCreditCodes: [APPLICANT] }),
      expert('E-4'),
      expert('E-5'),
    ];
    const dossiers = [dossier('D-7', { applicantCreditCode: APPLICANT, excludedExpertIds: ['E-4'] })];
    const plan = planAssignment({ dossiers, experts, expertsPerDossier: 2, maxPerExpert: 5, seed: 's' });

    it("an expert of the applicant's own organisation is never assigned", () => {
      expect(plan.assignments.map((a) => a.expertId)).not.toContain('E-1');
    });

    it('an expert who declared a tie to the applicant is never assigned', () => {
      expect(plan.assignments.map((a) => a.expertId)).not.toContain('E-3');
    });

    it('an expert the applicant asked to exclude is never assigned', () => {
      expect(plan.assignments.map((a) => a.expertId)).not.toContain('E-4');
    });

    it('fills the dossier from the experts without a conflict', () => {
      expect(pairs(plan)).toEqual(['D-7:E-2', 'D-7:E-5']);
      expect(plan.unfilled).toEqual([]);
    });
  });

  it('an inactive expert is never assigned', () => {
    const plan = planAssignment({
      dossiers: [dossier('D-1')],
      experts: [expert('E-1', { active: false }), expert('E-2')],
      expertsPerDossier: 2,
      maxPerExpert: 5,
      seed: 's',
    });
    expect(pairs(plan)).toEqual(['D-1:E-2']);
  });

  describe('when there are too few eligible experts', () => {
    it('says how many are missing and who was excluded for what', () => {
      const plan = planAssignment({
        dossiers: [dossier('D-7', { applicantCreditCode: APPLICANT, excludedExpertIds: ['E-4'] })],
        experts: [expert('E-1', { organisationCreditCode: APPLICANT }), expert('E-2'), expert('E-3'), expert('E-4'), expert('E-5')],
        expertsPerDossier: 5,
        maxPerExpert: 5,
        seed: 's',
      });
      expect(plan.unfilled).toEqual([
        {
          dossierId: 'D-7',
          missing: 2,
          reason:
            'dossier D-7 needs 5 experts, only 3 eligible: 2 excluded for conflicts (same organisation: E-1; excluded by applicant: E-4)',
        },
      ]);
    });

    it('names inactive experts and declared ties', () => {
      const plan = planAssignment({
        dossiers: [dossier('D-1', { applicantCreditCode: APPLICANT })],
        experts: [expert('E-1', { active: false }), expert('E-2', { declaredConflictCreditCodes: [APPLICANT] }), expert('E-3')],
        expertsPerDossier: 3,
        maxPerExpert: 5,
        seed: 's',
      });
      expect(plan.unfilled[0].reason).toBe(
        'dossier D-1 needs 3 experts, only 1 eligible: 1 excluded for conflicts (declared tie: E-2); 1 inactive (E-1)',
      );
    });

    it('says so when the pool is simply too small', () => {
      const plan = planAssignment({ dossiers: [dossier('D-1')], experts: [expert('E-1')], expertsPerDossier: 3, maxPerExpert: 5, seed: 's' });
      expect(plan.unfilled).toEqual([
        { dossierId: 'D-1', missing: 2, reason: 'dossier D-1 needs 3 experts, only 1 eligible; the pool has 1 experts' },
      ]);
    });

    it('shortens long lists of names', () => {
      const experts = ids(12, 'E').map((id) => expert(id, { active: false }));
      const plan = planAssignment({ dossiers: [dossier('D-1')], experts, expertsPerDossier: 1, maxPerExpert: 1, seed: 's' });
      expect(plan.unfilled[0].reason).toBe(
        'dossier D-1 needs 1 experts, only 0 eligible: 12 inactive (E-1, E-10, E-11, E-12, E-2, E-3, E-4, E-5, E-6, E-7 and 2 more)',
      );
    });
  });

  describe('the cap on dossiers per expert', () => {
    it('is never exceeded, and a dossier left short says which experts are full', () => {
      const plan = planAssignment({
        dossiers: ids(3, 'D').map((id) => dossier(id)),
        experts: [expert('E-1'), expert('E-2')],
        expertsPerDossier: 2,
        maxPerExpert: 2,
        seed: 's',
      });
      expect(plan.loads).toEqual({ 'E-1': 2, 'E-2': 2 });
      expect(plan.unfilled).toEqual([
        {
          dossierId: 'D-3',
          missing: 2,
          reason: 'dossier D-3 needs 2 experts, 0 assigned of 2 eligible: 2 already at the limit of 2 dossiers (E-1, E-2)',
        },
      ]);
    });

    it('counts existing assignments', () => {
      const plan = planAssignment({
        dossiers: [dossier('D-2')],
        experts: [expert('E-1'), expert('E-2')],
        expertsPerDossier: 1,
        maxPerExpert: 1,
        seed: 's',
        existing: [{ dossierId: 'D-1', expertId: 'E-1' }],
      });
      expect(pairs(plan)).toEqual(['D-2:E-2']);
      expect(plan.loads).toEqual({ 'E-1': 1, 'E-2': 1 });
    });

    it('hands an assignment to an expert with room when that frees the only expert a dossier can have', () => {
      // D-P may have X or Z and prefers X (same field); D-Q may have only X or Y; D-R only Y. One dossier each.
      const plan = planAssignment({
        dossiers: [
          dossier('D-P', { excludedExpertIds: ['Y'], fields: ['a'] }),
          dossier('D-Q', { excludedExpertIds: ['Z'] }),
          dossier('D-R', { excludedExpertIds: ['X', 'Z'] }),
        ],
        experts: [expert('X', { fields: ['a'] }), expert('Y'), expert('Z')],
        expertsPerDossier: 1,
        maxPerExpert: 1,
        seed: 's',
      });
      expect(plan.unfilled).toEqual([]);
      expect(pairs(plan)).toEqual(['D-P:Z', 'D-Q:X', 'D-R:Y']);
    });
  });

  describe('existing assignments', () => {
    const plan = planAssignment({
      dossiers: [dossier('D-1'), dossier('D-2')],
      experts: ids(4, 'E').map((id) => expert(id)),
      expertsPerDossier: 2,
      maxPerExpert: 4,
      seed: 's',
      existing: [
        { dossierId: 'D-1', expertId: 'E-1' },
        { dossierId: 'D-1', expertId: 'E-1' },
        { dossierId: 'D-9', expertId: 'E-2' },
        { dossierId: 'D-2', expertId: 'E-gone' },
      ],
    });

    it('are neither repeated nor returned, and fill their dossier', () => {
      expect(plan.assignments.filter((a) => a.dossierId === 'D-1')).toHaveLength(1);
      expect(pairs(plan)).not.toContain('D-1:E-1');
      expect(plan.assignments.filter((a) => a.dossierId === 'D-2')).toHaveLength(1);
    });

    it('count towards loads, including those on other dossiers and of experts no longer in the pool', () => {
      expect(plan.loads['E-gone']).toBe(1);
      expect(plan.assignments.map((a) => a.expertId).sort()).toEqual(['E-3', 'E-4']);
    });
  });

  it('balances loads: 6 dossiers × 3 experts over 9 experts gives everyone 2', () => {
    const plan = planAssignment({
      dossiers: ids(6, 'D').map((id) => dossier(id)),
      experts: ids(9, 'E').map((id) => expert(id)),
      expertsPerDossier: 3,
      maxPerExpert: 10,
      seed: 'demo-scenario-2026',
    });
    expect(new Set(Object.values(plan.loads))).toEqual(new Set([2]));
  });

  describe('fields of expertise', () => {
    it('prefers an expert of the dossier’s field among equally loaded ones', () => {
      const plan = planAssignment({
        dossiers: [dossier('D-1', { fields: ['medical'] }), dossier('D-2', { fields: ['education'] })],
        experts: [expert('E-1', { fields: ['education'] }), expert('E-2', { fields: ['Medical'] }), expert('E-3')],
        expertsPerDossier: 1,
        maxPerExpert: 1,
        seed: 's',
      });
      expect(plan.assignments).toEqual([
        { dossierId: 'D-1', expertId: 'E-2', fieldMatch: true },
        { dossierId: 'D-2', expertId: 'E-1', fieldMatch: true },
      ]);
    });

    it('moves an assignment to a less loaded expert of the field when balance allows', () => {
      // E-2 already reviews one dossier, so balance first gives D-1 to E-1; trading back fixes the field.
      const plan = planAssignment({
        dossiers: [dossier('D-1', { fields: ['b'] }), dossier('D-2', { fields: ['a'] })],
        experts: [expert('E-1', { fields: ['a'] }), expert('E-2', { fields: ['b'] })],
        expertsPerDossier: 1,
        maxPerExpert: 5,
        seed: 's',
        existing: [{ dossierId: 'D-0', expertId: 'E-2' }],
      });
      expect(plan.assignments).toEqual([
        { dossierId: 'D-1', expertId: 'E-2', fieldMatch: true },
        { dossierId: 'D-2', expertId: 'E-1', fieldMatch: true },
      ]);
    });

    it('never gives up balance for a field', () => {
      const plan = planAssignment({
        dossiers: ids(4, 'D').map((id) => dossier(id, { fields: ['medical'] })),
        experts: [expert('E-1', { fields: ['medical'] }), expert('E-2'), expert('E-3'), expert('E-4')],
        expertsPerDossier: 1,
        maxPerExpert: 4,
        seed: 's',
      });
      expect(Object.values(plan.loads)).toEqual([1, 1, 1, 1]);
      expect(plan.assignments.filter((a) => a.fieldMatch)).toHaveLength(1);
    });
  });

  describe('determinism', () => {
    const input = {
      dossiers: ids(5, 'D').map((id) => dossier(id)),
      experts: ids(7, 'E').map((id) => expert(id)),
      expertsPerDossier: 3,
      maxPerExpert: 3,
    };

    it('gives the same plan for the same seed', () => {
      expect(planAssignment({ ...input, seed: 'round-1' })).toEqual(planAssignment({ ...input, seed: 'round-1' }));
    });

    it('gives the same plan whatever the order of the lists', () => {
      const reversed = { ...input, dossiers: [...input.dossiers].reverse(), experts: [...input.experts].reverse() };
      expect(planAssignment({ ...reversed, seed: 'round-1' })).toEqual(planAssignment({ ...input, seed: 'round-1' }));
    });

    it('draws other ties for another seed', () => {
      const plans = new Set(['a', 'b', 'c', 'd'].map((seed) => JSON.stringify(pairs(planAssignment({ ...input, seed })))));
      expect(plans.size).toBeGreaterThan(1);
    });
  });

  it('never assigns a conflicted expert even when that leaves the dossier short', () => {
    const experts = [expert('E-1', { organisationCreditCode: APPLICANT })];
    const dossiers = [dossier('D-1', { applicantCreditCode: APPLICANT })];
    const plan = planAssignment({ dossiers, experts, expertsPerDossier: 1, maxPerExpert: 9, seed: 's' });
    expect(plan.assignments).toEqual([]);
    expect(findConflict(experts[0], dossiers[0])).not.toBeNull();
  });

  it('does not change its inputs', () => {
    const dossiers = Object.freeze([dossier('D-2'), dossier('D-1')].map((d) => Object.freeze(d)));
    const experts = Object.freeze([expert('E-2'), expert('E-1')].map((e) => Object.freeze(e)));
    const existing = Object.freeze([Object.freeze({ dossierId: 'D-2', expertId: 'E-2' })]);
    expect(() => planAssignment({ dossiers, experts, existing, expertsPerDossier: 1, maxPerExpert: 1, seed: 's' })).not.toThrow();
    expect(dossiers.map((d) => d.dossierId)).toEqual(['D-2', 'D-1']);
  });

  it('refuses bad numbers and repeated ids', () => {
    let refusal: DomainRefusal | undefined;
    try {
      planAssignment({
        dossiers: [dossier('D-1'), dossier('D-1')],
        experts: [expert('E-1'), expert('E-1')],
        expertsPerDossier: 0,
        maxPerExpert: 1.5,
        seed: 7 as unknown as string,
      });
    } catch (error) {
      refusal = error as DomainRefusal;
    }
    expect(refusal?.code).toBe('invalid-assignment-request');
    expect(refusal?.kind).toBe('invalid');
    expect(refusal?.details).toEqual({
      problems: [
        'expertsPerDossier must be a whole number ≥ 1, got 0',
        'maxPerExpert must be a whole number ≥ 1, got 1.5',
        'seed must be a text',
        'dossier D-1 is given more than once',
        'expert E-1 is given more than once',
      ],
    });
  });
});
