import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { EVENT_STORE } from '@app/event-store';
import type { EventStore, GlobalPosition } from '@app/event-store';
import type { CalendarYear } from '@app/domain/calendar';
import type { Dossier } from '@app/domain/dossier';
import { refuse } from '@app/domain/shared/refusal';
import { DossierReadModel, ReviewOutcomeReadModel } from '@app/read-models';
import { Organisation } from '../../auth/organisation.entity';
import { ProgrammeCatalogue } from '../../catalogue/programme-catalogue';
import { StreamDirectory } from '../../workflow/stream-directory';
import { CALENDAR_CATEGORY, CalendarYearLoaded } from './calendar-year.stream';

/** The facts the notice, objection and award commands carry, read from other streams and tables. */
@Injectable()
export class NoticeReads {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly directory: StreamDirectory,
    private readonly catalogue: ProgrammeCatalogue,
    @InjectRepository(Organisation) private readonly organisations: Repository<Organisation>,
    private readonly dossiers: DossierReadModel,
    private readonly outcomes: ReviewOutcomeReadModel,
  ) {}

  /** The seed years and the ones an admin loaded since, ascending. */
  async calendarYears(): Promise<{ year: CalendarYear; origin: 'seed' | 'loaded' }[]> {
    const loaded: CalendarYear[] = [];
    let after: GlobalPosition | null = null;
    for (;;) {
      const page = await this.store.readAll({ category: CALENDAR_CATEGORY, after, maxCount: 500 });
      if (page.length === 0) break;
      for (const event of page) {
        if (event.type !== 'CalendarYearLoaded') continue;
        const { year, holidays, makeUpWorkdays, source } = event.data as CalendarYearLoaded['data'];
        loaded.push({ year, holidays, makeUpWorkdays, source });
      }
      after = page[page.length - 1].position;
    }
    return [
      ...this.catalogue.calendarYears.map((year) => ({ year, origin: 'seed' as const })),
      ...loaded.map((year) => ({ year, origin: 'loaded' as const })),
    ].sort((a, b) => a.year.year - b.year.year);
  }

  /** For queries: the selection's dossiers from the read model. */
  dossiersOf(selectionId: string): Promise<Dossier[]> {
    return this.dossiers.all({ selectionId });
  }

  /**
   * The dossier an objection was filed on, read from its stream (a command decides on it). The
   * objection index (rm_objections) names the dossier; objection ids are plain UUIDs.
   */
  async dossierOfObjection(objectionId: string): Promise<Dossier> {
    const [indexed] = await this.outcomes.objections({ objectionId });
    const dossier = indexed ? (await this.directory.dossier(indexed.dossierId)).value : undefined;
    if (!dossier?.objections.some((objection) => objection.objectionId === objectionId)) {
      throw refuse('objection-not-found', `there is no objection "${objectionId}"`, 'not-found');
    }
    return dossier;
  }

  /** Registered names by credit code; a code without a registration stays out of the map. */
  async organisationNames(creditCodes: readonly string[]): Promise<Map<string, string>> {
    const unique = [...new Set(creditCodes)];
    if (unique.length === 0) return new Map();
    const rows = await this.organisations.find({ where: { creditCode: In(unique) } });
    return new Map(rows.map((row) => [row.creditCode, row.name]));
  }
}
