import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, Not, IsNull } from 'typeorm';
import type { Dossier } from '@app/domain/dossier';
import { EVENT_STORE } from '@app/event-store';
import type { EventStore } from '@app/event-store';
import type { RegisteredExpert } from '@app/domain/expert';
import type { Selection } from '@app/domain/selection';
import { DomainRefusal } from '@app/domain/shared/refusal';
import { Account } from '../auth/account.entity';
import { StreamDirectory } from '../workflow/stream-directory';

/**
 * Reads for review commands, which must decide on the latest writes (queries use the read models).
 *
 * Category reads (readAll) on the PostgreSQL server only return events of transactions older than the
 * oldest transaction still running anywhere on the server, so a list read just after a write can miss
 * it while any other transaction is open (other databases included). Reading each stream by id is
 * never held back, so here category reads only supply ids, and every aggregate is read from its stream.
 * The dossiers of a selection come from its own ids (passed / in review); expert ids also come from
 * the expert accounts, which are committed before the expert's stream.
 */
@Injectable()
export class ReviewReads {
  constructor(
    private readonly directory: StreamDirectory,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
  ) {}

  /** Every registered expert: ids from the stream index and the expert accounts, read in batches. */
  async experts(): Promise<RegisteredExpert[]> {
    const fromStreams = (await this.eventStore.listStreams('expert')).map((streamId) => streamId.slice('expert-'.length));
    const fromAccounts = (await this.dataSource.getRepository(Account).findBy({ role: 'expert', expertId: Not(IsNull()) }))
      .map((account) => account.expertId as string);
    const ids = [...new Set([...fromStreams, ...fromAccounts])];
    return (await this.directory.experts(ids)).sort((a, b) => a.expertId.localeCompare(b.expertId));
  }

  async selections(): Promise<Selection[]> {
    const ids = (await this.directory.selections()).map((selection) => selection.selectionId);
    return (await Promise.all(ids.map((id) => this.orNull(this.directory.selection(id))))).filter((s): s is Selection => s !== null);
  }

  /** The dossiers that passed formal review (every stage's scoreboard is drawn from them). */
  passedDossiersOf(selection: Selection): Promise<Dossier[]> {
    return this.dossiers(selection.passedDossierIds);
  }

  /** The dossiers under expert review (empty before it starts). */
  reviewedDossiersOf(selection: Selection): Promise<Dossier[]> {
    return this.dossiers(selection.reviewDossierIds);
  }

  private dossiers(ids: readonly string[]): Promise<Dossier[]> {
    return this.directory.dossiersById(ids);
  }

  private async orNull<T>(read: Promise<{ value: T }>): Promise<T | null> {
    try {
      return (await read).value;
    } catch (error) {
      if (error instanceof DomainRefusal && error.kind === 'not-found') return null;
      throw error;
    }
  }
}
