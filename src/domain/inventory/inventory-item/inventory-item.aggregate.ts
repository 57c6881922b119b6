import {
  INVENTORY_ADJUSTED,
  INVENTORY_DEDUCTED,
  INVENTORY_RESERVATION_RELEASED,
  INVENTORY_RESERVED,
  type InventoryAdjustedEvent,
  type InventoryDeductedEvent,
  type InventoryItemEvent,
  type InventoryReservationReleasedEvent,
  type InventoryReservedEvent,
  type ReservationRefs,
} from '#domain/inventory/inventory-item/inventory-item.events';
import {
  InsufficientStockError,
  InvalidInventoryOperationError,
  ReservationNotFoundError,
} from '#domain/inventory/inventory-item/inventory-item.errors';
import type { InventoryGuard, InventoryEffect, InventoryOperation } from '#domain/inventory/inventory-item/inventory-operation';

/** Units held for a billing line until committed (deducted), released, or swept after `expiresAt` (real time). */
export interface Reservation {
  readonly reservationId: string;
  readonly quantity: number;
  readonly expiresAt: Date;
  readonly refs: ReservationRefs;
}

/** A reservation that was deducted; remembered for a while so a repeated commit answers "already committed". */
export interface CommittedReservation {
  readonly reservationId: string;
  readonly quantity: number;
  readonly committedAt: Date;
}

export interface InventoryItemSnapshot {
  readonly id: string;
  readonly productId: string;
  readonly fulfillmentCenterId: string;
  readonly onHand: number;
  readonly reserved: number;
  /** Always `onHand - reserved`, never below zero. Stored too, so a write can be conditional on it. */
  readonly available: number;
  readonly reservations: readonly Reservation[];
  readonly committed: readonly CommittedReservation[];
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

const MAX_REASON = 200;

/**
 * Stock of one product at one fulfillment center. Unlike other aggregates it is never loaded-and-saved: each verb
 * checks its rule against the state it was read at, then returns an InventoryOperation (guard + effect + event) that
 * the repository executes as one conditional write, re-checking the guard atomically against the stored item
 * (DESIGN.md D3). The instance itself does not change; read the item again to see the result.
 */
export class InventoryItem {
  private constructor(
    private readonly state: InventoryItemSnapshot,
    /** false for an item created here and not written yet: its first adjustment inserts it. */
    private readonly stored: boolean,
  ) {}

  /** An empty item for a (product, center) that has none yet. Nothing is recorded: its first adjustment creates it. */
  static create(input: { id: string; productId: string; fulfillmentCenterId: string; now: Date }): InventoryItem {
    return new InventoryItem(
      {
        id: input.id,
        productId: input.productId,
        fulfillmentCenterId: input.fulfillmentCenterId,
        onHand: 0,
        reserved: 0,
        available: 0,
        reservations: [],
        committed: [],
        createdAt: input.now,
        updatedAt: input.now,
      },
      false,
    );
  }

  static rehydrate(snapshot: InventoryItemSnapshot): InventoryItem {
    return new InventoryItem({ ...snapshot, available: snapshot.onHand - snapshot.reserved }, true);
  }

  get id(): string {
    return this.state.id;
  }

  get fulfillmentCenterId(): string {
    return this.state.fulfillmentCenterId;
  }

  get available(): number {
    return this.state.available;
  }

  /** The active reservation with this id, if this item holds it. */
  reservation(reservationId: string): Reservation | undefined {
    return this.state.reservations.find((r) => r.reservationId === reservationId);
  }

  hasCommitted(reservationId: string): boolean {
    return this.state.committed.some((c) => c.reservationId === reservationId);
  }

  /** Active reservations whose expiry is at or before `now`. */
  expiredReservations(now: Date): Reservation[] {
    return this.state.reservations.filter((r) => r.expiresAt.getTime() <= now.getTime());
  }

  /** Admin correction of the on-hand count (`delta` ≠ 0). Never below what is reserved: available stays ≥ 0. */
  adjust(input: { delta: number; reason: string }, now: Date): InventoryOperation {
    const { delta } = input;
    if (!Number.isSafeInteger(delta) || delta === 0) throw new InvalidInventoryOperationError('delta must be a non-zero integer', 'delta');
    const reason = input.reason.trim();
    if (reason.length < 1 || reason.length > MAX_REASON) {
      throw new InvalidInventoryOperationError(`reason must be 1..${MAX_REASON} characters`, 'reason');
    }
    this.requireAvailable(-delta, 'the adjustment would leave less than zero available');
    const before = this.state.onHand;
    const guard: InventoryGuard = this.stored
      ? { exists: true, onHand: before, ...(delta < 0 ? { minAvailable: -delta } : {}) }
      : { exists: false };
    return this.operation(guard, { onHand: delta, reserved: 0, at: now }, {
      type: INVENTORY_ADJUSTED,
      ...this.eventBase(now),
      payload: { ...this.ref(), delta, reason, before, after: before + delta },
    } satisfies InventoryAdjustedEvent);
  }

  /**
   * Holds `quantity` units for `reservationId` until it is committed, released or expires. Idempotent by id: the
   * guard refuses an id this item already holds or committed.
   */
  reserve(input: { reservationId: string; quantity: number; expiresAt: Date; refs?: ReservationRefs }, now: Date): InventoryOperation {
    const { reservationId, quantity, expiresAt } = input;
    requireReservationQuantity(quantity);
    if (reservationId.length === 0) throw new InvalidInventoryOperationError('reservationId must not be empty', 'reservationId');
    if (this.reservation(reservationId) || this.hasCommitted(reservationId)) {
      throw new InvalidInventoryOperationError(`reservation ${reservationId} was already made here`, 'reservationId');
    }
    this.requireAvailable(quantity, 'not enough available stock for the reservation');
    const refs = input.refs ?? {};
    return this.operation(
      { exists: true, minAvailable: quantity, lacks: reservationId },
      { onHand: 0, reserved: quantity, addReservation: { reservationId, quantity, expiresAt, refs }, at: now },
      {
        type: INVENTORY_RESERVED,
        ...this.eventBase(now),
        payload: { ...this.ref(), reservationId, quantity, expiresAt, refs },
      } satisfies InventoryReservedEvent,
    );
  }

  /** Deducts a held reservation: the units leave (onHand -= q, reserved -= q; available is unchanged). */
  commit(input: { reservationId: string; refs?: ReservationRefs }, now: Date): InventoryOperation {
    const held = this.held(input.reservationId);
    return this.operation(
      { exists: true, holds: { reservationId: held.reservationId, quantity: held.quantity } },
      {
        onHand: -held.quantity,
        reserved: -held.quantity,
        removeReservation: held.reservationId,
        addCommitted: { reservationId: held.reservationId, quantity: held.quantity, committedAt: now },
        at: now,
      },
      {
        type: INVENTORY_DEDUCTED,
        ...this.eventBase(now),
        payload: { ...this.ref(), reservationId: held.reservationId, quantity: held.quantity, refs: { ...held.refs, ...input.refs } },
      } satisfies InventoryDeductedEvent,
    );
  }

  /** Returns a held reservation's units to available (`expired` when the sweeper does it). */
  release(input: { reservationId: string; reason: 'released' | 'expired'; refs?: ReservationRefs }, now: Date): InventoryOperation {
    const held = this.held(input.reservationId);
    return this.operation(
      { exists: true, holds: { reservationId: held.reservationId, quantity: held.quantity } },
      { onHand: 0, reserved: -held.quantity, removeReservation: held.reservationId, at: now },
      {
        type: INVENTORY_RESERVATION_RELEASED,
        ...this.eventBase(now),
        payload: {
          ...this.ref(),
          reservationId: held.reservationId,
          quantity: held.quantity,
          reason: input.reason,
          refs: { ...held.refs, ...input.refs },
        },
      } satisfies InventoryReservationReleasedEvent,
    );
  }

  toSnapshot(): InventoryItemSnapshot {
    return this.state;
  }

  private held(reservationId: string): Reservation {
    const held = this.reservation(reservationId);
    if (!held) throw new ReservationNotFoundError(reservationId);
    return held;
  }

  private requireAvailable(quantity: number, message: string): void {
    if (this.state.available < quantity) {
      throw new InsufficientStockError(message, {
        productId: this.state.productId,
        fulfillmentCenterId: this.state.fulfillmentCenterId,
        available: this.state.available,
        requested: quantity,
      });
    }
  }

  private operation(guard: InventoryGuard, effect: InventoryEffect, event: InventoryItemEvent): InventoryOperation {
    const { id, productId, fulfillmentCenterId, createdAt } = this.state;
    return { item: { id, productId, fulfillmentCenterId, createdAt }, guard, effect, event };
  }

  private eventBase(now: Date) {
    return { version: 1, aggregateType: 'InventoryItem', aggregateId: this.state.id, occurredAt: now } as const;
  }

  private ref() {
    return { productId: this.state.productId, fulfillmentCenterId: this.state.fulfillmentCenterId };
  }
}

/** A reservation is for a positive whole number of units. */
export function requireReservationQuantity(quantity: number): void {
  if (!Number.isSafeInteger(quantity) || quantity < 1) throw new InvalidInventoryOperationError('quantity must be a positive integer', 'quantity');
}
