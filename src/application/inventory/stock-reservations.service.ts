import { inject, injectable } from 'tsyringe';
import { AllocationStrategy, type AllocationCandidate } from '#domain/inventory/allocation/allocation-strategy.port';
import { FulfillmentCenterRepository } from '#domain/inventory/fulfillment-center/fulfillment-center.repository';
import { requireReservationQuantity, type InventoryItem } from '#domain/inventory/inventory-item/inventory-item.aggregate';
import { InventoryItemRepository } from '#domain/inventory/inventory-item/inventory-item.repository';
import type { EventMetadata } from '#domain/shared/domain-event';
import type { StockReservations } from '#application/inventory/ports/stock-reservations.port';

type ReserveInput = Parameters<StockReservations['reserveAnywhere']>[0];
type CommitInput = Parameters<StockReservations['commit']>[0];
type ReleaseInput = Parameters<StockReservations['release']>[0];

/**
 * Inventory's side of billing (the StockReservations port). Every change is one conditional write of one item
 * (DESIGN.md D3); what makes the calls idempotent is the reservation id kept on the item: reserving an id held
 * (or committed) anywhere for the product answers where it is held, committing or releasing what is gone acts
 * no more.
 */
@injectable()
export class StockReservationsService implements StockReservations {
  constructor(
    @inject(InventoryItemRepository) private readonly items: InventoryItemRepository,
    @inject(FulfillmentCenterRepository) private readonly centers: FulfillmentCenterRepository,
    @inject(AllocationStrategy) private readonly allocation: AllocationStrategy,
  ) {}

  async reserveAnywhere(input: ReserveInput, meta: EventMetadata): ReturnType<StockReservations['reserveAnywhere']> {
    requireReservationQuantity(input.quantity);
    const [items, centers] = await Promise.all([this.items.findByProduct(input.productId), this.centers.findAll()]);
    const holder = items.find((item) => holds(item, input.reservationId));
    if (holder) return { status: 'reserved', fulfillmentCenterId: holder.fulfillmentCenterId };

    const itemAt = new Map(items.map((item) => [item.fulfillmentCenterId, item]));
    const candidates = centers.flatMap((center): AllocationCandidate[] => {
      const { id, code, priority, active } = center.toSnapshot();
      const item = itemAt.get(id);
      return item ? [{ fulfillmentCenterId: id, code, priority, active, available: item.available }] : [];
    });
    for (const candidate of this.allocation.rank(candidates, input.quantity)) {
      const item = itemAt.get(candidate.fulfillmentCenterId)!;
      const operation = item.reserve(
        { reservationId: input.reservationId, quantity: input.quantity, expiresAt: input.expiresAt, refs: input.refs },
        input.now,
      );
      if (await this.items.apply(operation, meta)) return { status: 'reserved', fulfillmentCenterId: candidate.fulfillmentCenterId };
      // Lost a race here. If a copy of this very call won it, the id is now held: answer that center rather than
      // reserve a second time elsewhere (the repository also refuses an id another item of the product holds).
      const winner = await this.items.findByReservation(input.productId, input.reservationId);
      if (winner) return { status: 'reserved', fulfillmentCenterId: winner.fulfillmentCenterId };
    }
    return { status: 'out_of_stock' };
  }

  async commit(input: CommitInput, meta: EventMetadata): ReturnType<StockReservations['commit']> {
    const item = await this.items.findByReservation(input.productId, input.reservationId);
    if (!item) return { status: 'not_found' };
    if (!item.reservation(input.reservationId)) return { status: 'already_committed', fulfillmentCenterId: item.fulfillmentCenterId };
    const operation = item.commit({ reservationId: input.reservationId, refs: input.refs }, input.now);
    if (await this.items.apply(operation, meta)) return { status: 'committed', fulfillmentCenterId: item.fulfillmentCenterId };
    // Gone between the read and the write: committed by a copy of this call, or released.
    const after = await this.items.findByReservation(input.productId, input.reservationId);
    return after?.hasCommitted(input.reservationId)
      ? { status: 'already_committed', fulfillmentCenterId: after.fulfillmentCenterId }
      : { status: 'not_found' };
  }

  async release(input: ReleaseInput, meta: EventMetadata): ReturnType<StockReservations['release']> {
    const item = await this.items.findByReservation(input.productId, input.reservationId);
    if (!item?.reservation(input.reservationId)) return 'not_found';
    const operation = item.release({ reservationId: input.reservationId, reason: 'released', refs: input.refs }, input.now);
    return (await this.items.apply(operation, meta)) ? 'released' : 'not_found';
  }
}

function holds(item: InventoryItem, reservationId: string): boolean {
  return item.reservation(reservationId) !== undefined || item.hasCommitted(reservationId);
}
