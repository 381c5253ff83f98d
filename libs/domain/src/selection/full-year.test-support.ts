/**
 * A whole year run through the three deciders, with an in-memory event store and the small amount of
 * application logic the domain expects around it: reading facts from other streams onto commands,
 * and the process manager that turns a selection's plans and awards into dossier commands.
 */
import { CalendarYear } from '../calendar';
import type { ConflictExpert } from '../conflicts';
import {
  awardInputOf,
  conflictDossierOf,
  Dossier,
  DossierCommand,
  dossierDecider,
  DossierEvent,
  DossierState,
  openObjectionsOf,
  stageReviewInputOf,
  stageReviewOf,
} from '../dossier';
import { ExpertCommand, expertDecider, ExpertEvent, ExpertState, conflictExpertOf, RegisteredExpert } from '../expert';
import { reviewStagesOf } from '../programmes';
import type { CallRuleOverrides, ProgrammeCode } from '../programmes';
import { seedRules } from '../programmes/programmes.test-support';
import type { CommandMetadata } from '../shared/command-metadata';
import { Decider, foldEvents } from '../shared/decider';
import { asAdmin, asApplicant, asExpert, asPublic, asSystem, creditCode } from './actors.test-support';
import type { PlanReplacementAssignments, SelectionCommand, StartExpertReview } from './selection.commands';
import { decideAssignmentRound } from './decide-review';
import { decidePanel, PanelDecision } from './decide-stages';
import { selectionDecider } from './selection.decider';
import type { SelectionEvent } from './selection.events';
import { selectionIdOf, selectionStreamOf } from './selection.ids';
import { Selection, selectionFactsOf } from './selection.state';
import { earlierAwardsOfLedger, fundDecider, FundEvent, fundStreamOf } from '../awards';
import { fundEntryOf } from './decide-awards';
import { CommitmentCommand, commitmentDecider, CommitmentEvent, commitmentStreamOf, declarationOf, signatureOf } from '../commitments';

export const T = {
  open: '2026-03-02T01:00:00.000Z',
  draft: '2026-03-10T02:00:00.000Z',
  lateWithdrawal: '2026-03-20T02:00:00.000Z',
  closeSubmissions: '2026-04-01T01:00:00.000Z',
  formalReview: '2026-04-02T02:00:00.000Z',
  correction: '2026-04-08T02:00:00.000Z',
  passAfterCorrection: '2026-04-13T02:00:00.000Z',
  closeFormalReview: '2026-04-14T02:00:00.000Z',
  startReview: '2026-04-15T02:00:00.000Z',
  recusal: '2026-04-17T02:00:00.000Z',
  scoring: '2026-04-20T02:00:00.000Z',
  amendment: '2026-04-22T02:00:00.000Z',
  closeStage: '2026-04-23T02:00:00.000Z',
  formPanel: '2026-04-23T03:00:00.000Z',
  defence: '2026-04-27T06:00:00.000Z',
  closeReview: '2026-04-28T02:00:00.000Z',
  noticeStart: '2026-04-29T01:00:00.000Z',
  objection: '2026-05-06T03:00:00.000Z',
  objectionDecision: '2026-05-08T02:00:00.000Z',
  decideAwards: '2026-05-11T02:00:00.000Z',
  publish: '2026-05-12T02:00:00.000Z',
};

export interface ApplicantPlan {
  /** Short name; the dossier id is `{programme}-{key}`. */
  readonly key: string;
  readonly organisation: number;
  readonly tier: string;
  readonly title: string;
  readonly projectCode?: string;
  readonly fields: Record<string, string>;
  readonly declaredFen?: number;
  readonly approvedFen?: number;
  /** The weighted total its experts give, on average (trimmed mean lands exactly on it). */
  readonly target: number;
  readonly path?: 'returned' | 'rejected' | 'withdrawn';
}

export interface YearPlan {
  readonly programme: ProgrammeCode;
  readonly batch?: number;
  readonly quotas?: Record<string, number>;
  readonly applicants: readonly ApplicantPlan[];
  /** Key of a listed dossier whose objection is upheld (递补 follows); none when the run stops after the notice. */
  readonly upheld?: string;
  /** Stop once the public notice runs: no objections, the awards left to decide (e.g. by the real app). */
  readonly stopAfterNotice?: boolean;
  /** Key of a listed dossier whose objection is dismissed. */
  readonly dismissed?: string;
  /** A conflict found after assignment: the expert declares it, is recused and replaced. */
  readonly recusal?: { readonly key: string };
  /** One expert amends his score of this dossier upwards by this many points. */
  readonly amendment?: { readonly key: string; readonly by: number };
  /** The call's own stages and final ranking (通讯评审 → 会议评审/答辩). */
  readonly overrides?: Pick<CallRuleOverrides, 'stages' | 'finalRanking'>;
  readonly panel?: PanelPlan;
}

/** The panel stages of a call that declares them (overrides.stages): who sits, what they give, who misses the defence. */
export interface PanelPlan {
  readonly members: readonly string[];
  /** The panel's average total per dossier key (members give it +1, −1, +2, −2, 0 …). */
  readonly targets: Readonly<Record<string, number>>;
  /** Key of a dossier whose applicant does not come to its defence. */
  readonly noShow?: string;
}

export interface ExpertPlan {
  readonly expertId: string;
  readonly organisation: number;
  readonly fields: readonly string[];
  readonly deactivated?: boolean;
  readonly conflictWith?: number;
}

type AnyEvent = SelectionEvent | DossierEvent | ExpertEvent | FundEvent | CommitmentEvent;

/** Score offsets by the expert's place on the dossier: the trimmed mean drops +6 and −6. */
const OFFSETS = [0, 3, -3, 6, -6];
/** A panel's offsets: the mean lands on the target for four or five members. */
const PANEL_OFFSETS = [1, -1, 2, -2, 0, 3, -3];

export function createWorld(calendarYears: readonly CalendarYear[]) {
  const streams = new Map<string, AnyEvent[]>();
  const dossierIdsBySelection = new Map<string, string[]>();
  const expertIds: string[] = [];
  /** Every append in the order it happened, as a store would have received them. */
  const appends: { stream: string; events: AnyEvent[] }[] = [];

  function send<C, E extends AnyEvent, S>(stream: string, decider: Decider<C, E, S>, command: C): E[] {
    const history = (streams.get(stream) ?? []) as E[];
    const events = decider.decide(command, foldEvents(decider, history));
    streams.set(stream, [...history, ...events]);
    if (events.length > 0) appends.push({ stream, events });
    return events;
  }

  const selectionState = (selectionId: string) =>
    foldEvents(selectionDecider, (streams.get(selectionStreamOf(selectionId)) ?? []) as SelectionEvent[]) as Selection;
  const dossierState = (dossierId: string): DossierState =>
    foldEvents(dossierDecider, (streams.get(`dossier-${dossierId}`) ?? []) as DossierEvent[]);
  const expertState = (expertId: string): ExpertState =>
    foldEvents(expertDecider, (streams.get(`expert-${expertId}`) ?? []) as ExpertEvent[]);

  const toSelection = (selectionId: string, command: SelectionCommand) =>
    send(selectionStreamOf(selectionId), selectionDecider, command);
  /** A planning round as the app runs it: the selection records the counts, the plan's pairs come back. */
  const planRound = (selectionId: string, command: StartExpertReview | PlanReplacementAssignments) => {
    const stream = selectionStreamOf(selectionId);
    const decided = decideAssignmentRound(command, selectionState(selectionId));
    streams.set(stream, [...(streams.get(stream) ?? []), ...decided.events]);
    appends.push({ stream, events: decided.events });
    return decided;
  };
  const toDossier = (dossierId: string, command: DossierCommand) => send(`dossier-${dossierId}`, dossierDecider, command);
  const toExpert = (expertId: string, command: ExpertCommand) => send(`expert-${expertId}`, expertDecider, command);
  const commitmentState = (selectionId: string, expertId: string) =>
    foldEvents(commitmentDecider, (streams.get(commitmentStreamOf(selectionId, expertId)) ?? []) as CommitmentEvent[]);
  /** The expert's signature of the selection's declaration, signed first if he has not yet (first entry). */
  const signatureFor = (selectionId: string, expertId: string, now: string) => {
    if (commitmentState(selectionId, expertId).status === 'unsigned') {
      const selection = facts(selectionId);
      const command: CommitmentCommand = {
        type: 'SignDeclaration',
        data: { selection, expertId, version: declarationOf(selection.rules).version },
        metadata: asExpert(expertId, now),
      };
      send(commitmentStreamOf(selectionId, expertId), commitmentDecider, command);
    }
    return signatureOf(commitmentState(selectionId, expertId));
  };

  const facts = (selectionId: string) => selectionFactsOf(selectionState(selectionId));
  const dossiersOf = (selectionId: string): Dossier[] =>
    (dossierIdsBySelection.get(selectionId) ?? []).map((id) => dossierState(id) as Dossier);
  const pool = (): ConflictExpert[] => expertIds.map((id) => conflictExpertOf(expertState(id) as RegisteredExpert));
  const loadOf = (selectionId: string, expertId: string) =>
    dossiersOf(selectionId).filter((dossier) =>
      dossier.assignments.some((assignment) => assignment.expertId === expertId && assignment.status === 'assigned'),
    ).length;

  function registerExperts(plans: readonly ExpertPlan[]): void {
    for (const plan of plans) {
      expertIds.push(plan.expertId);
      toExpert(plan.expertId, {
        type: 'RegisterExpert',
        data: {
          expertId: plan.expertId,
          name: `专家${plan.expertId}`,
          organisationName: `单位${plan.organisation}`,
          organisationCreditCode: creditCode(plan.organisation),
          fields: [...plan.fields],
        },
        metadata: asAdmin(T.open),
      });
      if (plan.conflictWith !== undefined) {
        toExpert(plan.expertId, {
          type: 'DeclareConflict',
          data: { expertId: plan.expertId, creditCode: creditCode(plan.conflictWith), reason: '近三年曾任职' },
          metadata: asExpert(plan.expertId, T.open),
        });
      }
      if (plan.deactivated) {
        toExpert(plan.expertId, {
          type: 'DeactivateExpert',
          data: { expertId: plan.expertId, reason: '本年度不参加评审' },
          metadata: asAdmin(T.open),
        });
      }
    }
  }

  /** The process manager: each planned assignment becomes AssignExpert on its dossier. */
  function assignPlanned(selectionId: string, assignments: readonly { dossierId: string; expertId: string }[], now: string) {
    for (const { dossierId, expertId } of assignments) {
      toDossier(dossierId, {
        type: 'AssignExpert',
        data: {
          dossierId,
          selection: facts(selectionId),
          expert: { ...pool().find((expert) => expert.expertId === expertId)!, load: loadOf(selectionId, expertId) },
        },
        metadata: asSystem(now),
      });
    }
  }

  function runSelection(plan: YearPlan & { upheld: string }) {
    const result = runToNotice(plan);
    if (result.stopped) throw new Error('runSelection needs a plan that goes past the notice');
    return result;
  }

  /** The selection's story up to the notice (stopAfterNotice), or on to publication. */
  function runToNotice(plan: YearPlan) {
    const { programme } = plan;
    const selectionId = selectionIdOf(programme, 2026, plan.batch);
    const rules = seedRules(programme);
    const dossierId = (key: string) => `${programme}-${key}`;
    const applicantOf = (key: string) => plan.applicants.find((applicant) => applicant.key === key)!;
    const metaOf = (key: string, now: string): CommandMetadata => asApplicant(creditCode(applicantOf(key).organisation), now);
    dossierIdsBySelection.set(selectionId, plan.applicants.map((applicant) => dossierId(applicant.key)));

    toSelection(selectionId, {
      type: 'OpenCall',
      data: { programme, year: 2026, batch: plan.batch, rules, overrides: { quotas: plan.quotas, ...plan.overrides }, submissionDeadlineDate: '2026-03-31' },
      metadata: asAdmin(T.open),
    });

    // Submission: draft, attach every required kind, submit; some withdraw.
    for (const applicant of plan.applicants) {
      const id = dossierId(applicant.key);
      const meta = metaOf(applicant.key, T.draft);
      toDossier(id, {
        type: 'DraftDossier',
        data: {
          dossierId: id,
          selection: facts(selectionId),
          applicantCreditCode: creditCode(applicant.organisation),
          title: applicant.title,
          projectCode: applicant.projectCode,
          tier: applicant.tier,
          fields: applicant.fields,
          declaredInvestmentFen: applicant.declaredFen,
        },
        metadata: meta,
      });
      facts(selectionId).rules.attachments.kinds
        .filter((kind) => kind.required)
        .forEach((kind, i) =>
          toDossier(id, {
            type: 'AddAttachment',
            data: {
              dossierId: id,
              selection: facts(selectionId),
              attachment: {
                attachmentId: `${id}-a${i}`,
                kind: kind.code,
                name: `${kind.name}.pdf`,
                mediaType: 'application/pdf',
                sizeBytes: 2_000_000 + i,
                sha256: `${id}-${i}`.split('').map((c) => c.charCodeAt(0).toString(16)).join('').padEnd(64, '0').slice(0, 64),
              },
            },
            metadata: meta,
          }),
        );
      toDossier(id, { type: 'SubmitDossier', data: { dossierId: id, selection: facts(selectionId) }, metadata: meta });
      if (applicant.path === 'withdrawn') {
        toDossier(id, {
          type: 'WithdrawDossier',
          data: { dossierId: id, selection: facts(selectionId), reason: '项目调整,主动撤回' },
          metadata: metaOf(applicant.key, T.lateWithdrawal),
        });
      }
    }
    toSelection(selectionId, { type: 'CloseSubmissions', data: {}, metadata: asAdmin(T.closeSubmissions) });

    // Formal review: pass (with 核定投资额), return for correction then pass, or reject.
    const pass = (key: string, now: string) =>
      toDossier(dossierId(key), {
        type: 'PassFormalReview',
        data: { dossierId: dossierId(key), selection: facts(selectionId), approvedInvestmentFen: applicantOf(key).approvedFen },
        metadata: asAdmin(now),
      });
    for (const applicant of plan.applicants) {
      const id = dossierId(applicant.key);
      const selection = facts(selectionId);
      if (applicant.path === 'withdrawn') continue;
      if (applicant.path === 'rejected') {
        toDossier(id, { type: 'RejectDossier', data: { dossierId: id, selection, reason: '申报主体不在本省' }, metadata: asAdmin(T.formalReview) });
      } else if (applicant.path === 'returned') {
        toDossier(id, {
          type: 'ReturnForCorrection',
          data: { dossierId: id, selection, reason: '请补充项目名称的正式表述', correctionDeadlineDate: '2026-04-10' },
          metadata: asAdmin(T.formalReview),
        });
      } else pass(applicant.key, T.formalReview);
    }
    for (const applicant of plan.applicants.filter((candidate) => candidate.path === 'returned')) {
      const id = dossierId(applicant.key);
      const meta = metaOf(applicant.key, T.correction);
      toDossier(id, {
        type: 'EditDossier',
        data: { dossierId: id, selection: facts(selectionId), changes: { title: `${applicant.title}(补正)` } },
        metadata: meta,
      });
      toDossier(id, { type: 'SubmitDossier', data: { dossierId: id, selection: facts(selectionId) }, metadata: meta });
      pass(applicant.key, T.passAfterCorrection);
    }
    const statusOf = (dossier: Dossier) => dossier.status;
    toSelection(selectionId, {
      type: 'CloseFormalReview',
      data: {
        passedDossierIds: dossiersOf(selectionId).filter((d) => statusOf(d) === 'passed').map((d) => d.dossierId),
        awaitingDecision: dossiersOf(selectionId).filter((d) => ['submitted', 'returned'].includes(statusOf(d))).map((d) => d.dossierId),
      },
      metadata: asAdmin(T.closeFormalReview),
    });

    // Expert review: the plan, then the process manager assigns.
    const passed = dossiersOf(selectionId).filter((dossier) => dossier.status === 'passed');
    const started = planRound(selectionId, {
      type: 'StartExpertReview',
      data: { dossiers: passed.map((dossier) => conflictDossierOf(dossier, facts(selectionId).rules)), experts: pool() },
      metadata: asAdmin(T.startReview),
    });
    assignPlanned(selectionId, started.plan.assignments, T.startReview);

    let recusedExpert: string | null = null;
    if (plan.recusal) {
      // A conflict comes to light after assignment: declared on the expert, recused on the dossier, replaced.
      const id = dossierId(plan.recusal.key);
      const expertId = (dossierState(id) as Dossier).assignments[0].expertId;
      recusedExpert = expertId;
      toExpert(expertId, {
        type: 'DeclareConflict',
        data: { expertId, creditCode: creditCode(applicantOf(plan.recusal.key).organisation), reason: '发现与申报单位存在合作关系' },
        metadata: asExpert(expertId, T.recusal),
      });
      toDossier(id, {
        type: 'RecuseExpert',
        data: { dossierId: id, selection: facts(selectionId), expertId, reason: '专家申报回避' },
        metadata: asAdmin(T.recusal),
      });
      const existing = dossiersOf(selectionId).flatMap((dossier) =>
        dossier.assignments.filter((a) => a.status === 'assigned').map((a) => ({ dossierId: dossier.dossierId, expertId: a.expertId })),
      );
      const replanned = planRound(selectionId, {
        type: 'PlanReplacementAssignments',
        data: { dossiers: [conflictDossierOf(dossierState(id) as Dossier, facts(selectionId).rules)], experts: pool(), existing },
        metadata: asAdmin(T.recusal),
      });
      assignPlanned(selectionId, replanned.plan.assignments, T.recusal);
    }

    // Scoring: each expert in force scores every criterion at target + offset.
    const rubric = facts(selectionId).rules.rubric;
    const pointsFor = (total: number) =>
      Object.fromEntries(rubric.map((criterion) => [criterion.code, (criterion.maxPoints * total) / 100]));
    const score = (dossier: Dossier, expertId: string, total: number, type: 'SubmitScore' | 'AmendScore', now: string) =>
      toDossier(dossier.dossierId, {
        type,
        data: {
          dossierId: dossier.dossierId,
          selection: facts(selectionId),
          expert: pool().find((expert) => expert.expertId === expertId)!,
          declaration: signatureFor(selectionId, expertId, now),
          points: pointsFor(total),
          comment: type === 'SubmitScore' ? '材料翔实,成效明确' : '复核后调整',
        },
        metadata: asExpert(expertId, now),
      });
    for (const dossier of dossiersOf(selectionId).filter((candidate) => candidate.status === 'passed')) {
      const target = plan.applicants.find((applicant) => dossierId(applicant.key) === dossier.dossierId)!.target;
      dossier.assignments
        .filter((assignment) => assignment.status === 'assigned')
        .forEach((assignment, i) => score(dossier, assignment.expertId, target + OFFSETS[i], 'SubmitScore', T.scoring));
    }
    if (plan.amendment) {
      const dossier = dossierState(dossierId(plan.amendment.key)) as Dossier;
      const first = dossier.scores[0];
      score(dossier, first.expertId, first.total + plan.amendment.by, 'AmendScore', T.amendment);
    }

    const stageInputs = () => {
      const selection = selectionState(selectionId);
      const inStage = new Set(selection.reviewDossierIds);
      return dossiersOf(selectionId)
        .filter((dossier) => inStage.has(dossier.dossierId))
        .map((dossier) => stageReviewInputOf(dossier, selection.stage))
        .filter((input) => input !== null);
    };

    // Panel stages: close the stage before, form the panel, seat it on each dossier, hear the defences, score.
    const panels: PanelDecision[] = [];
    const stageClosings: SelectionEvent[] = [];
    const stages = reviewStagesOf(facts(selectionId).rules);
    for (let next = 2; next <= stages.length; next++) {
      const before = stageInputs();
      stageClosings.push(
        ...toSelection(selectionId, {
          type: 'CloseReviewStage',
          data: { candidates: before.map((input) => input.candidate), scores: before.flatMap((input) => input.scores) },
          metadata: asAdmin(T.closeStage),
        }),
      );
      const panelPlan = plan.panel!;
      const inStage = selectionState(selectionId).reviewDossierIds;
      const panel = decidePanel(
        {
          type: 'FormPanel',
          data: {
            name: `${stages[next - 1].name}专家组`,
            members: pool().filter((expert) => panelPlan.members.includes(expert.expertId)),
            dossiers: inStage.map((id) => conflictDossierOf(dossierState(id) as Dossier, facts(selectionId).rules)),
          },
          metadata: asAdmin(T.formPanel),
        },
        selectionState(selectionId),
      );
      const stream = selectionStreamOf(selectionId);
      streams.set(stream, [...(streams.get(stream) ?? []), ...panel.events]);
      appends.push({ stream, events: panel.events });
      panels.push(panel);
      for (const seat of panel.seats) {
        toDossier(seat.dossierId, {
          type: 'SeatPanel',
          data: { dossierId: seat.dossierId, selection: facts(selectionId), stage: panel.stage, panelName: panel.name, expertIds: seat.expertIds, recused: seat.recused },
          metadata: asSystem(T.formPanel),
        });
      }
      const stageRule = stages[next - 1];
      const heard = new Set(inStage);
      if (stageRule.defence) {
        inStage.forEach((id, i) => {
          toDossier(id, {
            type: 'ScheduleDefence',
            data: { dossierId: id, selection: facts(selectionId), slot: { date: '2026-04-27', startTime: `${String(9 + i).padStart(2, '0')}:00`, place: '湖南省工业和信息化厅 3 楼会议室', link: null, order: i + 1 } },
            metadata: asAdmin(T.formPanel),
          });
          const attended = dossierId(panelPlan.noShow ?? '') !== id;
          toDossier(id, { type: 'RecordDefenceAttendance', data: { dossierId: id, selection: facts(selectionId), attended }, metadata: asAdmin(T.defence) });
          if (!attended && stageRule.defence?.noShow !== 'panel-scores-anyway') heard.delete(id);
        });
      }
      const panelPoints = (total: number) => Object.fromEntries(stageRule.rubric.map((criterion) => [criterion.code, (criterion.maxPoints * total) / 100]));
      for (const id of inStage.filter((candidate) => heard.has(candidate))) {
        const target = panelPlan.targets[id.slice(programme.length + 1)];
        const seat = stageReviewOf(dossierState(id) as Dossier, next)!;
        seat.expertIds.forEach((expertId, i) =>
          toDossier(id, {
            type: 'SubmitScore',
            data: {
              dossierId: id,
              selection: facts(selectionId),
              expert: pool().find((expert) => expert.expertId === expertId)!,
              declaration: signatureFor(selectionId, expertId, T.defence),
              points: panelPoints(target + PANEL_OFFSETS[i]),
              comment: '答辩清晰,实施方案可行',
            },
            metadata: asExpert(expertId, T.defence),
          }),
        );
      }
    }

    const inputs = stageInputs();
    toSelection(selectionId, {
      type: 'CloseReview',
      data: { candidates: inputs.map((input) => input.candidate), scores: inputs.flatMap((input) => input.scores) },
      metadata: asAdmin(T.closeReview),
    });
    toSelection(selectionId, { type: 'StartPublicNotice', data: { calendarYears }, metadata: asAdmin(T.noticeStart) });
    if (plan.stopAfterNotice || plan.upheld === undefined) return { stopped: true as const, selectionId };

    // Objections: one upheld (the dossier drops, 递补), one dismissed.
    const object = (key: string, outcome: 'upheld' | 'dismissed') => {
      const id = dossierId(key);
      const objectionId = `${id}-objection`;
      toDossier(id, {
        type: 'FileObjection',
        data: {
          dossierId: id,
          selection: facts(selectionId),
          objectionId,
          objector: { name: '张伟', contact: 'zhangwei@example.cn', organisation: null },
          reason: '申报材料中应用成效数据与实际不符',
        },
        metadata: asPublic(T.objection),
      });
      toDossier(id, {
        type: outcome === 'upheld' ? 'UpholdObjection' : 'DismissObjection',
        data: { dossierId: id, selection: facts(selectionId), objectionId, finding: outcome === 'upheld' ? '经核查属实' : '经核查不属实' },
        metadata: asAdmin(T.objectionDecision),
      });
      return toSelection(selectionId, {
        type: 'RecordObjectionOutcome',
        data: { dossierId: id, objectionId, outcome, finding: outcome === 'upheld' ? '经核查属实' : '经核查不属实' },
        metadata: asAdmin(T.objectionDecision),
      });
    };
    const [dropped] = object(plan.upheld as string, 'upheld');
    if (plan.dismissed) object(plan.dismissed, 'dismissed');

    // Awards: the earlier awards come from the fund ledgers of the listed applicants, as the app reads them.
    const listed = facts(selectionId).selectedDossierIds.map((id) => dossierState(id) as Dossier);
    const ledgerOf = (code: string) => foldEvents(fundDecider, (streams.get(fundStreamOf(code, 2026)) ?? []) as FundEvent[]);
    const earlierAwards = [...new Set(listed.map((dossier) => dossier.applicantCreditCode))].flatMap((code) => earlierAwardsOfLedger(ledgerOf(code)));
    const [decided] = toSelection(selectionId, {
      type: 'DecideAwards',
      data: {
        dossiers: listed.map(awardInputOf),
        earlierAwards,
        openObjections: dossiersOf(selectionId).filter((d) => d.status === 'passed').flatMap(openObjectionsOf),
      },
      metadata: asAdmin(T.decideAwards),
    });
    if (decided.type !== 'AwardsDecided') throw new Error('expected AwardsDecided');
    for (const line of decided.data.awards) {
      const entry = fundEntryOf(selectionState(selectionId), line, T.decideAwards);
      if (entry) send(fundStreamOf(entry.applicantCreditCode, 2026), fundDecider, { type: 'RecordFundEntry', data: { entry }, metadata: asSystem(T.decideAwards) });
    }
    for (const line of decided.data.awards) {
      toDossier(line.dossierId, {
        type: 'AwardDossier',
        data: { dossierId: line.dossierId, selection: facts(selectionId), tier: line.tier, rank: line.rank, award: line.award },
        metadata: asSystem(T.decideAwards),
      });
    }
    for (const line of decided.data.notAwarded) {
      toDossier(line.dossierId, {
        type: 'NotAwardDossier',
        data: { dossierId: line.dossierId, selection: facts(selectionId), reason: line.reason },
        metadata: asSystem(T.decideAwards),
      });
    }
    toSelection(selectionId, { type: 'PublishAwards', data: {}, metadata: asAdmin(T.publish) });

    const keyOf = (id: string) => id.slice(programme.length + 1);
    const selection = selectionState(selectionId);
    return {
      stopped: false as const,
      selectionId,
      selection,
      started: started.plan,
      panels,
      stageClosings,
      dropped,
      decided: decided.data,
      recusedExpert,
      dossier: (key: string) => dossierState(dossierId(key)) as Dossier,
      /** Selected and reserve keys per tier, from the published shortlist. */
      shortlist: () =>
        Object.fromEntries(
          (selection.shortlist?.tiers ?? []).map((tier) => [
            tier.tier,
            { selected: tier.selected.map((e) => keyOf(e.dossierId)), reserves: tier.reserves.map((e) => keyOf(e.dossierId)) },
          ]),
        ),
      award: (key: string) => decided.data.awards.find((line) => line.dossierId === dossierId(key))?.award,
      keyOf,
      events: (key: string) => streams.get(`dossier-${dossierId(key)}`) ?? [],
      selectionEvents: () => (streams.get(selectionStreamOf(selectionId)) ?? []) as SelectionEvent[],
    };
  }

  const allEvents = (): AnyEvent[] => [...streams.values()].flat();

  return { registerExperts, runSelection, runToNotice, toDossier, toSelection, facts, dossierState, expertState, pool, allEvents, appends: () => [...appends] };
}

export type World = ReturnType<typeof createWorld>;
export type YearResult = ReturnType<World['runSelection']>;
