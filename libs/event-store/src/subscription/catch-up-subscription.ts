import { ReadAllOptions, SubscribeOptions, Subscription } from '../event-store.port';
import { GlobalPosition, comparePositions, formatPosition } from '../global-position';
import { RecordedEvent } from '../recorded-event';
import { CheckpointStore } from './checkpoint-store';
import { WakeSignal } from './wake-signal';

export interface CatchUpSource {
  readAll(options: ReadAllOptions): Promise<RecordedEvent[]>;
  headPosition(options: { category?: string }): Promise<GlobalPosition | null>;
  readonly checkpoints: CheckpointStore;
  readonly wake: WakeSignal;
  readonly pollIntervalMs: number;
}

export class SubscriptionTimeoutError extends Error {
  constructor(target: GlobalPosition, reached: GlobalPosition | null, timeoutMs: number) {
    super(
      `the subscription did not reach position ${formatPosition(target)} within ${timeoutMs} ms ` +
        `(it is at ${reached ? formatPosition(reached) : 'the start'})`,
    );
    this.name = 'SubscriptionTimeoutError';
  }
}

interface PositionWaiter {
  target: GlobalPosition;
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * Reads the store from a checkpoint in batches, hands each batch to the handler, stores the
 * checkpoint after it, and when there is nothing left sleeps until woken or the poll interval ends.
 * Batches are handled one at a time, so a handler never sees an event twice or out of order.
 */
export class CatchUpSubscription implements Subscription {
  private current: GlobalPosition | null = null;
  private readonly stopping = new AbortController();
  private waiters: PositionWaiter[] = [];
  private failure: unknown = undefined;
  readonly done: Promise<void>;

  constructor(
    private readonly options: SubscribeOptions,
    private readonly source: CatchUpSource,
  ) {
    this.done = this.run();
    // The caller learns of failures through `done`, `waitFor` or onError; never an unhandled rejection.
    this.done.catch(() => undefined);
  }

  get position(): GlobalPosition | null {
    return this.current;
  }

  async caughtUp(): Promise<void> {
    const head = await this.source.headPosition({ category: this.options.category });
    if (head) await this.waitFor(head);
  }

  waitFor(target: GlobalPosition, timeoutMs = 30_000): Promise<void> {
    if (this.current && comparePositions(this.current, target) >= 0) return Promise.resolve();
    if (this.failure !== undefined) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      const waiter: PositionWaiter = { target, resolve, reject };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((other) => other !== waiter);
        reject(new SubscriptionTimeoutError(target, this.current, timeoutMs));
      }, timeoutMs);
      waiter.resolve = () => {
        clearTimeout(timer);
        resolve();
      };
      waiter.reject = (error) => {
        clearTimeout(timer);
        reject(error);
      };
      this.waiters.push(waiter);
    });
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    await this.done.catch(() => undefined);
  }

  private async run(): Promise<void> {
    const { subscriptionId, category } = this.options;
    const batchSize = this.options.batchSize ?? 500;
    try {
      this.current =
        this.options.after !== undefined
          ? this.options.after
          : subscriptionId
            ? await this.source.checkpoints.load(subscriptionId)
            : null;
      // While an append of this process is not yet readable, look again after 1, 2, 4 … ms (up to the
      // poll interval) rather than sleeping the whole interval: commands wait for their own events.
      let retryMs = 0;
      while (!this.stopping.signal.aborted) {
        const batch = await this.source.readAll({ after: this.current, maxCount: batchSize, category });
        if (batch.length === 0) {
          const appended = this.source.wake.latest;
          const behind = appended !== null && (this.current === null || comparePositions(this.current, appended) < 0);
          retryMs = behind ? Math.min(Math.max(1, retryMs * 2), this.source.pollIntervalMs) : 0;
          await this.source.wake.sleep(behind ? retryMs : this.source.pollIntervalMs, this.stopping.signal);
          continue;
        }
        retryMs = 0;
        await this.options.handle(batch);
        this.current = batch[batch.length - 1].position;
        if (subscriptionId) await this.source.checkpoints.save(subscriptionId, this.current);
        this.releaseWaiters();
      }
    } catch (error) {
      this.failure = error;
      for (const waiter of this.waiters) waiter.reject(error);
      this.waiters = [];
      this.options.onError?.(error);
      throw error;
    }
  }

  private releaseWaiters(): void {
    const reached = this.current;
    if (!reached) return;
    this.waiters = this.waiters.filter((waiter) => {
      if (comparePositions(reached, waiter.target) < 0) return true;
      waiter.resolve();
      return false;
    });
  }
}
