/**
 * The inventory sweeper racing a charge never releases charged stock (DESIGN.md D4), on the real stack. Both
 * interleavings are forced with barriers: the sweeper runs while the biller is inside the gateway call, and while
 * it is just before `reserved → charging`. The counterpart uses a release guard without the attempt claim (every
 * expired reservation may go) and must lose the stock of a paid charge.
 */
import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import type { DependencyContainer } from 'tsyringe';
import type { AttemptTransition } from '#domain/billing/billing-attempt/billing-attempt.aggregate';
import { BillingAttemptRepository } from '#domain/billing/billing-attempt/billing-attempt.repository';
import type { EventMetadata } from '#domain/shared/domain-event';
import { PaymentGateway } from '#application/billing/ports/payment-gateway.port';
import { BillingReservationReleaseGuard } from '#application/billing/release-guard/billing-reservation-release-guard';
import { AllowAllReservationReleaseGuard } from '#application/inventory/allow-all-release-guard';
import { ReservationReleaseGuard } from '#application/inventory/ports/reservation-release-guard.port';
import { SweepExpiredReservationsUseCase } from '#application/inventory/sweep-expired-reservations/sweep-expired-reservations.use-case';
import { buildJobHandlers } from '#interfaces/queue/job-handlers';
import { Barrier } from '../../support/billing-barrier';
import { billingWorld, ledgerOf, waitFor, type SubscriptionBody } from '../../support/billing-http';
import { KeyedBarrierGateway } from '../../support/billing-keyed-barrier-gateway';
import { startTestApp, type TestApp } from '../../support/test-app';

let app: TestApp;
let gateway: KeyedBarrierGateway;

beforeAll(async () => {
  app = await startTestApp(
    // Reservations expire after 1 s (real time); the scheduled sweeper stays out of the way: the test runs it.
    { RESERVATION_TTL_MS: '1000', QUEUE_LOCK_MS: '20000', BILLING_SCAN_INTERVAL_MS: '3600000', RESERVATION_SWEEP_INTERVAL_MS: '3600000' },
    {
      jobHandlers: (container: DependencyContainer) => {
        gateway = new KeyedBarrierGateway(container.resolve<PaymentGateway>(PaymentGateway));
        container.register(PaymentGateway, { useValue: gateway });
        return buildJobHandlers(container);
      },
    },
  );
});

afterAll(async () => {
  gateway?.releaseAll();
  await app?.close();
});

const keyOf = (sub: SubscriptionBody) => `${sub.id}-${Date.parse(sub.createdAt)}-0`;
const sweep = () =>
  app.runtime.container.resolve(SweepExpiredReservationsUseCase).execute({ now: new Date(), actor: { type: 'system' }, correlationId: 'test-sweep' });

async function failedFulfillments(): Promise<string[]> {
  const jobs = await app.runtime.services.jobQueue.queue('fulfillment').getFailed();
  return jobs.map((j) => j.id ?? '');
}

describe('the reservation sweeper racing a charge', () => {
  it('the sweeper runs while the card is being charged: it keeps the stock, which the paid order then deducts', async () => {
    const w = await billingWorld(app);
    await w.stock(10);
    const sub = await w.subscribe();
    const barrier = gateway.barrier(keyOf(sub));
    await barrier.entered; // the biller is inside the charge, its reservation (1 s) about to expire
    const swept = await waitFor(sweep, (r) => r.kept >= 1, 'the sweeper to meet the expired reservation');
    expect(swept.released).toBe(0);
    barrier.release();
    await w.waitForStatus(sub.id, 'active');
    expect(await waitFor(() => w.orders(sub.id), (o) => o.length === 1, 'one order')).toHaveLength(1);
    expect(await w.level()).toEqual({ onHand: 9, reserved: 0 });
  });

  it('counterpart without the attempt claim: the sweeper releases stock being charged, and the paid order cannot be fulfilled', async () => {
    const container = app.runtime.container;
    container.register(ReservationReleaseGuard, { useValue: new AllowAllReservationReleaseGuard() });
    try {
      const w = await billingWorld(app);
      await w.stock(10);
      const sub = await w.subscribe();
      const barrier = gateway.barrier(keyOf(sub));
      await barrier.entered;
      await waitFor(sweep, (r) => r.released >= 1, 'the sweeper to release the expired reservation');
      barrier.release();
      await waitFor(failedFulfillments, (ids) => ids.some((id) => id.startsWith('fulfill-')), 'the fulfillment to fail');
      expect((await ledgerOf(app, sub.id)).map((e) => e.outcome)).toEqual(['succeeded']); // paid…
      expect(await w.orders(sub.id)).toEqual([]); // …never shipped
      expect(await w.level()).toEqual({ onHand: 10, reserved: 0 });
    } finally {
      container.register(ReservationReleaseGuard, { useClass: BillingReservationReleaseGuard });
    }
  });

  it('the sweeper wins just before the charge starts: that attempt is abandoned uncharged and a new attempt bills once', async () => {
    const container = app.runtime.container;
    const real = container.resolve<BillingAttemptRepository>(BillingAttemptRepository);
    const beforeCharging = new Barrier();
    container.register(BillingAttemptRepository, {
      useValue: Object.assign(Object.create(real) as BillingAttemptRepository, {
        apply: async (t: AttemptTransition, meta: EventMetadata) => {
          if (t.changes.state === 'charging') await beforeCharging.hold();
          return real.apply(t, meta);
        },
      }),
    });
    try {
      const w = await billingWorld(app);
      await w.stock(10);
      const sub = await w.subscribe();
      await beforeCharging.entered;
      await waitFor(sweep, (r) => r.released >= 1, 'the sweeper to abandon and release');
      gateway.barrier(`${sub.id}-${Date.parse(sub.createdAt)}-1`).release(); // the next attempt's charge is not held
      beforeCharging.release();
      const active = await w.waitForStatus(sub.id, 'active');
      // The new attempt (attemptSeq 1) was charged; the abandoned one never reached the gateway.
      const ledger = await ledgerOf(app, sub.id);
      expect(ledger.map((e) => e.idempotencyKey)).toEqual([`${sub.id}-${Date.parse(sub.createdAt)}-1`]);
      expect(active.currentPeriodStart).toBe(sub.createdAt);
      expect(await waitFor(() => w.orders(sub.id), (o) => o.length === 1, 'one order')).toHaveLength(1);
      expect(await w.level()).toEqual({ onHand: 9, reserved: 0 });
    } finally {
      container.register(BillingAttemptRepository, { useValue: real });
    }
  });
});
