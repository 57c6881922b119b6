import { describe, expect, it } from 'bun:test';
import { FulfillmentCenter } from '#domain/inventory/fulfillment-center/fulfillment-center.aggregate';
import { InvalidFulfillmentCenterError } from '#domain/inventory/fulfillment-center/fulfillment-center.errors';

const now = new Date('2026-01-01T00:00:00Z');

describe('aggregate root (through FulfillmentCenter)', () => {
  it('hands out recorded events once', () => {
    const center = FulfillmentCenter.create({ id: 'fc-1', code: ' east ', name: ' East ', now });
    const events = center.pullDomainEvents();
    expect(events.map((e) => e.type)).toEqual(['inventory.fulfillment_center.created']);
    expect(events[0]).toMatchObject({ aggregateId: 'fc-1', version: 1, occurredAt: now, payload: { code: 'EAST', name: 'East', priority: 100, active: true } });
    expect(center.pullDomainEvents()).toEqual([]);
  });

  it('rehydrating records nothing; an update with no change records nothing', () => {
    const snapshot = FulfillmentCenter.create({ id: 'fc-2', code: 'W', name: 'W', now }).toSnapshot();
    const loaded = FulfillmentCenter.rehydrate(snapshot, 3);
    expect(loaded.version).toBe(3);
    loaded.update({ name: 'W', priority: 100 }, now);
    expect(loaded.pullDomainEvents()).toEqual([]);
  });

  it('records only what changed, as from/to pairs', () => {
    const center = FulfillmentCenter.rehydrate(FulfillmentCenter.create({ id: 'fc-3', code: 'N', name: 'N', now }).toSnapshot(), 1);
    center.update({ priority: 5, active: false }, new Date('2026-01-02T00:00:00Z'));
    expect(center.pullDomainEvents()[0]?.payload).toEqual({ code: 'N', changes: { priority: { from: 100, to: 5 }, active: { from: true, to: false } } });
    expect(center.toSnapshot()).toMatchObject({ priority: 5, active: false, updatedAt: new Date('2026-01-02T00:00:00Z') });
  });

  it.each([
    [{ code: 'bad code!' }, 'code'],
    [{ code: 'X'.repeat(33) }, 'code'],
    [{ name: '' }, 'name'],
    [{ priority: 1001 }, 'priority'],
    [{ priority: 1.5 }, 'priority'],
  ])('checks its invariants before changing anything (%j)', (input, path) => {
    const error = (() => {
      try {
        FulfillmentCenter.create({ id: 'fc-4', code: 'OK', name: 'Ok', now, ...input });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(InvalidFulfillmentCenterError);
    expect((error as InvalidFulfillmentCenterError).path).toBe(path);
  });
});
