import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE } from '@app/event-store';
import type { EventStore } from '@app/event-store';
import { FutureScenariosEvent, futureScenariosDecider, futureScenariosStreamOf, PublishedFutureScenarios } from '@app/domain/future-scenarios';
import { foldEvents } from '@app/domain/shared/decider';
import { refuse } from '@app/domain/shared/refusal';

/** The newest version of a year's list, folded from its stream, with the stream revision for the ETag. */
@Injectable()
export class FutureScenariosReads {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async published(year: number): Promise<{ value: PublishedFutureScenarios; revision: bigint }> {
    const events = await this.store.readStream(futureScenariosStreamOf(year));
    const state = foldEvents(futureScenariosDecider, events.map((event) => ({ type: event.type, data: event.data }) as FutureScenariosEvent));
    if (state.status === 'none') throw refuse('future-scenarios-not-found', `no future scenarios are published for ${year}`, 'not-found');
    return { value: state, revision: events[events.length - 1].revision };
  }
}
