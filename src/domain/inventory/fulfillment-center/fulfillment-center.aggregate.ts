import { AggregateRoot } from '#domain/shared/aggregate-root';
import {
  FULFILLMENT_CENTER_CREATED,
  FULFILLMENT_CENTER_UPDATED,
  type FulfillmentCenterCreatedEvent,
  type FulfillmentCenterUpdatedEvent,
} from '#domain/inventory/fulfillment-center/fulfillment-center.events';
import { InvalidFulfillmentCenterError } from '#domain/inventory/fulfillment-center/fulfillment-center.errors';

/** The center every installation has from start-up (API.md); adjustments default to it. */
export const DEFAULT_CENTER_CODE = 'DEFAULT';
const CODE = /^[A-Z0-9_-]{1,32}$/;

export interface FulfillmentCenterSnapshot {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  /** 0..1000, lower ships first. */
  readonly priority: number;
  readonly active: boolean;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface FulfillmentCenterChanges {
  readonly name?: string;
  readonly priority?: number;
  readonly active?: boolean;
}

/** A place stock is held and shipped from. Inactive centers are never allocated from. */
export class FulfillmentCenter extends AggregateRoot {
  private constructor(
    private readonly id: string,
    private readonly code: string,
    private name: string,
    private priority: number,
    private active: boolean,
    private readonly createdAt: Date,
    private updatedAt: Date,
    version: number,
  ) {
    super(version);
  }

  static create(input: { id: string; code: string; name: string; priority?: number; now: Date }): FulfillmentCenter {
    const code = input.code.trim().toUpperCase();
    if (!CODE.test(code)) throw new InvalidFulfillmentCenterError('code must match ^[A-Z0-9_-]{1,32}$', 'code');
    const center = new FulfillmentCenter(input.id, code, validName(input.name), validPriority(input.priority ?? 100), true, input.now, input.now, 0);
    center.record({
      type: FULFILLMENT_CENTER_CREATED,
      version: 1,
      aggregateType: 'FulfillmentCenter',
      aggregateId: input.id,
      occurredAt: input.now,
      payload: { code, name: center.name, priority: center.priority, active: true },
    } satisfies FulfillmentCenterCreatedEvent);
    return center;
  }

  static rehydrate(snapshot: FulfillmentCenterSnapshot, version: number): FulfillmentCenter {
    const s = snapshot;
    return new FulfillmentCenter(s.id, s.code, s.name, s.priority, s.active, s.createdAt, s.updatedAt, version);
  }

  /** Renames, reprioritises or (de)activates; records an event only when something changed. */
  update(changes: FulfillmentCenterChanges, now: Date): void {
    const next = {
      name: changes.name === undefined ? this.name : validName(changes.name),
      priority: changes.priority === undefined ? this.priority : validPriority(changes.priority),
      active: changes.active ?? this.active,
    };
    const diff: Record<string, { from: unknown; to: unknown }> = {};
    if (next.name !== this.name) diff.name = { from: this.name, to: next.name };
    if (next.priority !== this.priority) diff.priority = { from: this.priority, to: next.priority };
    if (next.active !== this.active) diff.active = { from: this.active, to: next.active };
    if (Object.keys(diff).length === 0) return;
    ({ name: this.name, priority: this.priority, active: this.active } = next);
    this.updatedAt = now;
    this.record({
      type: FULFILLMENT_CENTER_UPDATED,
      version: 1,
      aggregateType: 'FulfillmentCenter',
      aggregateId: this.id,
      occurredAt: now,
      payload: { code: this.code, changes: diff },
    } satisfies FulfillmentCenterUpdatedEvent);
  }

  toSnapshot(): FulfillmentCenterSnapshot {
    return {
      id: this.id,
      code: this.code,
      name: this.name,
      priority: this.priority,
      active: this.active,
      createdAt: this.createdAt,
      updatedAt: this.updatedAt,
    };
  }
}

function validName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length < 1 || trimmed.length > 100) throw new InvalidFulfillmentCenterError('name must be 1..100 characters', 'name');
  return trimmed;
}

function validPriority(priority: number): number {
  if (!Number.isInteger(priority) || priority < 0 || priority > 1000) {
    throw new InvalidFulfillmentCenterError('priority must be an integer from 0 to 1000', 'priority');
  }
  return priority;
}
