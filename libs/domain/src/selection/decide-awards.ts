import { applyNonDuplication, awardAmount, entryIdOf, identifyProjects, projectKey } from '../awards';
import type { EarlierAward, FundEntry } from '../awards';
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
 * 不重复享受 / 就高原则 (applyNonDuplication) against the earlier awards of the same project — found
 * pairwise by code and title among the applicants' fund ledger entries (compareProjects), the
 * decision held while a code and a title point different ways; everyone else who was ranked gets
 * the reason they are not awarded.
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

  const listed = entries.map((entry) => ({ entry, input: inputs.get(entry.dossierId) as DossierAwardInput })); // none is missing, checked above
  const declarations = command.data.identityDeclarations ?? [];
  const earlier = command.data.earlierAwards.filter((award) => award.selectionId !== selection.selectionId);
  const identity = identifyProjects(listed.map(({ input }) => input), earlier, declarations);
  const awards: DecidedAward[] = listed.map(({ entry, input }) => {
    const matches = identity.get(input.dossierId)!; // one per listed dossier
    return {
      dossierId: entry.dossierId,
      tier: entry.tier,
      rank: entry.rank,
      projectKey: keyOf(input),
      award: awardOf(selection, input, matches.same.map(({ award }) => award)),
      project: { applicantCreditCode: input.applicantCreditCode, projectCode: input.projectCode, title: input.title },
      sameProjectAs: matches.same.map(({ award, basis }) => ({ selectionId: award.selectionId, dossierId: award.dossierId, basis })),
      declaredDifferentFrom: matches.declaredDifferent,
    };
  });
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

function awardOf(selection: Selection, input: DossierAwardInput, sameProject: readonly EarlierAward[]): DossierAwardRecord {
  const formula = selection.rules.award;
  if (formula.kind === 'policy') return { kind: 'policy' };
  if (input.approvedInvestmentFen === null) {
    throw refuse('award-facts-missing', `dossier ${input.dossierId} has no approved investment (核定投资额)`, 'invalid');
  }
  const standardFen = awardAmount(formula, input.approvedInvestmentFen);
  const result = applyNonDuplication({ year: selection.year, standardFen, sameProject });
  return {
    kind: 'money',
    approvedInvestmentFen: input.approvedInvestmentFen,
    rateBasisPoints: formula.rateBasisPoints,
    capFen: formula.capFen,
    standardFen,
    paidFen: result.paidFen,
    decision: result.decision,
    reason: result.reason,
  };
}

/**
 * The fund ledger entry of one decided money line (see fund-ledger.ts), for the ledger of its
 * applicant; null for a policy award. Written in the same append as AwardsDecided.
 */
export function fundEntryOf(selection: Pick<Selection, 'selectionId' | 'title' | 'programme' | 'year'>, line: DecidedAward, decidedAt: string): FundEntry | null {
  if (line.award.kind !== 'money' || line.project === undefined) return null;
  const { award, project } = line;
  return {
    entryId: entryIdOf(selection.selectionId, line.dossierId),
    measure: 'selection-award',
    programme: selection.programme,
    year: selection.year,
    selectionId: selection.selectionId,
    selectionTitle: selection.title,
    dossierId: line.dossierId,
    applicantCreditCode: project.applicantCreditCode,
    project: { projectCode: project.projectCode, title: project.title, projectKey: line.projectKey },
    sameProjectAs: (line.sameProjectAs ?? []).map((match) => ({ entryId: entryIdOf(match.selectionId, match.dossierId), basis: match.basis })),
    declaredDifferentFrom: [...(line.declaredDifferentFrom ?? [])],
    standard: {
      rateBasisPoints: award.rateBasisPoints ?? 0,
      approvedInvestmentFen: award.approvedInvestmentFen,
      capFen: award.capFen ?? 0,
      standardFen: award.standardFen,
    },
    paidFen: award.paidFen,
    decision: award.decision,
    reason: award.reason,
    decidedAt,
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
