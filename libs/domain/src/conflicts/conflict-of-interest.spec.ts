import { ConflictDossier, ConflictExpert, findConflict, sharesField } from './conflict-of-interest';

const applicant = '91430100MA4L0XXXXD';
const otherOrganisation = '914403001922038216';

const dossier: ConflictDossier = {
  dossierId: 'D-7',
  applicantCreditCode: applicant,
  excludedExpertIds: ['E-4'],
  fields: ['Manufacturing', 'robotics'],
};

function expert(overrides: Partial<ConflictExpert> = {}): ConflictExpert {
  return {
    expertId: 'E-1',
    organisationCreditCode: otherOrganisation,
    declaredConflictCreditCodes: [],
    fields: ['medical'],
    active: true,
    ...overrides,
  };
}

describe('findConflict (回避)', () => {
  it('finds no conflict for an expert of another organisation with no ties', () => {
    expect(findConflict(expert(), dossier)).toBeNull();
    expect(findConflict(expert({ organisationCreditCode: undefined }), dossier)).toBeNull();
  });

  it("an expert of the applicant's own organisation must step aside", () => {
    expect(findConflict(expert({ organisationCreditCode: applicant }), dossier)).toEqual({
      code: 'same-organisation',
      reason: `expert E-1 works for the applicant of dossier D-7 (${applicant})`,
    });
  });

  it('compares credit codes regardless of case and spaces', () => {
    expect(findConflict(expert({ organisationCreditCode: ` ${applicant.toLowerCase()} ` }), dossier)?.code).toBe(
      'same-organisation',
    );
  });

  it('an expert who declared a tie to the applicant must step aside', () => {
    expect(findConflict(expert({ declaredConflictCreditCodes: [otherOrganisation, applicant] }), dossier)).toEqual({
      code: 'declared-organisation',
      reason: `expert E-1 declared a tie to the applicant of dossier D-7 (${applicant})`,
    });
  });

  it('an expert the applicant asked to exclude must step aside', () => {
    expect(findConflict(expert({ expertId: 'E-4' }), dossier)).toEqual({
      code: 'excluded-by-applicant',
      reason: 'the applicant of dossier D-7 asked that expert E-4 not review it',
    });
  });

  it('an expert who recused from the dossier never returns to it', () => {
    expect(findConflict(expert({ expertId: 'E-9' }), { ...dossier, recusedExpertIds: ['E-9'] })).toEqual({
      code: 'recused-from-dossier',
      reason: 'expert E-9 recused from dossier D-7',
    });
  });

  it('reports the same-organisation conflict first when several apply', () => {
    const everything = expert({ expertId: 'E-4', organisationCreditCode: applicant, declaredConflictCreditCodes: [applicant] });
    expect(findConflict(everything, dossier)?.code).toBe('same-organisation');
  });

  it('does not treat an inactive expert as a conflict', () => {
    expect(findConflict(expert({ active: false }), dossier)).toBeNull();
  });
});

describe('sharesField', () => {
  it('is true when one field is in common, ignoring case and spaces', () => {
    expect(sharesField(expert({ fields: [' manufacturing '] }), dossier)).toBe(true);
  });

  it('is false when no field is in common or the dossier names none', () => {
    expect(sharesField(expert(), dossier)).toBe(false);
    expect(sharesField(expert(), { ...dossier, fields: [] })).toBe(false);
  });
});
