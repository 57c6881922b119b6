import { inject, injectable } from 'tsyringe';
import type { PlanSnapshot } from '#domain/catalog/plan/plan.aggregate';
import { PlanRepository } from '#domain/catalog/plan/plan.repository';
import { NotFoundError } from '#application/shared/application-error';

export type GetPlanErrors = NotFoundError;

@injectable()
export class GetPlanUseCase {
  constructor(@inject(PlanRepository) private readonly plans: PlanRepository) {}

  async execute(input: { readonly planId: string }): Promise<PlanSnapshot> {
    const plan = await this.plans.findById(input.planId);
    if (!plan) throw new NotFoundError('plan', input.planId);
    return plan.toSnapshot();
  }
}
