import type { EventMetadata } from '#domain/shared/domain-event';
import type { Plan } from '#domain/catalog/plan/plan.aggregate';

export interface PlanRepository {
  /** Versioned save with the recorded events. */
  save(plan: Plan, meta: EventMetadata): Promise<void>;
  findById(id: string): Promise<Plan | null>;
}
export const PlanRepository = Symbol('PlanRepository');
