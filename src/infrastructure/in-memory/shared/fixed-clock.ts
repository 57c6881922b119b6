import type { Clock, SimulationClockControl } from '#application/shared/ports/clock.port';

/** A clock tests set and move by hand. */
export class FixedClock implements Clock, SimulationClockControl {
  readonly simulated = true;
  #now: Date;

  constructor(start: Date | string = '2026-01-31T10:00:00.000Z') {
    this.#now = new Date(start);
  }

  async now(): Promise<Date> {
    return new Date(this.#now);
  }

  set(to: Date | string): void {
    this.#now = new Date(to);
  }

  async advance(milliseconds: number): Promise<Date> {
    this.#now = new Date(this.#now.getTime() + milliseconds);
    return new Date(this.#now);
  }
}
