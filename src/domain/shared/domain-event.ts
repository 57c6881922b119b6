/**
 * A fact an aggregate recorded. Events are plain data: the aggregate builds them, the repository stores them in
 * the same document write as the state (the outbox, DESIGN.md D3), and the relay routes them by `type`.
 * `type` is stable and versioned (`'<ctx>.<aggregate>.<past-tense>'` + `version`); never key on class names.
 */
export interface DomainEvent<TPayload extends object = Record<string, unknown>> {
  readonly type: string;
  readonly version: number;
  readonly aggregateType: string;
  readonly aggregateId: string;
  /** Business time (the Clock port) at which the fact happened. */
  readonly occurredAt: Date;
  readonly payload: TPayload;
}

/** Who caused a change: a signed-in user, or the system (scheduler, workers, start-up). */
export type Actor = { readonly type: 'user'; readonly id: string } | { readonly type: 'system'; readonly id?: string };

export const SYSTEM_ACTOR: Actor = Object.freeze({ type: 'system' });

/** Who acts and why, passed explicitly with every write so events and audit entries carry it (DESIGN.md D3). */
export interface EventMetadata {
  readonly actor: Actor;
  readonly correlationId: string;
}
