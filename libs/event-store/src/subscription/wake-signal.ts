import { GlobalPosition, comparePositions } from '../global-position';

/**
 * Wakes sleeping pollers at once when this process appends, so in-process subscribers follow live
 * writes without waiting for the poll interval (and without LISTEN/NOTIFY, which PGlite lacks). It
 * also keeps the furthest position this process has appended: a poller that has not reached it knows
 * an event is on its way (committed, but held back from readAll by an older open transaction, or
 * appended while it was reading) and looks again soon instead of sleeping the whole interval.
 */
export class WakeSignal {
  private waiters = new Set<() => void>();
  private appended: GlobalPosition | null = null;

  /** The furthest position appended by this process, when the adapter knows it. */
  get latest(): GlobalPosition | null {
    return this.appended;
  }

  notify(position?: GlobalPosition): void {
    if (position && (this.appended === null || comparePositions(position, this.appended) > 0)) this.appended = position;
    const waiters = this.waiters;
    this.waiters = new Set();
    for (const wake of waiters) wake();
  }

  /** Resolves on the next notify, after `timeoutMs`, or when `abort` fires, whichever comes first. */
  sleep(timeoutMs: number, abort: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      // Stopped while it was reading: an abort that already fired never calls its listener.
      if (abort.aborted) return resolve();
      const done = () => {
        clearTimeout(timer);
        abort.removeEventListener('abort', done);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      abort.addEventListener('abort', done, { once: true });
      this.waiters.add(done);
    });
  }
}
