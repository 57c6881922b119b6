import type { Redis } from 'ioredis';
import type { LoginAttemptKey, LoginThrottle, LoginThrottleLimits, ThrottleDecision } from '#application/identity/ports/login-throttle.port';

/** Adds one failure to each key; the window (PEXPIRE) starts with a key's first failure and is never extended. */
const RECORD_FAILURE = `
for _, key in ipairs(KEYS) do
  redis.call('INCR', key)
  if redis.call('PTTL', key) < 0 then redis.call('PEXPIRE', key, ARGV[1]) end
end
return 1`;

/**
 * Failed-login counters in Redis (API.md "Auth"), shared by every API process: one per e-mail and one per client
 * address under REDIS_KEY_PREFIX, each a fixed window of LOGIN_WINDOW_MS from its first failure. A key at its
 * limit refuses every attempt until it expires; Retry-After is its remaining time.
 */
export class RedisLoginThrottle implements LoginThrottle {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly limits: LoginThrottleLimits,
  ) {}

  async check(key: LoginAttemptKey): Promise<ThrottleDecision> {
    const { email, address } = this.keysOf(key);
    const results = await this.redis.pipeline().get(email).pttl(email).get(address).pttl(address).exec();
    const values = (results ?? []).map(([error, value]) => {
      if (error) throw error;
      return value;
    });
    const [emailCount, emailTtl, addressCount, addressTtl] = values as [string | null, number, string | null, number];
    let retryAfterMs = 0;
    if (Number(emailCount ?? 0) >= this.limits.maxFailsEmail) retryAfterMs = Math.max(retryAfterMs, remaining(emailTtl, this.limits.windowMs));
    if (Number(addressCount ?? 0) >= this.limits.maxFailsAddress) retryAfterMs = Math.max(retryAfterMs, remaining(addressTtl, this.limits.windowMs));
    return retryAfterMs > 0 ? { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) } : { allowed: true };
  }

  async recordFailure(key: LoginAttemptKey): Promise<void> {
    const { email, address } = this.keysOf(key);
    await this.redis.eval(RECORD_FAILURE, 2, email, address, String(this.limits.windowMs));
  }

  async recordSuccess(key: LoginAttemptKey): Promise<void> {
    await this.redis.del(this.keysOf(key).email);
  }

  private keysOf(key: LoginAttemptKey): { email: string; address: string } {
    return {
      email: `${this.prefix}:login-fails:email:${key.email}`,
      address: `${this.prefix}:login-fails:address:${key.address}`,
    };
  }
}

/** PTTL is -2 for a key that just expired and -1 for one without expiry (the script never leaves one). */
function remaining(pttl: number, windowMs: number): number {
  if (pttl === -2) return 0;
  return pttl < 0 ? windowMs : pttl;
}
