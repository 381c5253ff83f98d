import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, Not, IsNull } from 'typeorm';
import type { Dossier } from '@app/domain/dossier';
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
  ) {}

  async experts(): Promise<RegisteredExpert[]> {
    const fromStreams = (await this.directory.experts()).map((expert) => expert.expertId);
    const fromAccounts = (await this.dataSource.getRepository(Account).findBy({ role: 'expert', expertId: Not(IsNull()) }))
      .map((account) => account.expertId as string);
    const ids = [...new Set([...fromStreams, ...fromAccounts])];
    const experts = await Promise.all(ids.map((id) => this.orNull(this.directory.expert(id))));
    return experts.filter((expert): expert is RegisteredExpert => expert !== null).sort((a, b) => a.expertId.localeCompare(b.expertId));
  }

  async selections(): Promise<Selection[]> {
    const ids = (await this.directory.selections()).map((selection) => selection.selectionId);
    return (await Promise.all(ids.map((id) => this.orNull(this.directory.selection(id))))).filter((s): s is Selection => s !== null);
  }

  /** The dossiers that passed formal review (the candidates for expert review). */
  passedDossiersOf(selection: Selection): Promise<Dossier[]> {
    return this.dossiers(selection.passedDossierIds);
  }

  /** The dossiers under expert review (empty before it starts). */
  reviewedDossiersOf(selection: Selection): Promise<Dossier[]> {
    return this.dossiers(selection.reviewDossierIds);
  }

  private async dossiers(ids: readonly string[]): Promise<Dossier[]> {
    return (await Promise.all(ids.map((id) => this.orNull(this.directory.dossier(id))))).filter((d): d is Dossier => d !== null);
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
