import type { Redis } from 'ioredis';
import type { Clock, SimulationClockControl } from '#application/shared/ports/clock.port';

/** At most ten years per advance (DESIGN.md D1): ten average Gregorian-calendar years of 365.25 days, 315,576,000 s. */
export const MAX_CLOCK_ADVANCE_MS = 10 * 365.25 * 86_400_000;

/**
 * Business time for SIMULATION_CLOCK=true: real time plus an integer offset in Redis, shared by every process and
 * only ever increased (`INCRBY`), so business time never goes backwards (DESIGN.md D1).
 */
export class RedisSimulationClock implements Clock, SimulationClockControl {
  readonly simulated = true;
  readonly #key: string;

  constructor(private readonly redis: Redis, keyPrefix: string) {
    this.#key = `${keyPrefix}:clock:offset-ms`;
  }

  async now(): Promise<Date> {
    const offset = Number((await this.redis.get(this.#key)) ?? 0);
    return new Date(Date.now() + offset);
  }

  async advance(milliseconds: number): Promise<Date> {
    if (!Number.isSafeInteger(milliseconds) || milliseconds <= 0 || milliseconds > MAX_CLOCK_ADVANCE_MS) {
      throw new RangeError('advance must be a positive integer of milliseconds, at most ten years');
    }
    const offset = await this.redis.incrby(this.#key, milliseconds);
    return new Date(Date.now() + offset);
  }
}

/** SIMULATION_CLOCK=false: the control exists so `GET /admin/clock` can say so, but it cannot move time. */
export class DisabledSimulationClock implements SimulationClockControl {
  readonly simulated = false;
  async advance(): Promise<Date> {
    throw new Error('the simulation clock is disabled');
  }
}
