import { describe, expect, it } from 'bun:test';
import fc from 'fast-check';
import { InventoryItem, type InventoryItemSnapshot } from '#domain/inventory/inventory-item/inventory-item.aggregate';
import { InsufficientStockError, InvalidInventoryOperationError, ReservationNotFoundError } from '#domain/inventory/inventory-item/inventory-item.errors';
import { applyInventoryOperation, type InventoryOperation } from '#domain/inventory/inventory-item/inventory-operation';

const now = new Date('2026-03-01T12:00:00.000Z');
const expiresAt = new Date('2026-03-01T12:15:00.000Z');
const ids = { id: 'item-1', productId: 'product-1', fulfillmentCenterId: 'center-1' };

/** An item as stored after the given operations, each built from the item as last stored (what the repository does). */
function stored(...steps: Array<(item: InventoryItem) => InventoryOperation>): InventoryItemSnapshot {
  let snapshot: InventoryItemSnapshot | null = null;
  let item = InventoryItem.create({ ...ids, now });
  for (const step of steps) {
    const after = applyInventoryOperation(snapshot, step(item));
    if (!after) throw new Error('guard did not hold');
    snapshot = after;
    item = InventoryItem.rehydrate(after);
  }
  return snapshot!;
}

const add = (delta: number) => (item: InventoryItem) => item.adjust({ delta, reason: 'count' }, now);
const reserve = (reservationId: string, quantity: number) => (item: InventoryItem) => item.reserve({ reservationId, quantity, expiresAt }, now);

describe('InventoryItem rules', () => {
  it('adjusts on hand; its first adjustment creates the item and must be positive', () => {
    const fresh = InventoryItem.create({ ...ids, now });
    expect(fresh.adjust({ delta: 5, reason: 'delivery' }, now).guard).toEqual({ exists: false });
    expect(() => fresh.adjust({ delta: -1, reason: 'loss' }, now)).toThrow(InsufficientStockError);
    expect(stored(add(5), add(3), add(-2))).toMatchObject({ onHand: 6, reserved: 0, available: 6 });
  });

  it('records inventory.item.adjusted with delta, reason, and the exact on-hand before and after', () => {
    const item = InventoryItem.rehydrate(stored(add(10)));
    const operation = item.adjust({ delta: -4, reason: '  damaged  ' }, now);
    expect(operation.event).toMatchObject({
      type: 'inventory.item.adjusted',
      aggregateId: 'item-1',
      payload: { productId: 'product-1', fulfillmentCenterId: 'center-1', delta: -4, reason: 'damaged', before: 10, after: 6 },
    });
    // The write is conditional on that very on-hand count, so before/after cannot be stale.
    expect(operation.guard).toEqual({ exists: true, onHand: 10, minAvailable: 4 });
  });

  it('never adjusts below what is reserved', () => {
    const item = InventoryItem.rehydrate(stored(add(10), reserve('r1', 7)));
    expect(item.available).toBe(3);
    expect(() => item.adjust({ delta: -4, reason: 'loss' }, now)).toThrow(InsufficientStockError);
    expect(stored(add(10), reserve('r1', 7), add(-3))).toMatchObject({ onHand: 7, reserved: 7, available: 0 });
  });

  it('refuses a zero or fractional delta and a blank or too long reason', () => {
    const item = InventoryItem.rehydrate(stored(add(1)));
    for (const delta of [0, 1.5, Number.NaN]) expect(() => item.adjust({ delta, reason: 'x' }, now)).toThrow(InvalidInventoryOperationError);
    for (const reason of ['', '   ', 'x'.repeat(201)]) expect(() => item.adjust({ delta: 1, reason }, now)).toThrow(InvalidInventoryOperationError);
  });

  it('reserves: reserved goes up, available down, the reservation is kept with its expiry and refs', () => {
    const snapshot = stored(add(10), (i) => i.reserve({ reservationId: 'r1', quantity: 4, expiresAt, refs: { subscriptionId: 's-1' } }, now));
    expect(snapshot).toMatchObject({ onHand: 10, reserved: 4, available: 6 });
    expect(snapshot.reservations).toEqual([{ reservationId: 'r1', quantity: 4, expiresAt, refs: { subscriptionId: 's-1' } }]);
  });

  it('refuses a reservation larger than available, or of a bad quantity', () => {
    const item = InventoryItem.rehydrate(stored(add(3)));
    expect(() => item.reserve({ reservationId: 'r1', quantity: 4, expiresAt }, now)).toThrow(InsufficientStockError);
    for (const quantity of [0, -1, 1.5]) expect(() => item.reserve({ reservationId: 'r1', quantity, expiresAt }, now)).toThrow(InvalidInventoryOperationError);
  });

  it('commits a reservation: onHand and reserved both go down, available stays, the id is remembered', () => {
    const snapshot = stored(add(10), reserve('r1', 4), (i) => i.commit({ reservationId: 'r1' }, now));
    expect(snapshot).toMatchObject({ onHand: 6, reserved: 0, available: 6, reservations: [] });
    expect(snapshot.committed).toEqual([{ reservationId: 'r1', quantity: 4, committedAt: now }]);
    expect(InventoryItem.rehydrate(snapshot).hasCommitted('r1')).toBe(true);
  });

  it('releases a reservation back to available', () => {
    expect(stored(add(10), reserve('r1', 4), (i) => i.release({ reservationId: 'r1', reason: 'released' }, now))).toMatchObject({
      onHand: 10,
      reserved: 0,
      available: 10,
      reservations: [],
      committed: [],
    });
  });

  it('cannot commit or release what it does not hold', () => {
    const item = InventoryItem.rehydrate(stored(add(10)));
    expect(() => item.commit({ reservationId: 'nope' }, now)).toThrow(ReservationNotFoundError);
    expect(() => item.release({ reservationId: 'nope', reason: 'released' }, now)).toThrow(ReservationNotFoundError);
  });

  it('events of a reservation carry its refs; the commit and release refs come from the reservation', () => {
    const item = InventoryItem.rehydrate(
      stored(add(10), (i) => i.reserve({ reservationId: 'r1', quantity: 2, expiresAt, refs: { subscriptionId: 's-1', userId: 'u-1' } }, now)),
    );
    expect(item.commit({ reservationId: 'r1' }, now).event).toMatchObject({
      type: 'inventory.item.deducted',
      payload: { reservationId: 'r1', quantity: 2, refs: { subscriptionId: 's-1', userId: 'u-1' } },
    });
    expect(item.release({ reservationId: 'r1', reason: 'expired' }, now).event).toMatchObject({
      type: 'inventory.item.reservation_released',
      payload: { reservationId: 'r1', quantity: 2, reason: 'expired', refs: { subscriptionId: 's-1', userId: 'u-1' } },
    });
  });

  it('lists the reservations expired at a given instant', () => {
    const item = InventoryItem.rehydrate(stored(add(10), reserve('r1', 1), (i) => i.reserve({ reservationId: 'r2', quantity: 1, expiresAt: new Date('2026-03-01T13:00:00.000Z') }, now)));
    expect(item.expiredReservations(new Date('2026-03-01T12:14:59.999Z'))).toEqual([]);
    expect(item.expiredReservations(expiresAt).map((r) => r.reservationId)).toEqual(['r1']);
  });
});

describe('InventoryOperation guards (what the single conditional write re-checks)', () => {
  it('a reservation made from a stale read fails when the stock is gone meanwhile', () => {
    const staleRead = InventoryItem.rehydrate(stored(add(5)));
    const current = stored(add(5), reserve('other', 5));
    expect(applyInventoryOperation(current, staleRead.reserve({ reservationId: 'r1', quantity: 1, expiresAt }, now))).toBeNull();
  });

  it('reserving the same id twice reserves once', () => {
    const before = stored(add(5));
    const operation = InventoryItem.rehydrate(before).reserve({ reservationId: 'r1', quantity: 2, expiresAt }, now);
    const once = applyInventoryOperation(before, operation)!;
    expect(applyInventoryOperation(once, operation)).toBeNull();
    // …even after it was committed.
    const committed = applyInventoryOperation(once, InventoryItem.rehydrate(once).commit({ reservationId: 'r1' }, now))!;
    expect(applyInventoryOperation(committed, operation)).toBeNull();
  });

  it('committing or releasing twice acts once', () => {
    const held = stored(add(5), reserve('r1', 2));
    const commit = InventoryItem.rehydrate(held).commit({ reservationId: 'r1' }, now);
    const release = InventoryItem.rehydrate(held).release({ reservationId: 'r1', reason: 'released' }, now);
    const committed = applyInventoryOperation(held, commit)!;
    expect(applyInventoryOperation(committed, commit)).toBeNull();
    expect(applyInventoryOperation(committed, release)).toBeNull();
    const released = applyInventoryOperation(held, release)!;
    expect(applyInventoryOperation(released, release)).toBeNull();
    expect(applyInventoryOperation(released, commit)).toBeNull();
  });

  it('an adjustment read before another write fails (its on-hand count moved), so before/after stay exact', () => {
    const staleRead = InventoryItem.rehydrate(stored(add(5)));
    const current = stored(add(5), add(1));
    expect(applyInventoryOperation(current, staleRead.adjust({ delta: 1, reason: 'x' }, now))).toBeNull();
  });

  it('a first adjustment fails when the item exists already', () => {
    const operation = InventoryItem.create({ ...ids, now }).adjust({ delta: 1, reason: 'x' }, now);
    expect(applyInventoryOperation(stored(add(1)), operation)).toBeNull();
  });

  it('any interleaving of operations built from stale reads keeps 0 ≤ available and reserved = Σ reservations', () => {
    type Step = { kind: 'adjust'; delta: number } | { kind: 'reserve' | 'commit' | 'release'; id: number; quantity: number };
    const step: fc.Arbitrary<Step> = fc.oneof(
      fc.record({ kind: fc.constant('adjust' as const), delta: fc.integer({ min: -6, max: 6 }).filter((d) => d !== 0) }),
      fc.record({ kind: fc.constantFrom('reserve' as const, 'commit' as const, 'release' as const), id: fc.integer({ min: 0, max: 5 }), quantity: fc.integer({ min: 1, max: 4 }) }),
    );
    fc.assert(
      fc.property(fc.array(fc.record({ step, staleness: fc.nat(3) }), { maxLength: 40 }), (plan) => {
        const history: Array<InventoryItemSnapshot | null> = [null];
        for (const { step, staleness } of plan) {
          const current = history.at(-1)!;
          // Build the operation from an older read, as a slow concurrent caller would.
          const read = history[Math.max(0, history.length - 1 - staleness)]!;
          const item = read ? InventoryItem.rehydrate(read) : InventoryItem.create({ ...ids, now });
          let operation: InventoryOperation;
          try {
            if (step.kind === 'adjust') operation = item.adjust({ delta: step.delta, reason: 'r' }, now);
            else if (step.kind === 'reserve') operation = item.reserve({ reservationId: `r${step.id}`, quantity: step.quantity, expiresAt }, now);
            else if (step.kind === 'commit') operation = item.commit({ reservationId: `r${step.id}` }, now);
            else operation = item.release({ reservationId: `r${step.id}`, reason: 'released' }, now);
          } catch {
            continue; // refused by the rule on the read state
          }
          const after = applyInventoryOperation(current, operation);
          if (!after) continue;
          expect(after.available).toBeGreaterThanOrEqual(0);
          expect(after.available).toBe(after.onHand - after.reserved);
          expect(after.reserved).toBe(after.reservations.reduce((sum, r) => sum + r.quantity, 0));
          expect(new Set(after.reservations.map((r) => r.reservationId)).size).toBe(after.reservations.length);
          history.push(after);
        }
      }),
      { numRuns: 300 },
    );
  });
});
