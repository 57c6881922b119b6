import type { LoginAttemptKey, LoginThrottle, LoginThrottleLimits, ThrottleDecision } from '#application/identity/ports/login-throttle.port';

/**
 * The in-memory counterpart of RedisLoginThrottle: fixed windows that start at the first failure. `now` is
 * injectable so tests can move past the window.
 */
export class InMemoryLoginThrottle implements LoginThrottle {
  readonly #counters = new Map<string, { count: number; resetAt: number }>();

  constructor(
    private readonly limits: LoginThrottleLimits,
    private readonly now: () => number = Date.now,
  ) {}

  async check(key: LoginAttemptKey): Promise<ThrottleDecision> {
    let retryAfterMs = 0;
    for (const [counter, max] of this.countersOf(key)) {
      const live = this.live(counter);
      if (live && live.count >= max) retryAfterMs = Math.max(retryAfterMs, live.resetAt - this.now());
    }
    return retryAfterMs > 0 ? { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) } : { allowed: true };
  }

  async recordFailure(key: LoginAttemptKey): Promise<void> {
    for (const [counter] of this.countersOf(key)) {
      const live = this.live(counter);
      if (live) live.count += 1;
      else this.#counters.set(counter, { count: 1, resetAt: this.now() + this.limits.windowMs });
    }
  }

  async recordSuccess(key: LoginAttemptKey): Promise<void> {
    this.#counters.delete(`email:${key.email}`);
  }

  private countersOf(key: LoginAttemptKey): Array<[string, number]> {
    return [
      [`email:${key.email}`, this.limits.maxFailsEmail],
      [`address:${key.address}`, this.limits.maxFailsAddress],
    ];
  }

  private live(counter: string): { count: number; resetAt: number } | undefined {
    const entry = this.#counters.get(counter);
    return entry && entry.resetAt > this.now() ? entry : undefined;
  }
}
