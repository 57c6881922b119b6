import { BillingAttemptRepository } from '#domain/billing/billing-attempt/billing-attempt.repository';
import { BillingSettings } from '#application/billing/ports/billing-settings.port';
import { PaymentGateway } from '#application/billing/ports/payment-gateway.port';
import { WallClock } from '#application/billing/ports/wall-clock.port';
import { BillingReservationReleaseGuard } from '#application/billing/release-guard/billing-reservation-release-guard';
import { ReservationReleaseGuard } from '#application/inventory/ports/reservation-release-guard.port';
import { Metrics } from '#application/shared/ports/metrics.port';
import { SystemClock } from '#infrastructure/clock/system-clock';
import type { Config } from '#infrastructure/config/config';
import type { ModuleContext } from '#infrastructure/di/modules/module-context';
import { NoopMetrics } from '#infrastructure/in-memory/shared/noop-metrics';
import { MongoSimulatedPaymentGateway } from '#infrastructure/payments/mongo-simulated-payment-gateway';
import { billingAttemptModel } from '#infrastructure/persistence/mongoose/billing/billing-attempt.schema';
import { MongooseBillingAttemptRepository } from '#infrastructure/persistence/mongoose/billing/mongoose-billing-attempt.repository';
import { paymentLedgerModel } from '#infrastructure/persistence/mongoose/billing/payment-ledger.schema';

/** The billing rules' numbers from configuration. A lease outlives a queue lock plus the slowest charge. */
export function billingSettingsFrom(config: Config): BillingSettings {
  return {
    backorderRetryMs: config.BACKORDER_RETRY_MS,
    dunningRetryDays: config.DUNNING_RETRY_DAYS,
    reservationTtlMs: config.RESERVATION_TTL_MS,
    attemptLeaseMs: config.QUEUE_LOCK_MS + config.PAYMENT_SIMULATED_LATENCY_MS,
  };
}

/** Registers the billing context's adapters and Mongoose models. */
export function registerBillingModule({ container, connection, config }: ModuleContext): void {
  billingAttemptModel(connection);
  paymentLedgerModel(connection);
  container.registerSingleton(BillingAttemptRepository, MongooseBillingAttemptRepository);
  container.register(PaymentGateway, {
    useValue: new MongoSimulatedPaymentGateway(connection, {
      failureRate: config.PAYMENT_SIMULATED_FAILURE_RATE,
      latencyMs: config.PAYMENT_SIMULATED_LATENCY_MS,
    }),
  });
  container.register(BillingSettings, { useValue: billingSettingsFrom(config) });
  container.register(WallClock, { useValue: new SystemClock() });
  // Overrides inventory's default guard (registered earlier): the sweeper now goes through the billing attempt.
  container.register(ReservationReleaseGuard, { useClass: BillingReservationReleaseGuard });
  if (!container.isRegistered(Metrics, true)) container.register(Metrics, { useValue: new NoopMetrics() });
}
