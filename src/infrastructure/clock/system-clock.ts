import { injectable } from 'tsyringe';
import type { Clock } from '#application/shared/ports/clock.port';

/** Business time = real time (SIMULATION_CLOCK=false, the production setting). */
@injectable()
export class SystemClock implements Clock {
  async now(): Promise<Date> {
    return new Date();
  }
}
