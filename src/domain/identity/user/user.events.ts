import type { DomainEvent } from '#domain/shared/domain-event';
import type { Role } from '#domain/identity/user/role';

export const USER_REGISTERED = 'identity.user.registered';
export const USER_ROLE_CHANGED = 'identity.user.role_changed';

/** Never carries the password or its hash. */
export type UserRegisteredEvent = DomainEvent<{ email: string; name: string; role: Role }>;
export type UserRoleChangedEvent = DomainEvent<{ from: Role; to: Role }>;
