import { describe, expect, it } from 'bun:test';
import { InvalidFulfillmentCenterError } from '#domain/inventory/fulfillment-center/fulfillment-center.errors';
import { CreateFulfillmentCenterUseCase } from '#application/inventory/create-fulfillment-center/create-fulfillment-center.use-case';
import { ListFulfillmentCentersUseCase } from '#application/inventory/list-fulfillment-centers/list-fulfillment-centers.use-case';
import { UpdateFulfillmentCenterUseCase } from '#application/inventory/update-fulfillment-center/update-fulfillment-center.use-case';
import { ConflictError, NotFoundError } from '#application/shared/application-error';
import { ADMIN_CONTEXT, inventoryFixture } from '../../../support/inventory-fixture';

describe('fulfillment centers', () => {
  it('creates a center with its code upper-cased, active, priority 100 by default, and audits it', async () => {
    const f = inventoryFixture();
    const center = await new CreateFulfillmentCenterUseCase(f.centers, f.ids, f.clock).execute({ ...ADMIN_CONTEXT, code: 'berlin-1', name: 'Berlin' });
    expect(center).toMatchObject({ code: 'BERLIN-1', name: 'Berlin', priority: 100, active: true });
    expect(f.audit.all()).toMatchObject([
      { type: 'fulfillment_center.created', actor: ADMIN_CONTEXT.actor, subject: { type: 'fulfillment_center', id: center.id } },
    ]);
  });

  it('refuses a code taken in any case, and a code outside ^[A-Z0-9_-]{1,32}$', async () => {
    const f = inventoryFixture();
    const create = new CreateFulfillmentCenterUseCase(f.centers, f.ids, f.clock);
    await create.execute({ ...ADMIN_CONTEXT, code: 'EAST', name: 'East' });
    await expect(create.execute({ ...ADMIN_CONTEXT, code: 'east', name: 'Again' })).rejects.toBeInstanceOf(ConflictError);
    await expect(create.execute({ ...ADMIN_CONTEXT, code: 'a b', name: 'Space' })).rejects.toBeInstanceOf(InvalidFulfillmentCenterError);
  });

  it('renames, reprioritises and deactivates; audits only real changes; unknown ids are not found', async () => {
    const f = inventoryFixture();
    const id = await f.center('WEST', 50);
    const update = new UpdateFulfillmentCenterUseCase(f.centers, f.clock);
    const updated = await update.execute({ ...ADMIN_CONTEXT, fulfillmentCenterId: id, changes: { name: 'West coast', priority: 5, active: false } });
    expect(updated).toMatchObject({ code: 'WEST', name: 'West coast', priority: 5, active: false });
    await update.execute({ ...ADMIN_CONTEXT, fulfillmentCenterId: id, changes: { active: false } });
    expect(f.audit.all().filter((e) => e.type === 'fulfillment_center.updated')).toMatchObject([
      { data: { changes: { name: { from: 'WEST', to: 'West coast' }, priority: { from: 50, to: 5 }, active: { from: true, to: false } } } },
    ]);
    await expect(update.execute({ ...ADMIN_CONTEXT, fulfillmentCenterId: f.ids.next(), changes: { name: 'x' } })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('lists centers newest first with keyset pages', async () => {
    const f = inventoryFixture();
    const list = new ListFulfillmentCentersUseCase(f.inventoryQueries);
    const first = await f.defaultCenterId();
    await f.clock.advance(1);
    const second = await f.center('B');
    const page1 = await list.execute({ page: { limit: 1 } });
    expect(page1.items.map((c) => c.id)).toEqual([second]);
    const page2 = await list.execute({ page: { limit: 1, after: page1.next! } });
    expect(page2.items.map((c) => c.id)).toEqual([first]);
    expect(page2.next).toBeNull();
  });
});
