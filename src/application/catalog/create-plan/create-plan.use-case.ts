import { inject, injectable } from 'tsyringe';
import { Plan, type PlanInterval, type PlanSnapshot } from '#domain/catalog/plan/plan.aggregate';
import type { InvalidPlanError } from '#domain/catalog/plan/plan.errors';
import { PlanRepository } from '#domain/catalog/plan/plan.repository';
import { Clock } from '#application/shared/ports/clock.port';
import { IdGenerator } from '#application/shared/ports/id-generator.port';
import type { UseCaseContext } from '#application/shared/use-case-context';

export interface CreatePlanInput extends UseCaseContext {
  readonly name: string;
  readonly amount: number;
  readonly currency: string;
  readonly interval: PlanInterval;
  readonly intervalCount?: number;
  readonly trialDays?: number;
}

export type CreatePlanErrors = InvalidPlanError;

/** Admin: adds a plan. Plans never change afterwards; a new price is a new plan. */
@injectable()
export class CreatePlanUseCase {
  constructor(
    @inject(PlanRepository) private readonly plans: PlanRepository,
    @inject(IdGenerator) private readonly ids: IdGenerator,
    @inject(Clock) private readonly clock: Clock,
  ) {}

  async execute(input: CreatePlanInput): Promise<PlanSnapshot> {
    const { actor: _actor, correlationId: _correlationId, ...fields } = input;
    const plan = Plan.create({ ...fields, id: this.ids.next(), now: await this.clock.now() });
    await this.plans.save(plan, input);
    return plan.toSnapshot();
  }
}
