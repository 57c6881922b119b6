import { describe, expect, it } from 'bun:test';
import type { AttemptTransition } from '#domain/billing/billing-attempt/billing-attempt.aggregate';
import { BillingAttemptBusyError } from '#domain/billing/billing-attempt/billing-attempt.errors';
import type { EventMetadata } from '#domain/shared/domain-event';
import { StockReservations } from '#application/inventory/ports/stock-reservations.port';
import type { JobRequest } from '#application/shared/ports/job-queue.port';
import { Barrier, within } from '../../../support/billing-barrier';
import { billingHarness, type BillingHarness } from '../../../support/billing-harness';

async function setup(options: Parameters<typeof billingHarness>[0] = {}) {
  const h = billingHarness(options);
  const productId = await h.product();
  const planId = await h.plan();
  const center = await h.defaultCenter();
  await h.stock(productId, center, 10);
  await h.drain();
  return { h, productId, planId, center };
}

/** What "billed exactly once" means to a customer and a warehouse. */
function expectBilledOnce(h: BillingHarness, subscriptionId: string, productId: string, center: string) {
  const ledger = h.ledgerOf(subscriptionId);
  expect(ledger.filter((e) => e.outcome === 'succeeded')).toHaveLength(1);
  expect(h.ordersOf(subscriptionId)).toHaveLength(1);
  expect(h.level(productId, center)).toEqual({ onHand: 9, reserved: 0 });
  expect(h.subscription(subscriptionId)).toMatchObject({ status: 'active', nextPeriodIndex: 1 });
}

class Crash extends Error {
  override readonly name = 'Crash';
}

/** Makes the n-th call of `object[method]` do its work and then throw, as if the process died right after it. */
function crashAfter(object: object, method: string, nth: number): void {
  const target = object as Record<string, (...args: unknown[]) => Promise<unknown>>;
  const original = target[method]!.bind(object);
  let calls = 0;
  target[method] = async (...args: unknown[]) => {
    const result = await original(...args);
    calls += 1;
    if (calls === nth) throw new Crash(`crashed after ${method} #${nth}`);
    return result;
  };
}

const billingJobOf = (h: BillingHarness): JobRequest => {
  const pending = h.queue.pending as JobRequest[];
  const index = pending.findIndex((j) => j.name === 'bill-subscription');
  return pending.splice(index, 1)[0]!;
};

const runCopy = (h: BillingHarness, job: JobRequest) =>
  h.handlers.billing!['bill-subscription']!({ id: job.jobId, name: job.name, data: JSON.parse(JSON.stringify(job.data)), attemptsMade: 0 });

describe('every step idempotent', () => {
  it('every job delivered twice in a row leaves one charge, one deduction, one order', async () => {
    const { h, productId, planId, center } = await setup();
    const sub = await h.subscribe({ planId, productId });
    const errors = await h.deliver({ copies: 2 });
    expect(errors).toEqual([]);
    expectBilledOnce(h, sub.id, productId, center);
  });

  // A crash right after each write of the pipeline, then BullMQ's redelivery (a new worker, the same job).
  const crashPoints: Array<[string, (h: BillingHarness) => object, string, number]> = [
    ['attempt inserted', (h) => h.attempts, 'insert', 1],
    ['stock reserved', (h) => h.container.resolve(StockReservations), 'reserveAnywhere', 1],
    ['attempt marked reserved', (h) => h.attempts, 'apply', 1],
    ['attempt moved to charging', (h) => h.attempts, 'apply', 2],
    ['card charged', (h) => h.gateway, 'charge', 1],
    ['attempt marked charged (PaymentSucceeded written)', (h) => h.attempts, 'apply', 3],
    ['stock committed', (h) => h.container.resolve(StockReservations), 'commit', 1],
    ['commit recorded on the attempt', (h) => h.attempts, 'apply', 4],
    ['order saved', (h) => h.orders, 'save', 1],
    ['subscription advanced', (h) => h.subscriptions, 'save', 2],
    ['attempt marked fulfilled', (h) => h.attempts, 'apply', 5],
  ];
  for (const [point, target, method, nth] of crashPoints) {
    it(`a crash after “${point}” and a redelivery still bill once`, async () => {
      const { h, productId, planId, center } = await setup({ attemptLeaseMs: 0 });
      crashAfter(target(h), method, nth);
      const sub = await h.subscribe({ planId, productId });
      const errors = await h.deliver();
      expect(errors.filter((e) => e instanceof Crash)).toHaveLength(1);
      expectBilledOnce(h, sub.id, productId, center);
    });
  }

  it('a worker that died mid-charge keeps the attempt leased; another takes it over once the lease expired and replays the same charge', async () => {
    const { h, productId, planId, center } = await setup({ attemptLeaseMs: 30_000 });
    crashAfter(h.gateway, 'charge', 1);
    const sub = await h.subscribe({ planId, productId });
    const job = billingJobOf(h);
    await expect(runCopy(h, job)).rejects.toBeInstanceOf(Crash);
    await expect(runCopy(h, job)).rejects.toBeInstanceOf(BillingAttemptBusyError); // lease still live
    await h.wall.advance(30_001);
    await runCopy(h, job);
    await h.drain();
    expectBilledOnce(h, sub.id, productId, center);
    expect(h.ledgerOf(sub.id)[0]!.calls).toHaveLength(2); // the takeover replayed the key: one charge, two calls
  });
});

describe('one billing job delivered twice concurrently (forced overlap inside the charge)', () => {
  /** Copy A is held inside the gateway call; copy B runs to its end meanwhile; then A resumes. */
  async function overlap(options: { withoutClaim: boolean }) {
    const barrier = new Barrier();
    const { h, productId, planId, center } = await setup({
      gateway: (real) => ({
        charge: async (request) => {
          await barrier.hold();
          return real.charge(request);
        },
      }),
    });
    if (options.withoutClaim) {
      // The counterpart: the lease claim always "succeeds" (no exclusion): the step the test proves necessary.
      const apply = h.attempts.apply.bind(h.attempts);
      h.attempts.apply = (t: AttemptTransition, meta: EventMetadata) =>
        apply(t.expected.leaseClaimableBy ? { ...t, expected: { states: t.expected.states } } : t, meta);
    }
    const sub = await h.subscribe({ planId, productId });
    const job = billingJobOf(h);
    const a = runCopy(h, job);
    await within(barrier.entered, 2_000, 'copy A reaching the charge');
    const b = await within(runCopy(h, job).then(() => 'done', (e: unknown) => e), 2_000, 'copy B');
    barrier.release();
    const aResult = await a.then(() => 'done', (e: unknown) => e);
    await h.deliver();
    return { h, sub, productId, center, a: aResult, b };
  }

  it('with the claim: the second copy stops at the lease, the gateway is called once, one order', async () => {
    const { h, sub, productId, center, a, b } = await overlap({ withoutClaim: false });
    expect(b).toBeInstanceOf(BillingAttemptBusyError);
    expect(a).toBe('done');
    expect(h.ledgerOf(sub.id)).toMatchObject([{ outcome: 'succeeded', calls: [expect.any(Date)] }]);
    expectBilledOnce(h, sub.id, productId, center);
  });

  it('counterpart without the claim step: both copies reach the gateway (the overlap is real and the test sees it)', async () => {
    const { h, sub } = await overlap({ withoutClaim: true });
    expect(h.ledgerOf(sub.id)[0]!.calls).toHaveLength(2);
  });
});
