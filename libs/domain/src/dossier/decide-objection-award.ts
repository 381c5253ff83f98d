import { isMoneyProgramme } from '../programmes';
import { isLater, optionalText, requireRole, requireText } from '../selection/checks';
import { requirePhase } from '../selection/selection.phase';
import { refuse } from '../shared/refusal';
import type {
  AwardDossier,
  DismissObjection,
  FileObjection,
  NotAwardDossier,
  UpholdObjection,
} from './dossier.commands';
import type { DossierAwardRecord, DossierEvent } from './dossier.events';
import { requireDossier, requireOwnSelection, requireStatus } from './dossier.guards';
import { validateEvidence } from './objection-evidence';
import type { Dossier, DossierState } from './dossier.state';

/** 异议: anyone may object to a listed dossier during the notice, under a name and a contact. */
export function decideFileObjection(command: FileObjection, state: DossierState): DossierEvent[] {
  const dossier = requireDossier(state);
  const { selection, objector } = command.data;
  const { now } = command.metadata;
  requireOwnSelection(dossier, selection);
  requirePhase(selection, ['notice'], 'filing an objection');
  const notice = selection.notice;
  if (!notice || isLater(notice.startsAt, now) || isLater(now, notice.endsAt)) {
    const window = notice ? `from ${notice.startsOn} to ${notice.endsOn} (Beijing time)` : 'during the public notice';
    throw refuse('outside-notice-window', `objections are accepted only ${window}`);
  }
  requireStatus(dossier, ['passed'], 'objecting to the dossier');
  if (!selection.selectedDossierIds.includes(dossier.dossierId)) {
    throw refuse('not-on-shortlist', 'objections concern the dossiers on the published list; this one is not on it');
  }
  if (dossier.objections.some((objection) => objection.objectionId === command.data.objectionId)) {
    throw refuse('objection-already-filed', `objection ${command.data.objectionId} is already filed`);
  }
  // One objection per person and dossier: the person is known by the contact they gave (实名).
  const contact = sameContact(objector?.contact);
  const earlier = dossier.objections.find((objection) => sameContact(objection.objector.contact) === contact);
  if (contact !== '' && earlier) {
    throw refuse('objection-already-filed', `this contact already objected to the dossier (objection ${earlier.objectionId})`, 'conflict', { objectionId: earlier.objectionId });
  }
  const evidence = validateEvidence(command.data.evidence);
  return [
    {
      type: 'ObjectionFiled',
      data: {
        dossierId: dossier.dossierId,
        objectionId: requireText(command.data.objectionId, 'the objection id', 64),
        objector: {
          // Anonymous objections are not accepted (实名): a name and a way to reach the person.
          name: requireText(objector?.name, "the objector's name", 50),
          contact: requireText(objector?.contact, "the objector's contact", 100),
          organisation: optionalText(objector?.organisation, "the objector's organisation", 100),
        },
        reason: requireText(command.data.reason, 'the reason for the objection', 5000),
        ...(evidence.length > 0 ? { evidence } : {}),
        filedAt: now,
      },
    },
  ];
}

/** A contact as one person writes it any day: without spaces, dashes or case ("138 0000-0000" = "13800000000"). */
function sameContact(contact: unknown): string {
  return typeof contact === 'string' ? contact.normalize('NFKC').replace(/[\s-]/g, '').toLowerCase() : '';
}

export function decideObjectionOutcome(command: UpholdObjection | DismissObjection, state: DossierState): DossierEvent[] {
  requireRole(command.metadata, ['admin'], 'decide on an objection');
  const dossier = requireDossier(state);
  requireOwnSelection(dossier, command.data.selection);
  requirePhase(command.data.selection, ['notice'], 'deciding on an objection');
  const objection = dossier.objections.find((candidate) => candidate.objectionId === command.data.objectionId);
  if (!objection) throw refuse('objection-not-found', `the dossier has no objection ${command.data.objectionId}`, 'not-found');
  if (objection.status !== 'open') {
    throw refuse('objection-already-decided', `objection ${objection.objectionId} was already ${objection.status}`);
  }
  const data = {
    dossierId: dossier.dossierId,
    objectionId: objection.objectionId,
    finding: requireText(command.data.finding, 'the finding', 5000),
    decidedBy: command.metadata.actor.id,
    decidedAt: command.metadata.now,
  };
  return [command.type === 'UpholdObjection' ? { type: 'ObjectionUpheld', data } : { type: 'ObjectionDismissed', data }];
}

export function decideAward(command: AwardDossier, state: DossierState): DossierEvent[] {
  const dossier = requireAwardDecision(command, state, 'awarding the dossier');
  const open = dossier.objections.find((objection) => objection.status === 'open');
  if (open) throw refuse('objection-open', `objection ${open.objectionId} must be decided before an award`);
  const upheld = dossier.objections.find((objection) => objection.status === 'upheld');
  if (upheld) throw refuse('objection-upheld', `objection ${upheld.objectionId} was upheld; the dossier left the list`);
  const { tier, rank, award } = command.data;
  if (tier !== dossier.tier) throw refuse('wrong-tier', `the dossier competes in tier ${dossier.tier}, not ${tier}`, 'invalid');
  if (!Number.isSafeInteger(rank) || rank < 1) throw refuse('invalid-rank', `rank must be 1 or more, got ${rank}`, 'invalid');
  return [
    {
      type: 'DossierAwarded',
      data: {
        dossierId: dossier.dossierId,
        selectionId: dossier.selectionId,
        tier,
        rank,
        award: checkAwardRecord(award, dossier, isMoneyProgramme(command.data.selection.rules)),
        awardedAt: command.metadata.now,
      },
    },
  ];
}

export function decideNotAward(command: NotAwardDossier, state: DossierState): DossierEvent[] {
  const dossier = requireAwardDecision(command, state, 'closing the dossier without award');
  return [
    {
      type: 'DossierNotAwarded',
      data: {
        dossierId: dossier.dossierId,
        selectionId: dossier.selectionId,
        reason: requireText(command.data.reason, 'the reason', 1000),
        decidedAt: command.metadata.now,
      },
    },
  ];
}

function requireAwardDecision(command: AwardDossier | NotAwardDossier, state: DossierState, action: string): Dossier {
  requireRole(command.metadata, ['admin', 'system'], 'record award decisions');
  const dossier = requireDossier(state);
  requireOwnSelection(dossier, command.data.selection);
  requirePhase(command.data.selection, ['awards-decided'], action);
  requireStatus(dossier, ['passed'], action);
  return dossier;
}

function checkAwardRecord(award: DossierAwardRecord, dossier: Dossier, money: boolean): DossierAwardRecord {
  if (!money) {
    if (award.kind !== 'policy') throw refuse('invalid-award', 'this programme grants policy preference, not money', 'invalid');
    return { kind: 'policy' };
  }
  if (award.kind !== 'money') throw refuse('invalid-award', 'this programme pays money; give the amounts', 'invalid');
  const { approvedInvestmentFen, standardFen, paidFen, decision } = award;
  const problems: string[] = [];
  if (approvedInvestmentFen !== dossier.approvedInvestmentFen) {
    problems.push(`the approved investment was ${dossier.approvedInvestmentFen} fen, not ${approvedInvestmentFen}`);
  }
  const amounts = [standardFen, paidFen];
  if (!amounts.every((amount) => Number.isSafeInteger(amount) && amount >= 0)) {
    problems.push('amounts must be whole numbers of fen, 0 or more');
  } else {
    if (standardFen > approvedInvestmentFen) problems.push('the standard amount exceeds the approved investment');
    if (paidFen > standardFen) problems.push('the amount paid exceeds the standard amount');
    if (decision === 'not-paid' && paidFen !== 0) problems.push(`nothing is paid on decision not-paid, not ${paidFen} fen`);
  }
  if (!['paid', 'top-up', 'not-paid'].includes(decision)) problems.push(`"${decision}" is not a decision`);
  if (problems.length > 0) throw refuse('invalid-award', `the award is not consistent: ${problems.join('; ')}`, 'invalid');
  return { ...award, reason: requireText(award.reason, 'the reason for the amount', 1000) };
}
