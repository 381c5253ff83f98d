import { asAdmin, asApplicant, asExpert, creditCode, NOW } from '../selection/actors.test-support';
import { givenWhenThen } from '../selection/given-when-then.test-support';
import { foldEvents } from '../shared/decider';
// Through the module's public surface, as the application uses it.
import { conflictExpertOf, ExpertCommand, expertDecider, ExpertEvent, RegisteredExpert } from '.';

const given = givenWhenThen(expertDecider);
const university = creditCode(1);
const formerEmployer = creditCode(2);

const registered: ExpertEvent = {
  type: 'ExpertRegistered',
  data: {
    expertId: 'e1',
    name: '王教授',
    organisationName: '中南大学',
    organisationCreditCode: university,
    fields: ['AI+离散型制造', '具身智能'],
    registeredAt: NOW,
  },
};
const deactivated: ExpertEvent = {
  type: 'ExpertDeactivated',
  data: { expertId: 'e1', reason: '退休', deactivatedAt: NOW },
};

function register(overrides: Partial<Extract<ExpertCommand, { type: 'RegisterExpert' }>['data']> = {}): ExpertCommand {
  return {
    type: 'RegisterExpert',
    data: {
      expertId: 'e1',
      name: ' 王教授 ',
      organisationName: '中南大学',
      organisationCreditCode: university.toLowerCase(),
      fields: ['AI+离散型制造', '具身智能', ' 具身智能 ', ''],
      ...overrides,
    },
    metadata: asAdmin(),
  };
}

function declare(metadata = asAdmin(), code = formerEmployer): ExpertCommand {
  return { type: 'DeclareConflict', data: { expertId: 'e1', creditCode: code, reason: '曾任职' }, metadata };
}

describe('expert decider', () => {
  describe('RegisterExpert', () => {
    it('registers an expert with a normalised credit code and distinct fields of expertise', () => {
      given([]).when(register()).then([registered]);
    });

    it('an expert already registered cannot be registered again', () => {
      given([registered]).when(register()).thenRefused('expert-already-registered');
    });

    it('only an administrator registers experts', () => {
      given([]).when({ ...register(), metadata: asExpert('e1') }).thenRefused('forbidden');
    });

    it("an organisation credit code with a wrong check character is refused", () => {
      given([]).when(register({ organisationCreditCode: '914403001922038217' })).thenRefused('invalid-credit-code');
    });

    it('an expert needs at least one field of expertise', () => {
      given([]).when(register({ fields: [' '] })).thenRefused('expert-fields-missing');
    });

    it('an expert may name at most ten fields', () => {
      const fields = Array.from({ length: 11 }, (_, i) => `field ${i}`);
      given([]).when(register({ fields })).thenRefused('expert-fields-too-many');
    });

    it('a name is required and bounded', () => {
      given([]).when(register({ name: '  ' })).thenRefused('text-missing', "the expert's name is required");
      given([]).when(register({ name: '王'.repeat(51) })).thenRefused('text-too-long');
    });
  });

  describe('DeclareConflict', () => {
    const declared: ExpertEvent = {
      type: 'ConflictDeclared',
      data: { expertId: 'e1', creditCode: formerEmployer, reason: '曾任职', declaredAt: NOW },
    };

    it('an administrator declares a conflict with an organisation', () => {
      given([registered]).when(declare()).then([declared]);
    });

    it('the expert may declare his own conflict', () => {
      given([registered]).when(declare(asExpert('e1'))).then([declared]);
    });

    it('another expert or an applicant may not declare it', () => {
      given([registered]).when(declare(asExpert('e2'))).thenRefused('forbidden');
      given([registered]).when(declare(asApplicant(formerEmployer))).thenRefused('forbidden');
    });

    it('the same organisation is declared only once', () => {
      given([registered, declared]).when(declare()).thenRefused('conflict-already-declared');
    });

    it("the expert's own organisation needs no declaration", () => {
      given([registered]).when(declare(asAdmin(), university)).thenRefused('conflict-already-covered');
    });

    it('a deactivated expert declares nothing', () => {
      given([registered, deactivated]).when(declare()).thenRefused('expert-deactivated');
    });

    it('an unknown expert is not found', () => {
      given([]).when(declare()).thenRefused('expert-not-registered');
    });

    it('an invalid credit code is refused', () => {
      given([registered]).when(declare(asAdmin(), 'not a code')).thenRefused('invalid-credit-code');
    });
  });

  describe('DeactivateExpert and ReactivateExpert', () => {
    const deactivate: ExpertCommand = {
      type: 'DeactivateExpert',
      data: { expertId: 'e1', reason: '退休' },
      metadata: asAdmin(),
    };
    const reactivate: ExpertCommand = { type: 'ReactivateExpert', data: { expertId: 'e1' }, metadata: asAdmin() };

    it('an administrator deactivates an active expert', () => {
      given([registered]).when(deactivate).then([deactivated]);
    });

    it('an expert already deactivated is refused', () => {
      given([registered, deactivated]).when(deactivate).thenRefused('expert-deactivated');
    });

    it('a deactivation needs a reason', () => {
      given([registered]).when({ ...deactivate, data: { expertId: 'e1', reason: '' } }).thenRefused('text-missing');
    });

    it('only an administrator deactivates or reactivates', () => {
      given([registered]).when({ ...deactivate, metadata: asExpert('e1') }).thenRefused('forbidden');
      given([registered, deactivated]).when({ ...reactivate, metadata: asExpert('e1') }).thenRefused('forbidden');
    });

    it('a deactivated expert is reactivated; an active one is refused', () => {
      given([registered, deactivated])
        .when(reactivate)
        .then([{ type: 'ExpertReactivated', data: { expertId: 'e1', reactivatedAt: NOW } }]);
      given([registered]).when(reactivate).thenRefused('expert-already-active');
    });
  });

  it('the conflict view carries organisation, declared conflicts and whether the expert is active', () => {
    const state = foldEvents(expertDecider, [
      registered,
      { type: 'ConflictDeclared', data: { expertId: 'e1', creditCode: formerEmployer, reason: 'x', declaredAt: NOW } },
      deactivated,
    ]) as RegisteredExpert;
    expect(conflictExpertOf(state)).toEqual({
      expertId: 'e1',
      organisationCreditCode: university,
      declaredConflictCreditCodes: [formerEmployer],
      fields: ['AI+离散型制造', '具身智能'],
      active: false,
    });
  });
});
