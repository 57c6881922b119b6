import type { EventMetadata } from '#domain/shared/domain-event';
import type { User } from '#domain/identity/user/user.aggregate';

export interface UserRepository {
  /** Versioned save with the recorded events; an e-mail already taken (case-insensitively) raises UniqueConstraintError. */
  save(user: User, meta: EventMetadata): Promise<void>;
  findById(id: string): Promise<User | null>;
  /** Matches case-insensitively (`Email.normalize` is applied to the argument). */
  findByEmail(email: string): Promise<User | null>;
}
export const UserRepository = Symbol('UserRepository');
