/** The time commands are decided at; injected so tests can walk a whole year in seconds. */
export const CLOCK = Symbol('CLOCK');

export interface Clock {
  /** ISO-8601 instant. */
  now(): string;
}

export const systemClock: Clock = { now: () => new Date().toISOString() };

/** A clock a test (or the demo replay) sets by hand. */
export class SettableClock implements Clock {
  constructor(private instant: string) {}

  now(): string {
    return this.instant;
  }

  set(instant: string): void {
    this.instant = new Date(instant).toISOString();
  }
}
