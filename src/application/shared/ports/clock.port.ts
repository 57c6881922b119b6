/**
 * Business time (DESIGN.md D1). Read once per request or job and pass the value down; with
 * SIMULATION_CLOCK=true it is real time plus an offset shared by every process through Redis.
 */
export interface Clock {
  now(): Promise<Date>;
}
export const Clock = Symbol('Clock');

/** Moves the simulated clock forward (admin clock endpoints). Only bound when the simulation is on. */
export interface SimulationClockControl {
  readonly simulated: boolean;
  advance(milliseconds: number): Promise<Date>;
}
export const SimulationClockControl = Symbol('SimulationClockControl');
