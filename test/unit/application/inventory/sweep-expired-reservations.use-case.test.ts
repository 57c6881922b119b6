import { describe, expect, it } from 'bun:test';
import type { ReservationReleaseGuard } from '#application/inventory/ports/reservation-release-guard.port';
import { AllowAllReservationReleaseGuard } from '#application/inventory/allow-all-release-guard';
import {
  COMMITTED_RESERVATION_RETENTION_MS,
  SweepExpiredReservationsUseCase,
} from '#application/inventory/sweep-expired-reservations/sweep-expired-reservations.use-case';
import { inventoryFixture } from '../../../support/inventory-fixture';

const now = new Date('2026-03-01T12:00:00.000Z');
const meta = { actor: { type: 'system' as const }, correlationId: 'bill-1' };
const sweepMeta = { actor: { type: 'system' as const }, correlationId: 'sweep-1' };
const at = (ms: number) => new Date(now.getTime() + ms);

/** A guard that answers from a set and remembers what it was asked. */
class ScriptedGuard implements ReservationReleaseGuard {
  readonly asked: string[] = [];
  constructor(private readonly refuse: ReadonlySet<string>) {}
  async claimForRelease(reservationId: string): Promise<boolean> {
    this.asked.push(reservationId);
    return !this.refuse.has(reservationId);
  }
}

describe('SweepExpiredReservationsUseCase', () => {
  it('releases expired reservations only, audits inventory.released with reason expired', async () => {
    const f = inventoryFixture();
    const center = await f.center('A');
    const product = await f.product();
    await f.stock(product.id, center, 10);
    await f.reservations.reserveAnywhere({ productId: product.id, quantity: 3, reservationId: 'stale', expiresAt: at(1_000), now, refs: { subscriptionId: 's-1' } }, meta);
    await f.reservations.reserveAnywhere({ productId: product.id, quantity: 2, reservationId: 'fresh', expiresAt: at(60_000), now }, meta);
    const sweep = new SweepExpiredReservationsUseCase(f.items, new AllowAllReservationReleaseGuard(), f.clock);
    expect(await sweep.execute({ ...sweepMeta, now: at(1_000) })).toEqual({ released: 1, kept: 0 });
    expect(f.level(product.id, center)).toMatchObject({ onHand: 10, reserved: 2, available: 8 });
    expect(f.level(product.id, center)?.reservations.map((r) => r.reservationId)).toEqual(['fresh']);
    expect(f.audit.all().filter((e) => e.type === 'inventory.released')).toMatchObject([
      { refs: { productId: product.id, subscriptionId: 's-1' }, correlationId: 'sweep-1', data: { reservationId: 'stale', reason: 'expired', quantity: 3 } },
    ]);
    // Sweeping again changes nothing.
    expect(await sweep.execute({ ...sweepMeta, now: at(1_000) })).toEqual({ released: 0, kept: 0 });
  });

  it('asks the guard first and keeps what it refuses (a charge under way)', async () => {
    const f = inventoryFixture();
    const center = await f.center('A');
    const product = await f.product();
    await f.stock(product.id, center, 10);
    for (const id of ['charging', 'abandoned']) {
      await f.reservations.reserveAnywhere({ productId: product.id, quantity: 1, reservationId: id, expiresAt: at(1), now }, meta);
    }
    const guard = new ScriptedGuard(new Set(['charging']));
    const result = await new SweepExpiredReservationsUseCase(f.items, guard, f.clock).execute({ ...sweepMeta, now: at(10) });
    expect(result).toEqual({ released: 1, kept: 1 });
    expect(guard.asked.sort()).toEqual(['abandoned', 'charging']);
    expect(f.level(product.id, center)?.reservations.map((r) => r.reservationId)).toEqual(['charging']);
    // The biller can still commit the one it kept.
    expect((await f.reservations.commit({ productId: product.id, reservationId: 'charging', now }, meta)).status).toBe('committed');
  });

  it('pages through many items, even when refused ones fill whole pages', async () => {
    const f = inventoryFixture();
    const center = await f.center('A');
    const refused = new Set<string>();
    for (let i = 0; i < 7; i++) {
      const product = await f.product();
      await f.stock(product.id, center, 1);
      await f.reservations.reserveAnywhere({ productId: product.id, quantity: 1, reservationId: `r${i}`, expiresAt: at(1), now }, meta);
      if (i < 4) refused.add(`r${i}`);
    }
    const result = await new SweepExpiredReservationsUseCase(f.items, new ScriptedGuard(refused), f.clock).execute({ ...sweepMeta, now: at(5), batchSize: 2 });
    expect(result).toEqual({ released: 3, kept: 4 });
  });

  it('forgets committed reservation ids after the retention period', async () => {
    const f = inventoryFixture();
    const center = await f.center('A');
    const product = await f.product();
    await f.stock(product.id, center, 5);
    await f.reservations.reserveAnywhere({ productId: product.id, quantity: 1, reservationId: 'done', expiresAt: at(1), now }, meta);
    await f.reservations.commit({ productId: product.id, reservationId: 'done', now }, meta);
    const sweep = new SweepExpiredReservationsUseCase(f.items, new AllowAllReservationReleaseGuard(), f.clock);
    await sweep.execute({ ...sweepMeta, now: at(COMMITTED_RESERVATION_RETENTION_MS) });
    expect(f.level(product.id, center)?.committed).toHaveLength(1);
    await sweep.execute({ ...sweepMeta, now: at(COMMITTED_RESERVATION_RETENTION_MS + 1) });
    expect(f.level(product.id, center)?.committed).toEqual([]);
  });
});
