export type DependencyState = 'up' | 'down';

/** Pings the process's backing services (API.md `/health/ready`: each with a 1 s timeout). */
export interface ReadinessProbe {
  check(): Promise<{ mongodb: DependencyState; redis: DependencyState }>;
}
export const ReadinessProbe = Symbol('ReadinessProbe');
