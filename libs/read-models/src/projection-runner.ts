import type { DataSource } from 'typeorm';
import type { EventStore, GlobalPosition, RecordedEvent, Subscription } from '@app/event-store';
import { categoryOf, comparePositions, formatPosition, isAfter } from '@app/event-store';
import type { Projection, ProjectionMemory } from './projection';
import { ProjectionCheckpoint, advanceCheckpoints, loadCheckpoint, loadCheckpoints, saveCheckpoint, saveCheckpoints } from './projection-checkpoints';

export interface ProjectionRunnerOptions {
  /** Events per transaction. Default 500. */
  readonly batchSize?: number;
  /** Pause before resuming after a failed batch. Default 1000 ms. */
  readonly retryDelayMs?: number;
  readonly log?: (line: string) => void;
  /** Called after every committed batch (the rebuild CLI draws its progress line from it). */
  readonly onBatch?: (events: readonly RecordedEvent[]) => void;
}

/** How often catchUp looks again while commits before the head are still behind the read horizon. */
const HORIZON_POLL_MS = 20;
/** How often a long wait for the read horizon says so. */
const HORIZON_WAIT_REPORT_MS = 5_000;

interface Waiter {
  readonly target: GlobalPosition;
  readonly resolve: (reached: boolean) => void;
  /** A batch was committed short of the target: the stall clock starts again. */
  readonly progressed: () => void;
}

/**
 * Feeds every projection from one subscription to the store, one transaction per batch: each
 * projection gets the batch's events past its own checkpoint, then its checkpoint moves to the end of
 * the batch in the same transaction. A failed batch rolls back whole and is retried from the
 * checkpoints, so nothing is lost or applied twice.
 */
export class ProjectionRunner {
  private subscription: Subscription | null = null;
  private current: GlobalPosition | null = null;
  private waiters: Waiter[] = [];
  private stopped = true;
  private retryTimer: NodeJS.Timeout | null = null;
  private readonly log: (line: string) => void;
  /**
   * Where this runner's last commit left every checkpoint it moved. While a projection's checkpoint is
   * still there (and at its version), nothing else wrote its rows since: the next batch moves it in one
   * statement and the projection may trust its memory.
   */
  private continuity: GlobalPosition | null = null;
  /** Each projection's ProjectionMemory, by name. */
  private readonly memories = new Map<string, ProjectionMemory>();

  constructor(
    private readonly store: EventStore,
    private readonly dataSource: DataSource,
    readonly projections: readonly Projection[],
    private readonly options: ProjectionRunnerOptions = {},
  ) {
    const names = new Set(projections.map((projection) => projection.name));
    if (names.size !== projections.length) throw new Error('projection names must be unique');
    this.log = options.log ?? (() => undefined);
  }

  get running(): boolean {
    return !this.stopped;
  }

  /** The end of the last committed batch. */
  get position(): GlobalPosition | null {
    return this.current;
  }

  /** Rebuilds projections whose version changed, then follows the store until stopped. */
  async start(): Promise<void> {
    if (!this.stopped) return;
    this.stopped = false;
    try {
      await this.rebuildChangedVersions();
      await this.subscribe();
    } catch (error) {
      this.stopped = true;
      throw error;
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const subscription = this.subscription;
    this.subscription = null;
    await subscription?.stop();
    for (const waiter of this.waiters) waiter.resolve(false);
    this.waiters = [];
  }

  /**
   * Resolves true once every projection has passed `position`, false when no batch was committed for
   * `stallMs`. The wait grows with the work ahead of the position (a plan's 32,000 events take many
   * batches, each restarting the clock) but never outlasts a projector that stopped moving.
   */
  waitFor(position: GlobalPosition, stallMs: number): Promise<boolean> {
    if (this.current && comparePositions(this.current, position) >= 0) return Promise.resolve(true);
    if (this.stopped) return Promise.resolve(false);
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout;
      const giveUp = () => {
        this.waiters = this.waiters.filter((other) => other !== waiter);
        resolve(false);
      };
      const waiter: Waiter = {
        target: position,
        resolve: (reached) => {
          clearTimeout(timer);
          resolve(reached);
        },
        progressed: () => {
          clearTimeout(timer);
          timer = setTimeout(giveUp, stallMs);
        },
      };
      timer = setTimeout(giveUp, stallMs);
      this.waiters.push(waiter);
    });
  }

  /** Empties the projections' tables and resets their checkpoints in one transaction (all when no names). */
  async reset(names?: readonly string[]): Promise<void> {
    const chosen = names && names.length > 0 ? this.projections.filter((projection) => names.includes(projection.name)) : this.projections;
    const unknown = (names ?? []).filter((name) => !this.projections.some((projection) => projection.name === name));
    if (unknown.length > 0) throw new Error(`no projection named ${unknown.join(', ')}; known: ${this.projections.map((p) => p.name).join(', ')}`);
    await this.dataSource.transaction(async (manager) => {
      for (const projection of chosen) {
        if (projection.tables.length > 0) await manager.query(`TRUNCATE ${projection.tables.join(', ')}`);
        await saveCheckpoint(manager, { name: projection.name, version: projection.version, position: null });
      }
    });
    this.forget();
    this.current = null;
  }

  /**
   * Handles every event up to the head as it is now, without subscribing (the rebuild CLI, tests). An
   * older transaction anywhere on the server holds the last commits behind the store's read horizon
   * (readAll returns nothing past it); catchUp waits for them instead of stopping short of the head.
   */
  async catchUp(): Promise<void> {
    const batchSize = this.options.batchSize ?? 500;
    const head = await this.store.headPosition();
    let after = await this.lowestCheckpoint();
    let waitedMs = 0;
    while (head && !(after && comparePositions(after, head) >= 0)) {
      const events = await this.store.readAll({ after, maxCount: batchSize });
      if (events.length === 0) {
        // Unbounded on purpose (stopping short would leave the read models behind), but never silent:
        // a session left idle in a transaction holds the horizon until the server ends it.
        waitedMs += HORIZON_POLL_MS;
        if (waitedMs % HORIZON_WAIT_REPORT_MS === 0) {
          this.log(`projections: still waiting after ${waitedMs / 1000} s for older transactions on the database to end before ${formatPosition(head)} can be read (see idle_in_transaction_session_timeout)`);
        }
        await new Promise((resolve) => setTimeout(resolve, HORIZON_POLL_MS));
        continue;
      }
      waitedMs = 0;
      await this.handleBatch(events);
      after = events[events.length - 1].position;
    }
  }

  /** One batch, one transaction: rows and checkpoints commit together. */
  async handleBatch(events: readonly RecordedEvent[]): Promise<void> {
    if (events.length === 0) return;
    const end = events[events.length - 1].position;
    const from = this.continuity && isAfter(events[0].position, this.continuity) ? this.continuity : null;
    try {
      await this.dataSource.transaction(async (manager) => {
        // The batch after this runner's own: every checkpoint moved (and locked) in one statement. The
        // others — the first batch, a projection someone else moved — are read, locked and written
        // again at the end, as many as they are, in one statement each way.
        const advanced = from ? await advanceCheckpoints(manager, this.projections, from, end) : new Set<string>();
        const others = this.projections.filter((projection) => !advanced.has(projection.name));
        const checkpoints = others.length > 0 ? await loadCheckpoints(manager, others.map((projection) => projection.name), true) : new Map<string, ProjectionCheckpoint>();
        const moved: ProjectionCheckpoint[] = [];
        for (const projection of this.projections) {
          const continued = advanced.has(projection.name);
          const after = continued ? from : (checkpoints.get(projection.name)?.position ?? null);
          if (!continued) this.memoryOf(projection).clear();
          if (after && comparePositions(after, end) >= 0) continue;
          const categories = projection.categories;
          const fresh = events.filter(
            (event) => isAfter(event.position, after) && (!categories || categories.includes(categoryOf(event.streamId))),
          );
          if (fresh.length > 0) await projection.handle(fresh, manager, this.memoryOf(projection));
          if (!continued) moved.push({ name: projection.name, version: projection.version, position: end });
        }
        await saveCheckpoints(manager, moved);
      });
    } catch (error) {
      // What the projections remembered of this batch was rolled back with it.
      this.forget();
      throw error;
    }
    this.continuity = end;
    this.current = end;
    this.options.onBatch?.(events);
    this.releaseWaiters();
  }

  private memoryOf(projection: Projection): ProjectionMemory {
    let memory = this.memories.get(projection.name);
    if (!memory) {
      memory = new Map();
      this.memories.set(projection.name, memory);
    }
    return memory;
  }

  /** Drops every projection's memory and the continuity: the next batch reads its checkpoints. */
  private forget(): void {
    this.continuity = null;
    this.memories.clear();
  }

  private async rebuildChangedVersions(): Promise<void> {
    const stale: string[] = [];
    for (const projection of this.projections) {
      const checkpoint = await loadCheckpoint(this.dataSource.manager, projection.name);
      if (checkpoint && checkpoint.version !== projection.version) {
        this.log(`projection ${projection.name}: version ${checkpoint.version} → ${projection.version}, rebuilding from zero`);
        stale.push(projection.name);
      }
    }
    if (stale.length > 0) await this.reset(stale);
  }

  /** The earliest checkpoint: the subscription starts there and each projection skips what it has. */
  private async lowestCheckpoint(): Promise<GlobalPosition | null> {
    let lowest: GlobalPosition | null = null;
    for (const projection of this.projections) {
      const checkpoint = await loadCheckpoint(this.dataSource.manager, projection.name);
      if (!checkpoint?.position) return null;
      if (lowest === null || comparePositions(checkpoint.position, lowest) < 0) lowest = checkpoint.position;
    }
    return lowest;
  }

  private async subscribe(): Promise<void> {
    const after = await this.lowestCheckpoint();
    if (this.stopped) return;
    this.current = after;
    const subscription = this.store.subscribe({
      after,
      batchSize: this.options.batchSize ?? 500,
      handle: (events) => this.handleBatch(events),
    });
    this.subscription = subscription;
    subscription.done.catch((error: unknown) => {
      if (this.stopped || this.subscription !== subscription) return;
      this.subscription = null;
      this.resumeLater(error);
    });
  }

  /** After a failed batch (rolled back whole) or a failed restart: try again from the checkpoints. */
  private resumeLater(error: unknown): void {
    const delay = this.options.retryDelayMs ?? 1000;
    this.log(`projector: ${error instanceof Error ? error.message : String(error)}; resuming from the checkpoints in ${delay} ms`);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.stopped) return;
      this.subscribe().catch((retryError: unknown) => this.resumeLater(retryError));
    }, delay);
  }

  private releaseWaiters(): void {
    const reached = this.current;
    if (!reached) return;
    this.waiters = this.waiters.filter((waiter) => {
      if (comparePositions(reached, waiter.target) >= 0) {
        waiter.resolve(true);
        return false;
      }
      waiter.progressed();
      return true;
    });
  }
}
