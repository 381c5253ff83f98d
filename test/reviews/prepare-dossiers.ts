import type { EventStore } from '@app/event-store';
import { creditCodeCheckCharacter } from '@app/domain/credit-code';
import { Dossier, DossierCommand, dossierDecider } from '@app/domain/dossier';
import { Selection, SelectionCommand, selectionDecider, selectionFactsOf, selectionStreamOf } from '@app/domain/selection';
import type { CommandMetadata } from '@app/domain/shared/command-metadata';
import { runCommand } from '@app/platform';
import type { UnitOfWork } from '@app/platform';

/** A valid 统一社会信用代码 made from a short number. */
export function creditCode(n: number): string {
  const body = `91430100${String(n).padStart(9, '0')}`;
  return body + creditCodeCheckCharacter(body);
}

export interface DossierPlan {
  readonly dossierId: string;
  readonly organisation: number;
  readonly title: string;
  readonly domain: string;
  readonly excludedExpertIds?: readonly string[];
}

const asAdmin = (now: string): CommandMetadata => ({ now, actor: { id: 'test-admin', role: 'admin' } });
const asApplicant = (organisation: number, now: string): CommandMetadata => ({
  now,
  actor: { id: `user-${organisation}`, role: 'applicant', organisationCreditCode: creditCode(organisation) },
});

/**
 * Brings dossiers of an open demo-scenario call to 'passed' and closes formal review through the real
 * command path (the dossier endpoints are another use case's), as full-year.test-support.ts does.
 */
export async function preparePassedDossiers(store: EventStore, selectionId: string, plans: readonly DossierPlan[]): Promise<void> {
  const selectionStream = selectionStreamOf(selectionId);
  const factsOf = async (unit: UnitOfWork) =>
    selectionFactsOf((await unit.load(selectionStream, selectionDecider)).state as Selection);
  const toDossier = (dossierId: string, metadata: CommandMetadata, build: (facts: Awaited<ReturnType<typeof factsOf>>) => DossierCommand) =>
    runCommand(store, 'test-prepare', { metadata, correlationId: `prepare-${dossierId}` }, async (unit) => {
      await unit.decide(`dossier-${dossierId}`, dossierDecider, build(await factsOf(unit)));
    });
  const toSelection = (metadata: CommandMetadata, build: (dossiers: Dossier[]) => SelectionCommand) =>
    runCommand(store, 'test-prepare', { metadata, correlationId: `prepare-${selectionId}` }, async (unit) => {
      const dossiers: Dossier[] = [];
      for (const plan of plans) dossiers.push((await unit.load(`dossier-${plan.dossierId}`, dossierDecider)).state as Dossier);
      await unit.decide(selectionStream, selectionDecider, build(dossiers));
    });

  const draftAt = '2026-03-10T02:00:00.000Z';
  for (const plan of plans) {
    const meta = asApplicant(plan.organisation, draftAt);
    await toDossier(plan.dossierId, meta, (selection) => ({
      type: 'DraftDossier',
      data: {
        dossierId: plan.dossierId,
        selection,
        applicantCreditCode: creditCode(plan.organisation),
        title: plan.title,
        tier: 'scenario',
        fields: Object.fromEntries(
          selection.rules.fields.map((field) => [field.code, field.code === selection.rules.expertiseField ? plan.domain : `${plan.title}的${field.name}`]),
        ),
        declaredInvestmentFen: 300_000_000,
        excludedExpertIds: plan.excludedExpertIds ?? [],
      },
      metadata: meta,
    }));
    const probe = await runCommand(store, 'test-read', { metadata: meta, correlationId: 'read' }, (unit) => factsOf(unit));
    const required = probe.value.rules.attachments.kinds.filter((kind) => kind.required);
    for (const [i, kind] of required.entries()) {
      await toDossier(plan.dossierId, meta, (selection) => ({
        type: 'AddAttachment',
        data: {
          dossierId: plan.dossierId,
          selection,
          attachment: {
            attachmentId: `${plan.dossierId}-a${i}`,
            kind: kind.code,
            name: `${kind.name}.pdf`,
            mediaType: 'application/pdf',
            sizeBytes: 1_000_000 + i,
            sha256: String(i).repeat(64).slice(0, 64),
          },
        },
        metadata: meta,
      }));
    }
    await toDossier(plan.dossierId, meta, (selection) => ({ type: 'SubmitDossier', data: { dossierId: plan.dossierId, selection }, metadata: meta }));
  }
  await toSelection(asAdmin('2026-04-01T01:00:00.000Z'), () => ({ type: 'CloseSubmissions', data: {}, metadata: asAdmin('2026-04-01T01:00:00.000Z') }));
  const passAt = asAdmin('2026-04-02T02:00:00.000Z');
  for (const plan of plans) {
    await toDossier(plan.dossierId, passAt, (selection) => ({
      type: 'PassFormalReview',
      data: { dossierId: plan.dossierId, selection, approvedInvestmentFen: 250_000_000 },
      metadata: passAt,
    }));
  }
  const closeAt = asAdmin('2026-04-14T02:00:00.000Z');
  await toSelection(closeAt, (dossiers) => ({
    type: 'CloseFormalReview',
    data: {
      passedDossierIds: dossiers.filter((d) => d.status === 'passed').map((d) => d.dossierId),
      awaitingDecision: dossiers.filter((d) => d.status === 'submitted' || d.status === 'returned').map((d) => d.dossierId),
    },
    metadata: closeAt,
  }));
}

/** Starts the public notice through the command path (the notice endpoints are another use case's). */
export async function startNotice(store: EventStore, selectionId: string, now: string, calendarYears: unknown[]): Promise<void> {
  const metadata = asAdmin(now);
  await runCommand(store, 'test-notice', { metadata, correlationId: `notice-${selectionId}` }, async (unit) => {
    await unit.decide(selectionStreamOf(selectionId), selectionDecider, {
      type: 'StartPublicNotice',
      data: { calendarYears: calendarYears as never },
      metadata,
    });
  });
}
