/** The time commands are decided at; injected so tests can walk a whole year in seconds. */
export const CLOCK = Symbol('CLOCK');

export interface Clock {
  /** ISO-8601 instant. */
  now(): string;
}

export const systemClock: Clock = { now: () => new Date().toISOString() };

/** A clock a test (or the demo replay) sets by hand; the demo hands it back to the system clock when it serves. */
export class SettableClock implements Clock {
  private followingSystem = false;

  constructor(private instant: string) {}

  now(): string {
    return this.followingSystem ? systemClock.now() : this.instant;
  }

  set(instant: string): void {
    this.followingSystem = false;
    this.instant = new Date(instant).toISOString();
  }

  /** From now on the time is the system's (the demo replay is over and people use the app). */
  followSystem(): void {
    this.followingSystem = true;
  }
}
