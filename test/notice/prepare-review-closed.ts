/**
 * Brings a selection to 'review-closed' through the real command path (runCommand with the real
 * deciders), in the shape of libs/domain/src/selection/full-year.test-support.ts, without the HTTP
 * endpoints of the dossier and review areas. Only OpenCall goes over HTTP.
 */
import { createHash } from 'node:crypto';
import { commitmentDecider, commitmentStreamOf, declarationOf, signatureOf } from '@app/domain/commitments';
import type { CommitmentState } from '@app/domain/commitments';
import { conflictDossierOf, dossierDecider, reviewInputOf } from '@app/domain/dossier';
import type { Dossier, DossierCommand, DossierState } from '@app/domain/dossier';
import { conflictExpertOf, expertDecider } from '@app/domain/expert';
import type { ExpertCommand, ExpertState, RegisteredExpert } from '@app/domain/expert';
import { creditCodeCheckCharacter } from '@app/domain/credit-code';
import type { ProgrammeCode } from '@app/domain/programmes';
import { decideAssignmentRound, selectionDecider, selectionFactsOf, selectionStreamOf } from '@app/domain/selection';
import type { Selection, SelectionCommand, SelectionFacts, SelectionState } from '@app/domain/selection';
import type { CommandMetadata } from '@app/domain/shared/command-metadata';
import { foldEvents } from '@app/domain/shared/decider';
import { runCommand } from '@app/platform';
import type { AuthenticatedClient, TestApp } from '../support/test-app';

export function creditCode(n: number): string {
  const body = `91430100${String(n).padStart(9, '0')}`;
  return body + creditCodeCheckCharacter(body);
}

export interface ApplicantPlan {
  readonly dossierId: string;
  readonly organisation: number;
  readonly tier: string;
  readonly title: string;
  readonly fields: Record<string, string>;
  readonly approvedFen?: number;
  /** The weighted total every expert gives. */
  readonly target: number;
}

export interface SelectionPlan {
  readonly programme: ProgrammeCode;
  readonly year: number;
  readonly quotas: Record<string, number>;
  /** Other call overrides besides the quotas (e.g. noticeContact). */
  readonly overrides?: Record<string, unknown>;
  readonly applicants: readonly ApplicantPlan[];
  /** Times of the steps, in order: open, draft, close submissions, formal review, start review, scoring, close review. */
  readonly at: { open: string; deadlineDate: string; draft: string; closeSubmissions: string; formalReview: string; review: string; closeReview: string };
}

const admin = (now: string): CommandMetadata => ({ now, actor: { id: 'test-admin', role: 'admin' } });
const system = (now: string): CommandMetadata => ({ now, actor: { id: 'process-manager', role: 'system' } });

export function createPreparer(t: TestApp) {
  const send = <T>(commandType: string, metadata: CommandMetadata, work: Parameters<typeof runCommand<T>>[3]) =>
    runCommand<T>(t.store, commandType, { metadata, correlationId: `prepare-${commandType}` }, work);

  const read = async <S>(stream: string, fold: (events: { type: string; data: unknown }[]) => S): Promise<S> =>
    fold((await t.store.readStream(stream)).map((event) => ({ type: event.type, data: event.data })));
  const selectionOf = (id: string) =>
    read<SelectionState>(selectionStreamOf(id), (events) => foldEvents(selectionDecider, events as never)) as Promise<Selection>;
  const factsOf = async (id: string): Promise<SelectionFacts> => selectionFactsOf(await selectionOf(id));
  const dossierOf = (id: string) => read<DossierState>(`dossier-${id}`, (events) => foldEvents(dossierDecider, events as never)) as Promise<Dossier>;
  const expertOf = (id: string) => read<ExpertState>(`expert-${id}`, (events) => foldEvents(expertDecider, events as never)) as Promise<RegisteredExpert>;

  const toSelection = (id: string, command: SelectionCommand) =>
    send(command.type, command.metadata, async (unit) => (await unit.decide(selectionStreamOf(id), selectionDecider, command)).events);
  const toDossier = (command: DossierCommand) =>
    send(command.type, command.metadata, async (unit) => {
      await unit.decide(`dossier-${command.data.dossierId}`, dossierDecider, command);
    });
  const toExpert = (expertId: string, command: ExpertCommand) =>
    send(command.type, command.metadata, async (unit) => {
      await unit.decide(`expert-${expertId}`, expertDecider, command);
    });

  /** The expert signs the selection's declaration on his first score (as the portal asks on first entry). */
  const signatureFor = async (selectionId: string, expertId: string, now: string) => {
    const stream = commitmentStreamOf(selectionId, expertId);
    const metadata: CommandMetadata = { now, actor: { id: `user-${expertId}`, role: 'expert', expertId } };
    const current = () => read<CommitmentState>(stream, (events) => foldEvents(commitmentDecider, events as never));
    if ((await current()).status === 'unsigned') {
      const selection = await factsOf(selectionId);
      await send('SignDeclaration', metadata, async (unit) => {
        await unit.decide(stream, commitmentDecider, { type: 'SignDeclaration', data: { selection, expertId, version: declarationOf(selection.rules).version }, metadata });
      });
    }
    return signatureOf(await current());
  };

  async function registerExperts(expertIds: readonly string[], fields: readonly string[], now: string): Promise<void> {
    for (const [i, expertId] of expertIds.entries()) {
      await toExpert(expertId, {
        type: 'RegisterExpert',
        data: { expertId, name: `专家${expertId}`, organisationName: `评审单位${i}`, organisationCreditCode: creditCode(900 + i), fields: [...fields] },
        metadata: admin(now),
      });
    }
  }

  async function toReviewClosed(plan: SelectionPlan, asAdmin: AuthenticatedClient, expertIds: readonly string[]): Promise<string> {
    const { at } = plan;
    t.clock.set(at.open);
    const opened = await asAdmin
      .post('/api/v1/selections')
      .send({ programme: plan.programme, year: plan.year, submissionDeadlineDate: at.deadlineDate, overrides: { quotas: plan.quotas, ...(plan.overrides ?? {}) } })
      .expect(201);
    const selectionId = opened.body.id as string;

    for (const applicant of plan.applicants) {
      const { dossierId } = applicant;
      const applicantMeta: CommandMetadata = {
        now: at.draft,
        actor: { id: `user-${applicant.organisation}`, role: 'applicant', organisationCreditCode: creditCode(applicant.organisation) },
      };
      await toDossier({
        type: 'DraftDossier',
        data: {
          dossierId,
          selection: await factsOf(selectionId),
          applicantCreditCode: creditCode(applicant.organisation),
          title: applicant.title,
          tier: applicant.tier,
          fields: applicant.fields,
          declaredInvestmentFen: applicant.approvedFen ?? null,
        },
        metadata: applicantMeta,
      });
      const facts = await factsOf(selectionId);
      for (const [i, kind] of facts.rules.attachments.kinds.filter((candidate) => candidate.required).entries()) {
        await toDossier({
          type: 'AddAttachment',
          data: {
            dossierId,
            selection: facts,
            attachment: {
              attachmentId: `${dossierId}-a${i}`,
              kind: kind.code,
              name: `${kind.name}.pdf`,
              mediaType: 'application/pdf',
              sizeBytes: 100_000 + i,
              sha256: createHash('sha256').update(`${dossierId}-${i}`).digest('hex'),
            },
          },
          metadata: applicantMeta,
        });
      }
      await toDossier({ type: 'SubmitDossier', data: { dossierId, selection: facts }, metadata: applicantMeta });
    }
    await toSelection(selectionId, { type: 'CloseSubmissions', data: {}, metadata: admin(at.closeSubmissions) });

    for (const applicant of plan.applicants) {
      await toDossier({
        type: 'PassFormalReview',
        data: { dossierId: applicant.dossierId, selection: await factsOf(selectionId), approvedInvestmentFen: applicant.approvedFen ?? null },
        metadata: admin(at.formalReview),
      });
    }
    await toSelection(selectionId, {
      type: 'CloseFormalReview',
      data: { passedDossierIds: plan.applicants.map((applicant) => applicant.dossierId), awaitingDecision: [] },
      metadata: admin(at.formalReview),
    });

    const dossiers = await Promise.all(plan.applicants.map((applicant) => dossierOf(applicant.dossierId)));
    const pool = await Promise.all(expertIds.map(async (id) => conflictExpertOf(await expertOf(id))));
    const { rules } = await factsOf(selectionId);
    const { plan: assignmentPlan } = (await send('StartExpertReview', admin(at.review), (unit) =>
      unit.decideWith(selectionStreamOf(selectionId), selectionDecider, (state) => {
        const decided = decideAssignmentRound({
          type: 'StartExpertReview',
          data: { dossiers: dossiers.map((dossier) => conflictDossierOf(dossier, rules)), experts: pool },
          metadata: admin(at.review),
        }, state);
        return { events: decided.events, value: decided };
      }),
    )).value.value;
    const loads = new Map<string, number>();
    for (const { dossierId, expertId } of assignmentPlan.assignments) {
      await toDossier({
        type: 'AssignExpert',
        data: { dossierId, selection: await factsOf(selectionId), expert: { ...pool.find((expert) => expert.expertId === expertId)!, load: loads.get(expertId) ?? 0 } },
        metadata: system(at.review),
      });
      loads.set(expertId, (loads.get(expertId) ?? 0) + 1);
    }

    const rubric = (await factsOf(selectionId)).rules.rubric;
    for (const applicant of plan.applicants) {
      const dossier = await dossierOf(applicant.dossierId);
      for (const assignment of dossier.assignments.filter((candidate) => candidate.status === 'assigned')) {
        await toDossier({
          type: 'SubmitScore',
          data: {
            dossierId: applicant.dossierId,
            selection: await factsOf(selectionId),
            expert: pool.find((expert) => expert.expertId === assignment.expertId)!,
            declaration: await signatureFor(selectionId, assignment.expertId, at.review),
            points: Object.fromEntries(rubric.map((criterion) => [criterion.code, (criterion.maxPoints * applicant.target) / 100])),
            comment: '材料翔实,成效明确',
          },
          metadata: { now: at.review, actor: { id: `user-${assignment.expertId}`, role: 'expert', expertId: assignment.expertId } },
        });
      }
    }

    const inputs = (await Promise.all(plan.applicants.map((applicant) => dossierOf(applicant.dossierId))))
      .map((dossier) => reviewInputOf(dossier))
      .filter((input) => input !== null);
    await toSelection(selectionId, {
      type: 'CloseReview',
      data: { candidates: inputs.map((input) => input.candidate), scores: inputs.flatMap((input) => input.scores) },
      metadata: admin(at.closeReview),
    });
    await t.settle(); // written straight to the store: let the read models catch up before the HTTP reads
    return selectionId;
  }

  return { registerExperts, toReviewClosed, dossierOf, selectionOf };
}
