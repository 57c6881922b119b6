import { describe, expect, it } from 'bun:test';
import type { AttemptTransition } from '#domain/billing/billing-attempt/billing-attempt.aggregate';
import type { EventMetadata } from '#domain/shared/domain-event';
import { AllowAllReservationReleaseGuard } from '#application/inventory/allow-all-release-guard';
import { ReservationReleaseGuard } from '#application/inventory/ports/reservation-release-guard.port';
import { SweepExpiredReservationsUseCase } from '#application/inventory/sweep-expired-reservations/sweep-expired-reservations.use-case';
import type { JobRequest } from '#application/shared/ports/job-queue.port';
import { Barrier, within } from '../../../support/billing-barrier';
import { billingHarness, type BillingHarness } from '../../../support/billing-harness';

const TTL = 60_000;

async function setup(options: Parameters<typeof billingHarness>[0] = {}) {
  const h = billingHarness({ reservationTtlMs: TTL, ...options });
  const productId = await h.product();
  const planId = await h.plan();
  const center = await h.defaultCenter();
  await h.stock(productId, center, 10);
  await h.drain();
  const sub = await h.subscribe({ planId, productId });
  const job = (h.queue.pending as JobRequest[]).shift()!;
  const bill = () => h.handlers.billing!['bill-subscription']!({ id: job.jobId, name: job.name, data: JSON.parse(JSON.stringify(job.data)), attemptsMade: 0 });
  return { h, productId, center, sub, bill };
}

/** The inventory sweeper, run at a real time after the reservation expired. */
async function sweep(h: BillingHarness) {
  await h.wall.advance(TTL + 1);
  return h.container.resolve(SweepExpiredReservationsUseCase).execute({ now: await h.wall.now(), actor: { type: 'system' }, correlationId: 'sweep' });
}

describe('the reservation sweeper racing a charge', () => {
  describe('the sweeper runs while the charge is under way (biller held inside the gateway call)', () => {
    async function race(guard: 'billing' | 'allow-all') {
      const barrier = new Barrier();
      const ctx = await setup({
        gateway: (real) => ({
          charge: async (request) => {
            await barrier.hold();
            return real.charge(request);
          },
        }),
      });
      if (guard === 'allow-all') ctx.h.container.register(ReservationReleaseGuard, { useValue: new AllowAllReservationReleaseGuard() });
      const billing = ctx.bill().then(() => 'done', (e: unknown) => e);
      await within(barrier.entered, 2_000, 'biller reaching the charge');
      const swept = await sweep(ctx.h);
      barrier.release();
      await billing;
      const errors = await ctx.h.deliver({ attempts: 2 });
      return { ...ctx, swept, errors };
    }

    it('with the attempt claim: the sweeper keeps the stock, the charge is fulfilled from it', async () => {
      const { h, sub, productId, center, swept } = await race('billing');
      expect(swept).toEqual({ released: 0, kept: 1 });
      expect(h.ordersOf(sub.id)).toHaveLength(1);
      expect(h.level(productId, center)).toEqual({ onHand: 9, reserved: 0 });
    });

    it('counterpart without the attempt claim (release always allowed): charged stock is released and never shipped', async () => {
      const { h, sub, productId, center, swept } = await race('allow-all');
      expect(swept.released).toBe(1);
      expect(h.ledgerOf(sub.id).filter((e) => e.outcome === 'succeeded')).toHaveLength(1); // the customer paid…
      expect(h.ordersOf(sub.id)).toHaveLength(0); // …for nothing shipped
      expect(h.level(productId, center)).toEqual({ onHand: 10, reserved: 0 });
    });
  });

  it('the sweeper wins just before the charge starts (biller held before reserved → charging): no charge on that attempt, a new attempt bills once', async () => {
    const barrier = new Barrier();
    const { h, sub, productId, center, bill } = await setup();
    const apply = h.attempts.apply.bind(h.attempts);
    h.attempts.apply = async (t: AttemptTransition, meta: EventMetadata) => {
      if (t.changes.state === 'charging') await barrier.hold();
      return apply(t, meta);
    };
    const billing = bill().then(() => 'done', (e: unknown) => e);
    await within(barrier.entered, 2_000, 'biller reaching charging');
    expect(await sweep(h)).toEqual({ released: 1, kept: 0 });
    barrier.release();
    expect(await billing).toBe('done');
    expect(h.ledgerOf(sub.id)).toEqual([]);
    expect(h.level(productId, center)).toEqual({ onHand: 10, reserved: 0 });
    // The abandoned attempt moves the subscription to a new attempt, billed at once.
    expect(await h.deliver()).toEqual([]);
    expect(h.ordersOf(sub.id)).toHaveLength(1);
    expect(h.ledgerOf(sub.id)).toHaveLength(1);
    expect(h.level(productId, center)).toEqual({ onHand: 9, reserved: 0 });
    expect(h.subscription(sub.id)).toMatchObject({ status: 'active', attemptSeq: 1 });
  });

  it('a worker that died after reserving (attempt still reserving) gets its stock back once its lease expired', async () => {
    const { h, sub, productId, center } = await setup({ attemptLeaseMs: 5_000 });
    const apply = h.attempts.apply.bind(h.attempts);
    h.attempts.apply = async (t: AttemptTransition, meta: EventMetadata) => {
      if (t.changes.state === 'reserved') throw new Error('process died after reserving');
      return apply(t, meta);
    };
    await expect(h.handlers.billing!['bill-subscription']!({ id: 'j', name: 'bill-subscription', data: { subscriptionId: sub.id, periodStartMs: sub.createdAt.getTime(), attemptSeq: 0, jobId: 'j' }, attemptsMade: 0 })).rejects.toThrow('process died');
    expect(h.level(productId, center)).toEqual({ onHand: 10, reserved: 1 });
    expect(await sweep(h)).toEqual({ released: 1, kept: 0 });
    expect(h.level(productId, center)).toEqual({ onHand: 10, reserved: 0 });
  });
});
