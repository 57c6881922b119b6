import type { DomainEvent } from '#domain/shared/domain-event';

export const PLAN_CREATED = 'catalog.plan.created';
export const PLAN_ARCHIVED = 'catalog.plan.archived';

export type PlanCreatedEvent = DomainEvent<{
  name: string;
  amount: number;
  currency: string;
  interval: 'day' | 'week' | 'month' | 'year';
  intervalCount: number;
  trialDays: number;
}>;
export type PlanArchivedEvent = DomainEvent<{ name: string }>;
