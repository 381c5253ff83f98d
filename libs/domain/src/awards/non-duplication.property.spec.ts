import fc from 'fast-check';
import { asSystem, creditCode } from '../selection/actors.test-support';
import { foldEvents } from '../shared/decider';
import { earlierAwardsOfLedger, entryIdOf, FundEntry, fundDecider, FundEvent } from './fund-ledger';
import { applyNonDuplication } from './non-duplication';
import { compareProjects } from './project-identity';

const CODE = creditCode(501);

/**
 * However many money selections of a year list the same project, in whatever order they are decided
 * and whichever of them carry its 项目编号, the ledger ends with the project paid exactly its highest
 * standard (就高原则), never more — each decision reading the ledger the previous ones left.
 */
describe('不重复享受 over any order of decisions (property)', () => {
  it('pays the highest standard once in total', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ standardFen: fc.integer({ min: 0, max: 200_000_000 }), hasCode: fc.boolean() }), { minLength: 1, maxLength: 6 }),
        (decisions) => {
          let history: FundEvent[] = [];
          decisions.forEach(({ standardFen, hasCode }, index) => {
            const dossier = { dossierId: `d${index}`, applicantCreditCode: CODE, projectCode: hasCode ? 'XM-1' : null, title: '智慧港口调度' };
            const ledger = foldEvents(fundDecider, history);
            const same = earlierAwardsOfLedger(ledger).filter((award) => compareProjects(dossier, award).kind === 'same');
            const result = applyNonDuplication({ year: 2026, standardFen, sameProject: same });
            const entry: FundEntry = {
              entryId: entryIdOf(`s${index}`, dossier.dossierId),
              measure: 'selection-award',
              programme: 'demo-scenario',
              year: 2026,
              selectionId: `s${index}`,
              selectionTitle: `评选${index}`,
              dossierId: dossier.dossierId,
              applicantCreditCode: CODE,
              project: { projectCode: dossier.projectCode, title: dossier.title, projectKey: 'k' },
              sameProjectAs: same.map((award) => ({ entryId: entryIdOf(award.selectionId, award.dossierId), basis: 'title' as const })),
              declaredDifferentFrom: [],
              standard: { rateBasisPoints: 2000, approvedInvestmentFen: standardFen * 5, capFen: 200_000_000, standardFen },
              paidFen: result.paidFen,
              decision: result.decision,
              reason: result.reason,
              decidedAt: '2026-05-11T02:00:00.000Z',
            };
            history = [...history, ...fundDecider.decide({ type: 'RecordFundEntry', data: { entry }, metadata: asSystem() }, ledger)];
          });
          const paid = foldEvents(fundDecider, history).entries.reduce((sum, entry) => sum + entry.paidFen, 0);
          expect(paid).toBe(Math.max(...decisions.map((decision) => decision.standardFen)));
        },
      ),
    );
  });
});
