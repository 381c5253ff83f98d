import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Request, Response } from 'express';
import { In, Repository } from 'typeorm';
import { EVENT_STORE } from '@app/event-store';
import type { EventStore } from '@app/event-store';
import { Public } from '../auth/access.decorators';
import { Account } from '../auth/account.entity';
import { readStreamEvents } from '../notice/audit/read-stream-events';
import { StreamEventsQuery } from '../notice/audit/stream-events.query.dto';
import type { StreamEventsResponse } from '../notice/audit/stream-events.response.dto';
import { ExpertReadModel } from '@app/read-models';
import { StreamDirectory } from '../workflow/stream-directory';
import { ACTOR_ROLES, EVENT_NAMES, eventSummary } from './audit-summary';
import { signedInAs } from './portal-access';
import { chromeOf } from './portal-session';
import { PortalViews } from './portal-views';
import { problemInChinese } from './portal-zh';

const PAGE_SIZE = 100;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What kind of stream an id names, in words, and where its owner's page is. */
function streamKindOf(streamId: string): { kind: string; back?: { href: string; label: string } } {
  if (streamId.startsWith('selection-')) {
    return { kind: '评选', back: { href: `/admin/selections/${encodeURIComponent(streamId.slice('selection-'.length))}`, label: '返回评选' } };
  }
  if (streamId.startsWith('dossier-')) return { kind: '申报材料' };
  if (streamId.startsWith('expert-')) return { kind: '评审专家', back: { href: '/admin/experts', label: '返回专家库' } };
  if (streamId.startsWith('future-scenarios-')) return { kind: '十大未来场景', back: { href: '/admin', label: '返回评选管理' } };
  return { kind: '记录' };
}

/**
 * 审计记录: every fact of one stream (a selection, a dossier, an expert, a year's future scenarios) in
 * order, with time, type, who (account and role), correlation id and a readable summary. It reads
 * through the audit API's own reading code (readStreamEvents), so the page shows exactly what GET /api/v1/streams/{id}/events does.
 */
@ApiExcludeController()
@Controller('admin/streams')
export class AdminAuditPagesController {
  constructor(
    private readonly views: PortalViews,
    private readonly directory: StreamDirectory,
    private readonly expertRows: ExpertReadModel,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @InjectRepository(Account) private readonly accounts: Repository<Account>,
  ) {}

  @Get(':streamId')
  @Public()
  async stream(@Param('streamId') streamId: string, @Query('from') from: string | undefined, @Req() request: Request, @Res() response: Response): Promise<void> {
    if (!signedInAs(request, response, 'admin')) return;
    const chrome = chromeOf(request, response, `审计记录:${streamId}`);
    const query = plainToInstance(StreamEventsQuery, { from: from ?? '0', limit: String(PAGE_SIZE) });
    if ((await validate(query)).length > 0) {
      response.status(400).type('html').send(this.views.render('message', chrome, { heading: '参数无效', text: '起始序号须为非负整数。' }));
      return;
    }
    let page: StreamEventsResponse;
    try {
      page = await readStreamEvents(this.store, streamId, query);
    } catch (error) {
      response.status(404).type('html').send(this.views.render('message', chrome, { heading: '未找到', text: problemInChinese(error) }));
      return;
    }
    const experts = new Map((await this.expertRows.all()).map((expert) => [expert.expertId, expert.name]));
    const dossierIds = new Set<string>();
    for (const event of page.events) collectDossierIds(event.data, dossierIds);
    const dossierTitles = new Map<string, string>();
    for (const dossierId of dossierIds) {
      const found = await this.directory.dossier(dossierId).then((d) => d.value.title, () => null);
      if (found) dossierTitles.set(dossierId, found);
    }
    const actorIds = [...new Set(page.events.map((event) => event.metadata.actor?.id).filter((id): id is string => !!id && UUID.test(id)))];
    const accounts = actorIds.length ? await this.accounts.find({ where: { id: In(actorIds) } }) : [];
    const actorNames = new Map(accounts.map((account) => [account.id, `${account.displayName}(${account.username})`]));
    const names = { expert: (id: string) => experts.get(id) ?? id, dossier: (id: string) => (dossierTitles.has(id) ? `《${dossierTitles.get(id)}》` : id) };
    const { kind, back } = streamKindOf(streamId);
    let owner = back;
    if (!owner && streamId.startsWith('dossier-')) {
      const selectionId = await this.directory.dossier(streamId.slice('dossier-'.length)).then((d) => d.value.selectionId, () => null);
      if (selectionId) owner = { href: `/admin/selections/${encodeURIComponent(selectionId)}`, label: '返回评选' };
    }
    const events = page.events.map((event) => {
      const actor = event.metadata.actor;
      return {
        revision: event.revision,
        at: event.metadata.occurredAt ?? event.recordedAt,
        recordedAt: event.recordedAt,
        type: event.type,
        typeName: EVENT_NAMES[event.type] ?? event.type,
        actorName: actor ? (actorNames.get(actor.id) ?? actor.id) : '—',
        actorRole: actor ? (ACTOR_ROLES[actor.role] ?? actor.role) : '',
        correlationId: event.metadata.correlationId ?? '—',
        command: event.metadata.command ?? '',
        summary: eventSummary(event.type, event.data, names),
        json: JSON.stringify(event.data, null, 2),
      };
    });
    const first = Number(from ?? 0);
    response.type('html').send(
      this.views.render('admin-audit', chrome, {
        streamId,
        kind,
        back: owner,
        lastRevision: page.lastRevision,
        events,
        previous: first > 0 ? `?from=${Math.max(0, first - PAGE_SIZE)}` : null,
        next: page.nextFrom !== null ? `?from=${page.nextFrom}` : null,
      }),
    );
  }
}

/** Dossier ids mentioned anywhere in an event's data (dossierId fields, shortlist entries …). */
function collectDossierIds(value: unknown, into: Set<string>, depth = 0): void {
  if (depth > 6 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) collectDossierIds(item, into, depth + 1);
    return;
  }
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    if (key === 'dossierId' && typeof inner === 'string') into.add(inner);
    else collectDossierIds(inner, into, depth + 1);
  }
}
