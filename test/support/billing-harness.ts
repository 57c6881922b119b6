import { container as rootContainer, type DependencyContainer } from 'tsyringe';
import { PriorityAllocationStrategy } from '#domain/inventory/allocation/priority-allocation-strategy';
import { BillingAttemptRepository } from '#domain/billing/billing-attempt/billing-attempt.repository';
import { PlanRepository } from '#domain/catalog/plan/plan.repository';
import { ProductRepository } from '#domain/catalog/product/product.repository';
import { FulfillmentCenterRepository } from '#domain/inventory/fulfillment-center/fulfillment-center.repository';
import { InventoryItemRepository } from '#domain/inventory/inventory-item/inventory-item.repository';
import { OrderRepository } from '#domain/orders/order/order.repository';
import { SubscriptionRepository } from '#domain/subscriptions/subscription/subscription.repository';
import { AuditLog } from '#application/audit/ports/audit-log.port';
import { BillingSettings } from '#application/billing/ports/billing-settings.port';
import { PaymentGateway } from '#application/billing/ports/payment-gateway.port';
import { WallClock } from '#application/billing/ports/wall-clock.port';
import { BillingReservationReleaseGuard } from '#application/billing/release-guard/billing-reservation-release-guard';
import { RunBillingScanUseCase } from '#application/billing/run-billing-scan/run-billing-scan.use-case';
import { CatalogLookup } from '#application/catalog/ports/catalog-lookup.port';
import { CreatePlanUseCase } from '#application/catalog/create-plan/create-plan.use-case';
import { CreateProductUseCase } from '#application/catalog/create-product/create-product.use-case';
import { AdjustInventoryUseCase } from '#application/inventory/adjust-inventory/adjust-inventory.use-case';
import { CreateFulfillmentCenterUseCase } from '#application/inventory/create-fulfillment-center/create-fulfillment-center.use-case';
import { EnsureDefaultFulfillmentCenterUseCase } from '#application/inventory/ensure-default-fulfillment-center/ensure-default-fulfillment-center.use-case';
import { ReservationReleaseGuard } from '#application/inventory/ports/reservation-release-guard.port';
import { StockReservations } from '#application/inventory/ports/stock-reservations.port';
import { StockReservationsService } from '#application/inventory/stock-reservations.service';
import { OrderQueries } from '#application/orders/queries/order-queries.port';
import { Clock, SimulationClockControl } from '#application/shared/ports/clock.port';
import { IdGenerator } from '#application/shared/ports/id-generator.port';
import { JobQueue, type JobRequest } from '#application/shared/ports/job-queue.port';
import { Logger } from '#application/shared/ports/logger.port';
import { Metrics } from '#application/shared/ports/metrics.port';
import type { UseCaseContext } from '#application/shared/use-case-context';
import { CreateSubscriptionUseCase } from '#application/subscriptions/create-subscription/create-subscription.use-case';
import { SubscriptionQueries } from '#application/subscriptions/queries/subscription-queries.port';
import { InMemoryAuditLog } from '#infrastructure/in-memory/audit/in-memory-audit-log';
import { InMemoryBillingAttemptRepository } from '#infrastructure/in-memory/billing/in-memory-billing-attempt.repository';
import { InMemoryPaymentGateway } from '#infrastructure/in-memory/billing/in-memory-payment-gateway';
import { InMemoryCatalogLookup } from '#infrastructure/in-memory/catalog/in-memory-catalog-lookup';
import { InMemoryPlanRepository } from '#infrastructure/in-memory/catalog/in-memory-plan.repository';
import { InMemoryProductRepository } from '#infrastructure/in-memory/catalog/in-memory-product.repository';
import { InMemoryFulfillmentCenterRepository } from '#infrastructure/in-memory/inventory/in-memory-fulfillment-center.repository';
import { InMemoryInventoryItemRepository } from '#infrastructure/in-memory/inventory/in-memory-inventory-item.repository';
import { InMemoryOrderRepository } from '#infrastructure/in-memory/orders/in-memory-order.repository';
import { FixedClock } from '#infrastructure/in-memory/shared/fixed-clock';
import { InMemoryJobQueue } from '#infrastructure/in-memory/shared/in-memory-job-queue';
import { MemoryLogger } from '#infrastructure/in-memory/shared/silent-logger';
import { InMemorySubscriptionRepository } from '#infrastructure/in-memory/subscriptions/in-memory-subscription.repository';
import { UuidV7IdGenerator } from '#infrastructure/ids/uuid-v7.id-generator';
import { PermanentJobError, type JobHandlers } from '#infrastructure/messaging/job-handler';
import { OutboxDispatcher } from '#infrastructure/messaging/outbox-dispatcher';
import { EVENT_ROUTES } from '#infrastructure/messaging/routing-table';
import { billingJobHandlers } from '#interfaces/queue/billing.worker';
import { fulfillmentJobHandlers } from '#interfaces/queue/fulfillment.worker';
import { mergeHandlers } from '#interfaces/queue/job-handlers';
import { subscriptionsJobHandlers } from '#interfaces/queue/subscriptions.worker';

export const ADMIN: UseCaseContext = { actor: { type: 'user', id: '0190a6f4-5b7e-7c4a-9f1e-00000000000a' }, correlationId: 'req-admin' };
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

/** Records billing outcomes, like the Prometheus adapter would count them. */
export class RecordingMetrics implements Metrics {
  readonly outcomes: string[] = [];
  billingOutcome(outcome: 'succeeded' | 'failed' | 'deferred'): void {
    this.outcomes.push(outcome);
  }
}

export interface BillingHarnessOptions {
  readonly start?: string;
  readonly retryDays?: number[];
  readonly backorderRetryMs?: number;
  readonly reservationTtlMs?: number;
  readonly attemptLeaseMs?: number;
  /** Wraps the payment gateway (barriers, counters) before the pipeline sees it. */
  readonly gateway?: (real: InMemoryPaymentGateway) => PaymentGateway;
}

/**
 * The whole billing pipeline on in-memory adapters: the real catalog and inventory services, the outbox dispatcher
 * with the real routing table, and the real job handlers of the billing, fulfillment and subscriptions workers,
 * run synchronously by `drain()` (InMemoryJobQueue). Business time is a FixedClock moved by hand; real time
 * (leases, reservation expiries) is a second FixedClock.
 */
export function billingHarness(options: BillingHarnessOptions = {}) {
  const ids = new UuidV7IdGenerator();
  const clock = new FixedClock(options.start ?? '2026-01-31T10:00:00.000Z');
  const wall = new FixedClock('2030-06-01T00:00:00.000Z');
  const queue = new InMemoryJobQueue();
  const audit = new InMemoryAuditLog();
  const logger = new MemoryLogger();
  const dispatcher = new OutboxDispatcher(EVENT_ROUTES, queue, audit, logger);
  const products = new InMemoryProductRepository(ids, dispatcher);
  const plans = new InMemoryPlanRepository(ids, dispatcher);
  const centers = new InMemoryFulfillmentCenterRepository(ids, dispatcher);
  const items = new InMemoryInventoryItemRepository(ids, dispatcher);
  const subscriptions = new InMemorySubscriptionRepository(ids, dispatcher);
  const attempts = new InMemoryBillingAttemptRepository(ids, dispatcher);
  const orders = new InMemoryOrderRepository(ids, dispatcher);
  const gateway = new InMemoryPaymentGateway({ failureRate: 0.5 });
  const metrics = new RecordingMetrics();
  const settings: BillingSettings = {
    backorderRetryMs: options.backorderRetryMs ?? HOUR,
    dunningRetryDays: options.retryDays ?? [1, 3, 5],
    reservationTtlMs: options.reservationTtlMs ?? 15 * 60_000,
    attemptLeaseMs: options.attemptLeaseMs ?? 30_000,
  };

  const container: DependencyContainer = rootContainer.createChildContainer();
  const values: Array<[symbol, unknown]> = [
    [IdGenerator, ids],
    [Clock, clock],
    [SimulationClockControl, clock],
    [WallClock, wall],
    [Logger, logger],
    [JobQueue, queue],
    [AuditLog, audit],
    [ProductRepository, products],
    [PlanRepository, plans],
    [CatalogLookup, new InMemoryCatalogLookup(products, plans)],
    [FulfillmentCenterRepository, centers],
    [InventoryItemRepository, items],
    [StockReservations, new StockReservationsService(items, centers, new PriorityAllocationStrategy())],
    [SubscriptionRepository, subscriptions],
    [SubscriptionQueries, subscriptions],
    [BillingAttemptRepository, attempts],
    [OrderRepository, orders],
    [OrderQueries, orders],
    [PaymentGateway, options.gateway ? options.gateway(gateway) : gateway],
    [Metrics, metrics],
    [BillingSettings, settings],
  ];
  for (const [token, value] of values) container.register(token, { useValue: value });
  container.register(ReservationReleaseGuard, { useClass: BillingReservationReleaseGuard });
  const handlers: JobHandlers = mergeHandlers([billingJobHandlers(container), fulfillmentJobHandlers(container), subscriptionsJobHandlers(container)]);

  const harness = {
    ids,
    clock,
    wall,
    queue,
    audit,
    logger,
    container,
    handlers,
    items,
    subscriptions,
    attempts,
    orders,
    gateway,
    metrics,
    settings,
    /** Runs every queued job (and those they enqueue) through the real handlers. */
    drain: () => queue.drain(handlers),
    /**
     * Like `drain`, but with BullMQ's delivery semantics: a delivery that throws is delivered again (up to
     * `attempts`), a PermanentJobError is not; `copies` > 1 delivers every job that many times in a row (at least
     * once delivery). Returns the errors of the deliveries that failed.
     */
    async deliver(options: { attempts?: number; copies?: number } = {}) {
      const errors: unknown[] = [];
      const pending = queue.pending as JobRequest[];
      while (pending.length > 0) {
        const job = pending.shift()!;
        const handler = handlers[job.queue]?.[job.name];
        if (!handler) throw new Error(`no handler for ${job.queue}/${job.name}`);
        for (let copy = 0; copy < (options.copies ?? 1); copy += 1) {
          for (let attempt = 0; attempt < (options.attempts ?? 8); attempt += 1) {
            try {
              await handler({ id: job.jobId, name: job.name, data: JSON.parse(JSON.stringify(job.data)), attemptsMade: attempt });
              break;
            } catch (error) {
              errors.push(error);
              if (error instanceof PermanentJobError) break;
            }
          }
        }
        queue.processed.push(job);
      }
      return errors;
    },
    scan: () => container.resolve(RunBillingScanUseCase).execute(),
    /** Moves business time, scans, and runs what became due: what `POST /admin/clock/advance` does. */
    async advance(ms: number) {
      await clock.advance(ms);
      await harness.scan();
      return harness.drain();
    },
    async product() {
      return (await container.resolve(CreateProductUseCase).execute({ ...ADMIN, sku: `SKU-${ids.next().slice(-12)}`, name: 'Coffee beans' })).id;
    },
    async plan(terms: { amount?: number; currency?: string; interval?: 'day' | 'week' | 'month' | 'year'; intervalCount?: number; trialDays?: number } = {}) {
      const plan = await container.resolve(CreatePlanUseCase).execute({
        ...ADMIN,
        name: 'Monthly',
        amount: terms.amount ?? 1999,
        currency: terms.currency ?? 'EUR',
        interval: terms.interval ?? 'month',
        intervalCount: terms.intervalCount ?? 1,
        trialDays: terms.trialDays ?? 0,
      });
      return plan.id;
    },
    async defaultCenter() {
      return (await container.resolve(EnsureDefaultFulfillmentCenterUseCase).execute(ADMIN)).id;
    },
    async center(code: string, priority = 100) {
      return (await container.resolve(CreateFulfillmentCenterUseCase).execute({ ...ADMIN, code, name: code, priority })).id;
    },
    async stock(productId: string, fulfillmentCenterId: string, delta: number) {
      return container.resolve(AdjustInventoryUseCase).execute({ ...ADMIN, productId, fulfillmentCenterId, delta, reason: 'test stock' });
    },
    level(productId: string, fulfillmentCenterId: string) {
      const item = items.snapshots().find((s) => s.productId === productId && s.fulfillmentCenterId === fulfillmentCenterId);
      return item ? { onHand: item.onHand, reserved: item.reserved } : undefined;
    },
    async subscribe(input: { planId: string; productId: string; quantity?: number; paymentMethod?: string; userId?: string }) {
      const userId = input.userId ?? ids.next();
      return container.resolve(CreateSubscriptionUseCase).execute({
        actor: { type: 'user', id: userId },
        correlationId: `req-${ids.next()}`,
        caller: { userId, role: 'USER' },
        planId: input.planId,
        productId: input.productId,
        quantity: input.quantity ?? 1,
        paymentMethod: input.paymentMethod ?? 'pm_card_ok',
      });
    },
    subscription(id: string) {
      return subscriptions.store.get(id)!.snapshot;
    },
    ordersOf(subscriptionId: string) {
      return orders.store
        .snapshots()
        .filter((o) => o.subscriptionId === subscriptionId)
        .sort((a, b) => a.periodStart.getTime() - b.periodStart.getTime());
    },
    ledgerOf(subscriptionId: string) {
      return gateway.ledger().filter((e) => e.metadata.subscriptionId === subscriptionId);
    },
    auditOf(subscriptionId: string) {
      return audit.all().filter((e) => e.refs.subscriptionId === subscriptionId);
    },
  };
  return harness;
}

export type BillingHarness = ReturnType<typeof billingHarness>;
