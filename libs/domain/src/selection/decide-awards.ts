import { applyNonDuplication, awardAmount, projectKey } from '../awards';
import type { DossierAwardRecord } from '../dossier/dossier.events';
import type { DossierAwardInput } from '../dossier/dossier.views';
import { refuse } from '../shared/refusal';
import { isLater, requireRole } from './checks';
import { requireSelection } from './decide-call';
import type { DecideAwards, PublishAwards } from './selection.commands';
import type { DecidedAward, NotAwarded, SelectionEvent } from './selection.events';
import { requirePhase } from './selection.phase';
import type { Selection, SelectionState } from './selection.state';

/**
 * The final list after the notice: each selected dossier's award (awardAmount on 核定投资额), with
 * 不重复享受 / 就高原则 against the year's earlier awards (applyNonDuplication); everyone else who
 * was ranked gets the reason they are not awarded.
 */
export function decideAwards(command: DecideAwards, state: SelectionState): SelectionEvent[] {
  requireRole(command.metadata, ['admin'], 'decide the awards');
  const selection = requireSelection(state);
  requirePhase(selection, ['notice'], 'deciding the awards');
  // In the notice phase the notice period and the frozen shortlist are always set.
  const notice = selection.notice!;
  if (!isLater(command.metadata.now, notice.endsAt)) {
    throw refuse(
      'notice-running',
      `the public notice runs until the end of ${notice.endsOn}; objections may still be filed until then`,
    );
  }
  const { openObjections } = command.data;
  if (openObjections.length > 0) {
    const list = openObjections.map((open) => `${open.objectionId} on ${open.dossierId}`).join(', ');
    throw refuse('objections-open', `decide the open objections first: ${list}`, 'conflict', { openObjections });
  }

  const inputs = new Map(command.data.dossiers.map((input) => [input.dossierId, input]));
  const entries = selection.shortlist!.tiers.flatMap((tier) => tier.selected);
  const missing = entries.filter((entry) => !inputs.has(entry.dossierId)).map((entry) => entry.dossierId);
  if (missing.length > 0) {
    throw refuse('award-facts-missing', `the facts of selected dossier(s) ${missing.join(', ')} are missing`, 'invalid');
  }

  const keyed = entries.map((entry) => {
    const input = inputs.get(entry.dossierId) as DossierAwardInput; // none is missing, checked above
    return { entry, input, key: keyOf(input) };
  });
  requireDistinctProjects(keyed);
  const awards: DecidedAward[] = keyed.map(({ entry, input, key }) => ({
    dossierId: entry.dossierId,
    tier: entry.tier,
    rank: entry.rank,
    projectKey: key,
    award: awardOf(selection, input, key, command.data.earlierAwards),
  }));
  const totalPaidFen = awards.reduce((sum, line) => sum + (line.award.kind === 'money' ? line.award.paidFen : 0), 0);
  return [
    {
      type: 'AwardsDecided',
      data: {
        selectionId: selection.selectionId,
        programme: selection.programme,
        year: selection.year,
        awards,
        notAwarded: notAwardedOf(selection, new Set(awards.map((line) => line.dossierId))),
        totalPaidFen,
        decidedAt: command.metadata.now,
      },
    },
  ];
}

export function decidePublishAwards(command: PublishAwards, state: SelectionState): SelectionEvent[] {
  requireRole(command.metadata, ['admin'], 'publish the awards');
  const selection = requireSelection(state);
  requirePhase(selection, ['awards-decided'], 'publishing the awards');
  return [{ type: 'AwardsPublished', data: { selectionId: selection.selectionId, publishedAt: command.metadata.now } }];
}

function keyOf(input: DossierAwardInput): string {
  return projectKey({ creditCode: input.applicantCreditCode, projectCode: input.projectCode ?? undefined, title: input.title });
}

/** The same project twice on one list would be paid twice; formal review should have caught it. */
function requireDistinctProjects(keyed: readonly { entry: { dossierId: string }; key: string }[]): void {
  const byKey = new Map<string, string[]>();
  for (const { entry, key } of keyed) byKey.set(key, [...(byKey.get(key) ?? []), entry.dossierId]);
  const duplicates = [...byKey.values()].filter((ids) => ids.length > 1);
  if (duplicates.length > 0) {
    throw refuse(
      'duplicate-project',
      `the same project is selected more than once: ${duplicates.map((ids) => ids.join(' and ')).join('; ')}`,
      'conflict',
      { duplicates },
    );
  }
}

function awardOf(
  selection: Selection,
  input: DossierAwardInput,
  key: string,
  earlier: DecideAwards['data']['earlierAwards'],
): DossierAwardRecord {
  const formula = selection.rules.award;
  if (formula.kind === 'policy') return { kind: 'policy' };
  if (input.approvedInvestmentFen === null) {
    throw refuse('award-facts-missing', `dossier ${input.dossierId} has no approved investment (核定投资额)`, 'invalid');
  }
  const standardFen = awardAmount(formula, input.approvedInvestmentFen);
  const result = applyNonDuplication({
    year: selection.year,
    projectKey: key,
    standardFen,
    earlier,
    selectionId: selection.selectionId,
  });
  return {
    kind: 'money',
    approvedInvestmentFen: input.approvedInvestmentFen,
    standardFen,
    paidFen: result.paidFen,
    decision: result.decision,
    reason: result.reason,
  };
}

function notAwardedOf(selection: Selection, awarded: ReadonlySet<string>): NotAwarded[] {
  const shortlist = selection.shortlist!; // frozen since ReviewClosed
  const tierName = (code: string) => selection.rules.tiers.find((tier) => tier.code === code)?.name ?? code;
  const reasons = new Map<string, string>();
  for (const tier of shortlist.tiers) {
    for (const entry of tier.reserves) {
      reasons.set(entry.dossierId, `reserve ${entry.rank} in ${tierName(tier.tier)}; the ${tier.quota} places are filled`);
    }
  }
  for (const dossierId of shortlist.belowThreshold) {
    reasons.set(dossierId, `the aggregate score is below the minimum score of ${selection.rules.minimumScore}`);
  }
  for (const dossierId of selection.droppedDossierIds) {
    reasons.set(dossierId, 'taken off the list after an objection was upheld');
  }
  return selection.aggregates
    .filter((aggregate) => !awarded.has(aggregate.dossierId))
    .map((aggregate) => ({
      dossierId: aggregate.dossierId,
      reason: reasons.get(aggregate.dossierId) ?? 'ranked outside the places and reserves of its tier',
    }));
}
