/**
 * Every billing job delivered twice concurrently → one charge, one order (asserted on the gateway's ledger).
 * The overlap is forced: the worker's handler is wrapped so that each delivery runs two copies of the real billing
 * handler, the first held inside the gateway call (a barrier adapter) while the second runs to its end. The
 * counterpart replaces the attempt's lease claim with one that always succeeds, and must then double the calls.
 */
import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import type { DependencyContainer } from 'tsyringe';
import type { AttemptTransition, BillingAttempt } from '#domain/billing/billing-attempt/billing-attempt.aggregate';
import { BillingAttemptRepository, type InsertAttemptResult } from '#domain/billing/billing-attempt/billing-attempt.repository';
import type { EventMetadata } from '#domain/shared/domain-event';
import { PaymentGateway } from '#application/billing/ports/payment-gateway.port';
import type { JobContext } from '#infrastructure/messaging/job-handler';
import { buildJobHandlers } from '#interfaces/queue/job-handlers';
import { auditOf, billingWorld, ledgerOf, waitFor } from '../../support/billing-http';
import { KeyedBarrierGateway } from '../../support/billing-keyed-barrier-gateway';
import { startTestApp, type TestApp } from '../../support/test-app';

let app: TestApp;
let gateway: KeyedBarrierGateway | undefined;
const secondCopies: unknown[] = [];

/** Each delivery of a billing job runs the real handler twice, overlapping inside the charge. */
function duplicatingHandlers(container: DependencyContainer) {
  const barriers = new KeyedBarrierGateway(container.resolve<PaymentGateway>(PaymentGateway));
  gateway = barriers;
  container.register(PaymentGateway, { useValue: barriers });
  const handlers = buildJobHandlers(container);
  const bill = handlers.billing!['bill-subscription']!;
  return {
    ...handlers,
    billing: {
      ...handlers.billing,
      'bill-subscription': async (job: JobContext) => {
        const data = job.data as { subscriptionId: string; periodStartMs: number; attemptSeq: number };
        const barrier = barriers.barrier(`${data.subscriptionId}-${data.periodStartMs}-${data.attemptSeq}`);
        const first = bill(job).then(() => null, (error: unknown) => error);
        // Copy B starts once copy A is inside the charge (or done, if it never charges: no stock, canceled…).
        await Promise.race([barrier.entered, first]);
        secondCopies.push(await bill({ ...job }).then(() => 'completed', (error: unknown) => error));
        barrier.release();
        const error = await first;
        if (error) throw error;
      },
    },
  };
}

/** The counterpart's adapter: claims never exclude anyone (the lease condition is dropped). */
class ClaimlessAttempts implements BillingAttemptRepository {
  constructor(private readonly real: BillingAttemptRepository) {}
  insert(attempt: BillingAttempt, meta: EventMetadata): Promise<InsertAttemptResult> {
    return this.real.insert(attempt, meta);
  }
  apply(t: AttemptTransition, meta: EventMetadata): Promise<boolean> {
    return this.real.apply(t.expected.leaseClaimableBy ? { ...t, expected: { states: t.expected.states } } : t, meta);
  }
  findById(id: string) {
    return this.real.findById(id);
  }
  findByKey(subscriptionId: string, periodStart: Date, attemptSeq: number) {
    return this.real.findByKey(subscriptionId, periodStart, attemptSeq);
  }
  findLiveForPeriod(subscriptionId: string, periodStart: Date) {
    return this.real.findLiveForPeriod(subscriptionId, periodStart);
  }
}

beforeAll(async () => {
  // A lease far longer than the overlap, so copy B meets a live lease however slow the machine is.
  app = await startTestApp(
    { QUEUE_LOCK_MS: '20000', BILLING_SCAN_INTERVAL_MS: '3600000', RESERVATION_SWEEP_INTERVAL_MS: '3600000' },
    { jobHandlers: duplicatingHandlers },
  );
});

afterAll(async () => {
  gateway?.releaseAll();
  await app?.close();
});

describe('every billing job delivered twice concurrently', () => {
  it('with the attempt claim: each subscription is charged once (one ledger call), one order, one deduction', async () => {
    const w = await billingWorld(app);
    await w.stock(10);
    const subs = await Promise.all([w.subscribe(), w.subscribe({ quantity: 2 }), w.subscribe()]);
    for (const sub of subs) await w.waitForStatus(sub.id, 'active');
    for (const sub of subs) {
      const ledger = await ledgerOf(app, sub.id);
      expect(ledger).toHaveLength(1);
      expect(ledger[0]!.outcome).toBe('succeeded');
      expect(ledger[0]!.calls).toHaveLength(1);
      expect(await waitFor(() => w.orders(sub.id), (o) => o.length === 1, 'one order')).toHaveLength(1);
      const audit = await waitFor(() => auditOf(app, sub.id), (a) => a.some((e) => e.type === 'order.created'), 'order audited');
      expect(audit.filter((e) => e.type === 'payment.attempted')).toHaveLength(1);
      expect(audit.filter((e) => e.type === 'inventory.deducted')).toHaveLength(1);
    }
    expect(await w.level()).toEqual({ onHand: 6, reserved: 0 });
    // Every second copy met the first one's claim and stood back.
    expect(secondCopies.length).toBeGreaterThanOrEqual(3);
    expect(secondCopies.every((r) => (r as { code?: string }).code === 'BILLING_ATTEMPT_BUSY')).toBe(true);
  });

  it('counterpart without the claim step: the second copy charges too (two gateway calls for one key)', async () => {
    const container = app.runtime.container;
    const real = container.resolve<BillingAttemptRepository>(BillingAttemptRepository);
    container.register(BillingAttemptRepository, { useValue: new ClaimlessAttempts(real) });
    try {
      const w = await billingWorld(app);
      await w.stock(10);
      const sub = await w.subscribe();
      const ledger = await waitFor(() => ledgerOf(app, sub.id), (l) => l[0]?.calls.length === 2, 'the second call');
      expect(ledger[0]!.calls).toHaveLength(2);
      await w.waitForStatus(sub.id, 'active'); // let the pipeline settle before the app closes
    } finally {
      container.register(BillingAttemptRepository, { useValue: real });
    }
  });
});
