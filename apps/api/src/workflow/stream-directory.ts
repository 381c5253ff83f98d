import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE } from '@app/event-store';
import type { EventStore, RecordedEvent } from '@app/event-store';
import { Dossier, DossierEvent, DossierState, dossierDecider } from '@app/domain/dossier';
import { ExpertEvent, ExpertState, RegisteredExpert, expertDecider } from '@app/domain/expert';
import { Selection, SelectionEvent, SelectionState, selectionDecider, selectionStreamOf } from '@app/domain/selection';
import { foldEvents } from '@app/domain/shared/decider';
import { refuse } from '@app/domain/shared/refusal';

export interface Versioned<T> {
  readonly value: T;
  /** The stream revision: the ETag a client sends back as If-Match. */
  readonly revision: bigint;
}

const asDomainEvent = <E>(event: RecordedEvent): E => ({ type: event.type, data: event.data }) as E;

/**
 * Reads aggregates straight from their streams: the facts a command decides on, and single aggregates
 * read for editing (their revision is the ETag). Lists fold every stream of a category, so only
 * commands use them; queries read the read models (@app/read-models).
 */
@Injectable()
export class StreamDirectory {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async selection(selectionId: string): Promise<Versioned<Selection>> {
    const events = await this.store.readStream(selectionStreamOf(selectionId));
    const state: SelectionState = foldEvents(selectionDecider, events.map(asDomainEvent<SelectionEvent>));
    if (state.phase === 'none') throw refuse('selection-not-found', `there is no selection "${selectionId}"`, 'not-found');
    return { value: state, revision: events[events.length - 1].revision };
  }

  async selections(): Promise<Selection[]> {
    return (await this.foldCategory<SelectionState>('selection', (events) => foldEvents(selectionDecider, events.map(asDomainEvent<SelectionEvent>))))
      .filter((state): state is Selection => state.phase !== 'none');
  }

  async dossier(dossierId: string): Promise<Versioned<Dossier>> {
    const events = await this.store.readStream(`dossier-${dossierId}`);
    const state: DossierState = foldEvents(dossierDecider, events.map(asDomainEvent<DossierEvent>));
    if (state.status === 'none') throw refuse('dossier-not-found', `there is no dossier "${dossierId}"`, 'not-found');
    return { value: state, revision: events[events.length - 1].revision };
  }

  async dossiers(filter: { selectionId?: string; applicantCreditCode?: string } = {}): Promise<Dossier[]> {
    const all = await this.foldCategory<DossierState>('dossier', (events) => foldEvents(dossierDecider, events.map(asDomainEvent<DossierEvent>)));
    return all.filter(
      (state): state is Dossier =>
        state.status !== 'none' &&
        (filter.selectionId === undefined || state.selectionId === filter.selectionId) &&
        (filter.applicantCreditCode === undefined || state.applicantCreditCode === filter.applicantCreditCode),
    );
  }

  async expert(expertId: string): Promise<Versioned<RegisteredExpert>> {
    const events = await this.store.readStream(`expert-${expertId}`);
    const state: ExpertState = foldEvents(expertDecider, events.map(asDomainEvent<ExpertEvent>));
    if (state.status === 'none') throw refuse('expert-not-found', `there is no expert "${expertId}"`, 'not-found');
    return { value: state, revision: events[events.length - 1].revision };
  }

  async experts(): Promise<RegisteredExpert[]> {
    const all = await this.foldCategory<ExpertState>('expert', (events) => foldEvents(expertDecider, events.map(asDomainEvent<ExpertEvent>)));
    return all.filter((state): state is RegisteredExpert => state.status !== 'none');
  }

  /**
   * Every stream of a category, folded. Listed from the stream index, not readAll, so a write is
   * visible the moment it was answered (readAll waits for older transactions anywhere on the server).
   */
  private async foldCategory<State>(category: string, fold: (events: RecordedEvent[]) => State): Promise<State[]> {
    const streams = await this.store.listStreams(category);
    const folded: State[] = [];
    for (const streamId of streams) folded.push(fold(await this.store.readStream(streamId)));
    return folded;
  }
}
