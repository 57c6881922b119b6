import { inject, injectable } from 'tsyringe';
import type { PlanSnapshot } from '#domain/catalog/plan/plan.aggregate';
import { PlanRepository } from '#domain/catalog/plan/plan.repository';
import type { ConcurrencyError } from '#domain/shared/domain-error';
import { NotFoundError } from '#application/shared/application-error';
import { Clock } from '#application/shared/ports/clock.port';
import type { UseCaseContext } from '#application/shared/use-case-context';

export type ArchivePlanErrors = NotFoundError | ConcurrencyError;

/** Admin: takes a plan out of sale (no new subscriptions; existing ones continue). Archiving twice is harmless. */
@injectable()
export class ArchivePlanUseCase {
  constructor(
    @inject(PlanRepository) private readonly plans: PlanRepository,
    @inject(Clock) private readonly clock: Clock,
  ) {}

  async execute(input: UseCaseContext & { readonly planId: string }): Promise<PlanSnapshot> {
    const plan = await this.plans.findById(input.planId);
    if (!plan) throw new NotFoundError('plan', input.planId);
    plan.archive(await this.clock.now());
    await this.plans.save(plan, input);
    return plan.toSnapshot();
  }
}
