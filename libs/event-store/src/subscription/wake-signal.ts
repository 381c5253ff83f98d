/**
 * Wakes sleeping pollers at once when this process appends, so in-process subscribers follow live
 * writes without waiting for the poll interval (and without LISTEN/NOTIFY, which PGlite lacks).
 */
export class WakeSignal {
  private waiters = new Set<() => void>();

  notify(): void {
    const waiters = this.waiters;
    this.waiters = new Set();
    for (const wake of waiters) wake();
  }

  /** Resolves on the next notify, after `timeoutMs`, or when `abort` fires, whichever comes first. */
  sleep(timeoutMs: number, abort: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
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
