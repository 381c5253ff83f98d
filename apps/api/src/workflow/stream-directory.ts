import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, SNAPSHOT_STORE, upToCut } from '@app/event-store';
import type { EventStore, HistoryCut, RecordedEvent, Snapshot, SnapshotStore } from '@app/event-store';
import { Dossier, DossierEvent, DossierState, dossierDecider } from '@app/domain/dossier';
import { CommitmentEvent, commitmentDecider, commitmentStreamOf, SignedDeclaration, signatureOf } from '@app/domain/commitments';
import { ExpertEvent, ExpertState, RegisteredExpert, expertDecider } from '@app/domain/expert';
import { SELECTION_FOLD, Selection, SelectionEvent, SelectionState, selectionDecider, selectionStreamOf } from '@app/domain/selection';
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
  /**
   * Folded selections by stream, keyed by the revision they were folded to: a read fetches only the
   * events after it (usually none), so a dossier command does not re-read the selection stream. Each
   * process keeps its own; a process that has none starts from the stored snapshot (es_snapshots).
   * Streams only grow, so a snapshot is never wrong, only behind.
   */
  private readonly selectionSnapshots = new Map<string, Snapshot<Selection> & { readonly version: number }>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SNAPSHOT_STORE) private readonly snapshots: SnapshotStore,
  ) {}

  async selection(selectionId: string): Promise<Versioned<Selection>> {
    const streamId = selectionStreamOf(selectionId);
    const key = { streamId, ...SELECTION_FOLD };
    const cached = this.selectionSnapshots.get(streamId);
    const snapshot = cached?.version === SELECTION_FOLD.version ? cached : await this.snapshots.load<Selection>(key);
    const tail = await this.store.readStream(streamId, snapshot ? { fromRevision: snapshot.revision + 1n } : {});
    if (snapshot && tail.length === 0) {
      if (!cached) this.selectionSnapshots.set(streamId, { ...snapshot, version: SELECTION_FOLD.version });
      return { value: snapshot.state, revision: snapshot.revision };
    }
    const state: SelectionState = tail.map(asDomainEvent<SelectionEvent>).reduce(selectionDecider.evolve, snapshot?.state ?? selectionDecider.initialState());
    if (state.phase === 'none') throw refuse('selection-not-found', `there is no selection "${selectionId}"`, 'not-found');
    const revision = tail[tail.length - 1].revision;
    this.selectionSnapshots.set(streamId, { version: SELECTION_FOLD.version, revision, state });
    await this.snapshots.save(key, { revision, state });
    return { value: state, revision };
  }

  /** The selection as it stood at the cut, folded from its stream's prefix (time travel; no snapshot). */
  async selectionAt(selectionId: string, cut: HistoryCut): Promise<Versioned<Selection>> {
    const events = upToCut(await this.store.readStream(selectionStreamOf(selectionId)), cut);
    const state: SelectionState = foldEvents(selectionDecider, events.map(asDomainEvent<SelectionEvent>));
    if (state.phase === 'none') throw refuse('selection-not-found', `there was no selection "${selectionId}" at that moment`, 'not-found');
    return { value: state, revision: events[events.length - 1].revision };
  }

  /** The dossier as it stood at the cut. */
  async dossierAt(dossierId: string, cut: HistoryCut): Promise<Versioned<Dossier>> {
    const events = upToCut(await this.store.readStream(`dossier-${dossierId}`), cut);
    const state: DossierState = foldEvents(dossierDecider, events.map(asDomainEvent<DossierEvent>));
    if (state.status === 'none') throw refuse('dossier-not-found', `there was no dossier "${dossierId}" at that moment`, 'not-found');
    return { value: state, revision: events[events.length - 1].revision };
  }

  /** Every dossier of one selection as it stood at the cut (batched reads, as dossiersOf). */
  async dossiersOfAt(selectionId: string, cut: HistoryCut): Promise<Dossier[]> {
    const streamIds = await this.store.listStreams('dossier', { prefix: `dossier-${selectionId}-` });
    const streams = await this.store.readStreams(streamIds);
    const dossiers: Dossier[] = [];
    for (const streamId of streamIds) {
      const events = upToCut(streams.get(streamId) ?? [], cut);
      const state: DossierState = foldEvents(dossierDecider, events.map(asDomainEvent<DossierEvent>));
      if (state.status !== 'none' && state.selectionId === selectionId) dossiers.push(state);
    }
    return dossiers;
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

  /**
   * Every dossier of one selection, read in batches: dossier ids are `{selectionId}-{8 hex}`, so the
   * streams are listed by prefix (never the whole category) and kept when they fold to this selection.
   */
  async dossiersOf(selectionId: string): Promise<Dossier[]> {
    const streamIds = await this.store.listStreams('dossier', { prefix: `dossier-${selectionId}-` });
    return (await this.foldDossiers(streamIds)).filter((dossier) => dossier.selectionId === selectionId);
  }

  /** The dossiers of these ids, in their order, in batched reads; ids with no dossier are left out. */
  async dossiersById(dossierIds: readonly string[]): Promise<Dossier[]> {
    return this.foldDossiers(dossierIds.map((dossierId) => `dossier-${dossierId}`));
  }

  private async foldDossiers(streamIds: readonly string[]): Promise<Dossier[]> {
    const streams = await this.store.readStreams(streamIds);
    const dossiers: Dossier[] = [];
    for (const streamId of streamIds) {
      const events = streams.get(streamId);
      if (!events) continue;
      const state: DossierState = foldEvents(dossierDecider, events.map(asDomainEvent<DossierEvent>));
      if (state.status !== 'none') dossiers.push(state);
    }
    return dossiers;
  }

  async expert(expertId: string): Promise<Versioned<RegisteredExpert>> {
    return expertOf(expertId, await this.store.readStream(`expert-${expertId}`));
  }

  /** The expert's signature of the selection's declaration (one event on its own stream), or null. */
  async signature(selectionId: string, expertId: string): Promise<SignedDeclaration | null> {
    return signatureIn(await this.store.readStream(commitmentStreamOf(selectionId, expertId)));
  }

  /** The experts of these ids (every expert stream when none are given), in batched reads. */
  async experts(expertIds?: readonly string[]): Promise<RegisteredExpert[]> {
    const streamIds = expertIds ? expertIds.map((expertId) => `expert-${expertId}`) : undefined;
    const all = await this.foldCategory<ExpertState>('expert', (events) => foldEvents(expertDecider, events.map(asDomainEvent<ExpertEvent>)), streamIds);
    return all.filter((state): state is RegisteredExpert => state.status !== 'none');
  }

  /**
   * Every stream of a category (or the given streams), folded, read in batches. Listed from the stream
   * index, not readAll, so a write is visible the moment it was answered (readAll waits for older
   * transactions anywhere on the server).
   */
  private async foldCategory<State>(category: string, fold: (events: RecordedEvent[]) => State, streamIds?: readonly string[]): Promise<State[]> {
    const ids = streamIds ?? (await this.store.listStreams(category));
    const streams = await this.store.readStreams(ids);
    return ids.flatMap((streamId) => {
      const events = streams.get(streamId);
      return events ? [fold(events)] : [];
    });
  }
}

function expertOf(expertId: string, events: readonly RecordedEvent[]): Versioned<RegisteredExpert> {
  const state: ExpertState = foldEvents(expertDecider, events.map(asDomainEvent<ExpertEvent>));
  return registeredExpertOf(expertId, { state, revision: events.length === 0 ? null : events[events.length - 1].revision });
}

/** The expert of a folded expert stream (a command's own load); 404 when there is none. */
export function registeredExpertOf(expertId: string, stream: { readonly state: ExpertState; readonly revision: bigint | null }): Versioned<RegisteredExpert> {
  const { state, revision } = stream;
  if (state.status === 'none' || revision === null) throw refuse('expert-not-found', `there is no expert "${expertId}"`, 'not-found');
  return { value: state, revision };
}

function signatureIn(events: readonly RecordedEvent[]): SignedDeclaration | null {
  return signatureOf(foldEvents(commitmentDecider, events.map(asDomainEvent<CommitmentEvent>)));
}
