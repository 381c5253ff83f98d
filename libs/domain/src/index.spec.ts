import * as domain from './index';

describe('the public surface of the domain library', () => {
  it('exposes the three deciders, each with initialState, decide and evolve', () => {
    for (const decider of [domain.selectionDecider, domain.dossierDecider, domain.expertDecider]) {
      expect(typeof decider.initialState).toBe('function');
      expect(typeof decider.decide).toBe('function');
      expect(typeof decider.evolve).toBe('function');
    }
  });

  it('exposes the programme rules and every rules module the deciders use', () => {
    expect(domain.PROGRAMME_CODES).toHaveLength(6);
    for (const fn of [
      domain.parseProgrammeRules,
      domain.resolveCallRules,
      domain.validateCreditCode,
      domain.assertCreditCode,
      domain.noticeWindow,
      domain.weightedTotal,
      domain.aggregateScores,
      domain.rankShortlist,
      domain.promoteReserve,
      domain.findConflict,
      domain.planAssignment,
      domain.awardAmount,
      domain.applyNonDuplication,
      domain.selectionFactsOf,
      domain.earlierAwardsOfLedger,
      domain.compareProjects,
      domain.fundEntryOf,
      domain.reviewInputOf,
      domain.awardInputOf,
      domain.conflictDossierOf,
      domain.conflictExpertOf,
      domain.selectionIdOf,
      domain.foldEvents,
      domain.refuse,
    ]) {
      expect(typeof fn).toBe('function');
    }
    expect(domain.WorkingDayCalendar).toBeDefined();
    expect(domain.DomainRefusal).toBeDefined();
  });
});
