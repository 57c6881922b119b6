import { inject, injectable } from 'tsyringe';
import { Subscription, type SubscriptionSnapshot } from '#domain/subscriptions/subscription/subscription.aggregate';
import type { InvalidSubscriptionError } from '#domain/subscriptions/subscription/subscription.errors';
import { SubscriptionRepository } from '#domain/subscriptions/subscription/subscription.repository';
import { isPaymentMethod } from '#application/billing/ports/payment-gateway.port';
import { CatalogLookup } from '#application/catalog/ports/catalog-lookup.port';
import { ConflictError, NotFoundError, ValidationError } from '#application/shared/application-error';
import { Clock } from '#application/shared/ports/clock.port';
import { IdGenerator } from '#application/shared/ports/id-generator.port';
import type { Caller, UseCaseContext } from '#application/shared/use-case-context';

export interface CreateSubscriptionInput extends UseCaseContext {
  readonly caller: Caller;
  readonly planId: string;
  readonly productId: string;
  readonly quantity: number;
  readonly paymentMethod: string;
}

export type CreateSubscriptionErrors = NotFoundError | ConflictError | ValidationError | InvalidSubscriptionError;

/**
 * Subscribes the caller to a product on a plan, copying the plan's terms. Without a trial the subscription is due at
 * once: its creation event starts billing through the outbox (the scan is only the safety net).
 */
@injectable()
export class CreateSubscriptionUseCase {
  constructor(
    @inject(SubscriptionRepository) private readonly subscriptions: SubscriptionRepository,
    @inject(CatalogLookup) private readonly catalog: CatalogLookup,
    @inject(IdGenerator) private readonly ids: IdGenerator,
    @inject(Clock) private readonly clock: Clock,
  ) {}

  async execute(input: CreateSubscriptionInput): Promise<SubscriptionSnapshot> {
    if (!isPaymentMethod(input.paymentMethod)) throw new ValidationError(`unknown payment method ${input.paymentMethod}`, 'paymentMethod');
    const [plan, product] = await Promise.all([this.catalog.findPlan(input.planId), this.catalog.findProduct(input.productId)]);
    if (!plan) throw new NotFoundError('plan', input.planId);
    if (!product) throw new NotFoundError('product', input.productId);
    if (!plan.active) throw new ConflictError('The plan is archived: no new subscriptions.', { planId: plan.id });
    if (!product.active) throw new ConflictError('The product is archived: no new subscriptions.', { productId: product.id });
    const subscription = Subscription.create({
      id: this.ids.next(),
      userId: input.caller.userId,
      planId: plan.id,
      productId: product.id,
      quantity: input.quantity,
      paymentMethod: input.paymentMethod,
      terms: { amount: plan.amount, currency: plan.currency, interval: plan.interval, intervalCount: plan.intervalCount, trialDays: plan.trialDays },
      now: await this.clock.now(),
    });
    await this.subscriptions.save(subscription, input);
    return subscription.toSnapshot();
  }
}
