import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { EVENT_STORE, upToCut } from '@app/event-store';
import type { EventStore, RecordedEvent } from '@app/event-store';
import { Dossier, DossierEvent, dossierDecider } from '@app/domain/dossier';
import { SelectionEvent, selectionDecider, selectionStreamOf } from '@app/domain/selection';
import type { SelectionState } from '@app/domain/selection';
import { foldEvents } from '@app/domain/shared/decider';
import { ExpertReadModel, SelectionReadModel } from '@app/read-models';
import { Public } from '../auth/access.decorators';
import { ChainAudit } from '../audit/chain-audit';
import { ACTOR_ROLES, EVENT_NAMES, eventSummary } from './audit-summary';
import { beijingInputOf, beijingInstantOf, eventsBetween } from './history-moments';
import { signedInAs } from './portal-access';
import { chromeOf } from './portal-session';
import { PortalViews } from './portal-views';
import { PHASE_NAMES, STATUS_NAMES, problemInChinese } from './portal-zh';

const asDomain = <E>(event: RecordedEvent): E => ({ type: event.type, data: event.data }) as E;

/**
 * 完整性与历史: the hash chain's last verification (完整性已核验, when, the head hash) with a button that runs
 * it again, and a selection between two moments — how it stood at the second (folded from the streams'
 * prefixes, as ?asOf= does) and every recorded fact in between: what, who (account and role), which
 * command and request, and the fact's own words.
 */
@ApiExcludeController()
@Controller('admin/audit')
export class AdminIntegrityPageController {
  constructor(
    private readonly views: PortalViews,
    private readonly audit: ChainAudit,
    private readonly selectionRows: SelectionReadModel,
    private readonly expertRows: ExpertReadModel,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get()
  @Public()
  async page(@Query() query: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    if (!signedInAs(request, response, 'admin')) return;
    const chrome = chromeOf(request, response, '完整性与历史');
    let verifyError: string | null = null;
    if (query.verify === '1') {
      try {
        await this.audit.verify();
      } catch (error) {
        verifyError = problemInChinese(error);
      }
    }
    const last = this.audit.lastVerification();
    const selections = (await this.selectionRows.all()).map((row) => ({ id: row.selection.selectionId, title: row.selection.title, chosen: row.selection.selectionId === query.selection }));

    const from = beijingInstantOf(query.from);
    const to = beijingInstantOf(query.to);
    let moment: Record<string, unknown> | null = null;
    let formError: string | null = null;
    if (query.selection !== undefined || query.to !== undefined) {
      if (typeof query.selection !== 'string' || !selections.some((selection) => selection.id === query.selection)) formError = '请选择一个评选。';
      else if (to === null || Number.isNaN(to)) formError = '请选择要查看的时刻(北京时间)。';
      else if (from !== null && (Number.isNaN(from) || from >= to)) formError = '比较起点须早于要查看的时刻。请重新选择。';
      else moment = await this.moment(query.selection, from, to);
    }
    response.status(formError ? 400 : 200).type('html').send(
      this.views.render('admin-integrity', chrome, {
        available: this.audit.available,
        verification: last
          ? {
              intact: last.intact,
              checkedAt: last.checkedAt,
              events: last.events,
              streams: last.streams,
              commits: last.commits,
              eventsPerSecond: last.eventsPerSecond,
              head: last.head,
              firstBreak: last.firstBreak,
            }
          : null,
        verifyError,
        selections,
        form: { from: typeof query.from === 'string' ? query.from : '', to: typeof query.to === 'string' ? query.to : '' },
        formError,
        moment,
      }),
    );
  }

  private async moment(selectionId: string, from: number | null, to: number): Promise<Record<string, unknown>> {
    const selectionStream = selectionStreamOf(selectionId);
    const streamIds = [selectionStream, ...(await this.store.listStreams('dossier', { prefix: `dossier-${selectionId}-` }))];
    const streams = await this.store.readStreams(streamIds);
    const start = from ?? Number.NEGATIVE_INFINITY;
    const selectionAt = (instant: number): SelectionState =>
      foldEvents(selectionDecider, upToCut(streams.get(selectionStream) ?? [], { asOf: instant }).map(asDomain<SelectionEvent>));
    const dossiersAt = (instant: number): Map<string, Dossier> => {
      const dossiers = new Map<string, Dossier>();
      for (const streamId of streamIds.slice(1)) {
        const state = foldEvents(dossierDecider, upToCut(streams.get(streamId) ?? [], { asOf: instant }).map(asDomain<DossierEvent>));
        if (state.status !== 'none') dossiers.set(state.dossierId, state);
      }
      return dossiers;
    };
    const then = selectionAt(to);
    const before = from === null ? null : selectionAt(from);
    const dossiersThen = dossiersAt(to);
    const dossiersBefore = from === null ? new Map<string, Dossier>() : dossiersAt(from);
    const titles = new Map([...dossiersThen.values()].map((dossier) => [dossier.dossierId, dossier.title]));
    const experts = new Map((await this.expertRows.all()).map((expert) => [expert.expertId, expert.name]));
    const names = { expert: (id: string) => experts.get(id) ?? id, dossier: (id: string) => (titles.has(id) ? `《${titles.get(id)}》` : id) };
    const changes = eventsBetween(streams.values(), start, to).map((event) => {
      const actor = event.metadata.actor;
      const dossierId = event.streamId.startsWith('dossier-') ? event.streamId.slice('dossier-'.length) : null;
      return {
        at: typeof event.metadata.occurredAt === 'string' ? event.metadata.occurredAt : event.recordedAt,
        subject: dossierId ? names.dossier(dossierId) : '评选',
        typeName: EVENT_NAMES[event.type] ?? event.type,
        type: event.type,
        actor: actor ? `${actor.id}` : '—',
        role: actor ? (ACTOR_ROLES[actor.role] ?? actor.role) : '',
        command: typeof event.metadata.command === 'string' ? event.metadata.command : '',
        correlationId: event.metadata.correlationId ?? '—',
        summary: eventSummary(event.type, event.data, names),
      };
    });
    const statusChanges = [...dossiersThen.values()]
      .map((dossier) => ({ title: dossier.title, before: dossiersBefore.get(dossier.dossierId)?.status ?? null, after: dossier.status }))
      .filter((line) => line.before !== line.after)
      .map((line) => ({ title: line.title, before: line.before ? (STATUS_NAMES[line.before] ?? line.before) : '(尚未创建)', after: STATUS_NAMES[line.after] ?? line.after }));
    const tierNames = new Map((then.phase === 'none' ? [] : then.rules.tiers).map((tier) => [tier.code, tier.name]));
    return {
      selectionId,
      title: then.phase === 'none' ? selectionId : then.title,
      existed: then.phase !== 'none',
      to: new Date(to).toISOString(),
      from: from === null ? null : new Date(from).toISOString(),
      toInput: beijingInputOf(to),
      phase: PHASE_NAMES[then.phase] ?? then.phase,
      phaseBefore: before ? (before.phase === 'none' ? '(尚未开放)' : (PHASE_NAMES[before.phase] ?? before.phase)) : null,
      dossierCount: dossiersThen.size,
      listed: then.phase !== 'none' && then.shortlist
        ? then.shortlist.tiers.map((tier) => ({ tier: tierNames.get(tier.tier) ?? tier.tier, titles: tier.selected.map((entry) => titles.get(entry.dossierId) ?? entry.dossierId) }))
        : [],
      statusChanges,
      changes,
      apiHref: `/api/v1/selections/${encodeURIComponent(selectionId)}?asOf=${encodeURIComponent(new Date(to).toISOString())}`,
    };
  }
}
