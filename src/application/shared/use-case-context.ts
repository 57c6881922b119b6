import type { Actor } from '#domain/shared/domain-event';

/** Every use case input carries who acts and the correlation id (DESIGN.md D3). */
export interface UseCaseContext {
  readonly actor: Actor;
  readonly correlationId: string;
}

/** The signed-in caller as the HTTP edge knows it (from the token; no database read). */
export interface Caller {
  readonly userId: string;
  readonly role: 'USER' | 'ADMIN';
}
