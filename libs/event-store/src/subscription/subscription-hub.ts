import { ReadAllOptions, SubscribeOptions, Subscription } from '../event-store.port';
import { GlobalPosition } from '../global-position';
import { RecordedEvent } from '../recorded-event';
import { CatchUpSubscription } from './catch-up-subscription';
import { CheckpointStore } from './checkpoint-store';
import { WakeSignal } from './wake-signal';

interface SubscriptionSource {
  readAll(options: ReadAllOptions): Promise<RecordedEvent[]>;
  headPosition(options: { category?: string }): Promise<GlobalPosition | null>;
}

/**
 * An adapter's live subscriptions: starts catch-up subscriptions on its reads, wakes them when the
 * adapter appends, and stops them all when it closes.
 */
export class SubscriptionHub {
  private readonly wake = new WakeSignal();
  private readonly live = new Set<Subscription>();

  constructor(
    private readonly source: SubscriptionSource,
    private readonly checkpoints: CheckpointStore,
    private readonly pollIntervalMs: number,
  ) {}

  subscribe(options: SubscribeOptions): Subscription {
    const subscription = new CatchUpSubscription(options, {
      readAll: (readOptions) => this.source.readAll(readOptions),
      headPosition: (headOptions) => this.source.headPosition(headOptions),
      checkpoints: this.checkpoints,
      wake: this.wake,
      pollIntervalMs: this.pollIntervalMs,
    });
    this.live.add(subscription);
    subscription.done.catch(() => undefined).finally(() => this.live.delete(subscription));
    return subscription;
  }

  /** Called after an append that wrote something (up to `position`, when known): in-process subscribers read at once. */
  appended(position?: GlobalPosition): void {
    this.wake.notify(position);
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.live].map((subscription) => subscription.stop()));
  }
}
