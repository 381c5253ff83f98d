import { HttpException, Inject, Injectable } from '@nestjs/common';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { APP_CONFIG } from '@app/platform';
import type { AppConfig } from '@app/platform';

/** 429 with Retry-After (the error filter sets the header). */
export class TooManyAttemptsError extends HttpException {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message, 429);
  }
}

/**
 * Brute-force protection for sign-in and self-registration, with rate-limiter-flexible's counters:
 * failed sign-ins are counted per username and per client address in a window; once either reaches
 * its limit it is locked for LOGIN_LOCKOUT_SECONDS (an admin can lift an account's lock earlier). A
 * successful sign-in clears its username's count. Registrations are counted per address per hour.
 *
 * The counters live in this process: with several API processes each keeps its own, so the limits
 * hold per process (README, "Security").
 */
@Injectable()
export class SignInThrottle {
  private readonly perAccount: RateLimiterMemory;
  private readonly perAddress: RateLimiterMemory;
  private readonly registrations: RateLimiterMemory;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.perAccount = new RateLimiterMemory({ keyPrefix: 'login-account', points: config.LOGIN_MAX_FAILURES_PER_ACCOUNT, duration: config.LOGIN_WINDOW_SECONDS });
    this.perAddress = new RateLimiterMemory({ keyPrefix: 'login-address', points: config.LOGIN_MAX_FAILURES_PER_ADDRESS, duration: config.LOGIN_WINDOW_SECONDS });
    this.registrations = new RateLimiterMemory({
      keyPrefix: 'registration-address',
      points: config.REGISTRATIONS_PER_ADDRESS_PER_HOUR,
      duration: 3600,
    });
  }

  /** Refuses (429) while the username or the address is locked. */
  async assertMayTry(username: string, address: string): Promise<void> {
    const [account, from] = await Promise.all([this.perAccount.get(keyOf(username)), this.perAddress.get(address)]);
    const locked = [
      [account, this.config.LOGIN_MAX_FAILURES_PER_ACCOUNT],
      [from, this.config.LOGIN_MAX_FAILURES_PER_ADDRESS],
    ].filter(([state, limit]) => state !== null && (state as RateLimiterRes).consumedPoints > (limit as number));
    if (locked.length > 0) {
      const waitMs = Math.max(...locked.map(([state]) => (state as RateLimiterRes).msBeforeNext));
      const seconds = Math.max(1, Math.ceil(waitMs / 1000));
      throw new TooManyAttemptsError(
        `too many failed sign-ins; try again in ${Math.ceil(seconds / 60)} minute(s), or ask an administrator to lift the lock`,
        seconds,
      );
    }
  }

  async failed(username: string, address: string): Promise<void> {
    await Promise.all([
      this.count(this.perAccount, keyOf(username), this.config.LOGIN_MAX_FAILURES_PER_ACCOUNT),
      this.count(this.perAddress, address, this.config.LOGIN_MAX_FAILURES_PER_ADDRESS),
    ]);
  }

  async succeeded(username: string): Promise<void> {
    await this.perAccount.delete(keyOf(username));
  }

  /** Lifts the lock of a username (admin). Returns whether there was anything to lift. */
  async lift(username: string): Promise<boolean> {
    return this.perAccount.delete(keyOf(username));
  }

  /** Lifts the lock of a client address (admin). */
  async liftAddress(address: string): Promise<boolean> {
    return this.perAddress.delete(address);
  }

  /** Counts a self-registration from this address; 429 past the hourly limit. */
  async registration(address: string): Promise<void> {
    try {
      await this.registrations.consume(address);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      throw new TooManyAttemptsError(`too many registrations from your address; try again in ${Math.ceil(seconds / 60)} minute(s)`, seconds);
    }
  }

  private async count(limiter: RateLimiterMemory, key: string, limit: number): Promise<void> {
    try {
      const state = await limiter.consume(key);
      if (state.consumedPoints >= limit) await limiter.block(key, this.config.LOGIN_LOCKOUT_SECONDS);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      await limiter.block(key, this.config.LOGIN_LOCKOUT_SECONDS);
    }
  }
}

function keyOf(username: string): string {
  return username.trim().toLowerCase();
}
