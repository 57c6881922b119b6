import type { Role } from '#domain/identity/user/role';
import type { User } from '#domain/identity/user/user.aggregate';

/** What use cases return about a user: never the password hash. */
export interface UserView {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly createdAt: Date;
}

export function toUserView(user: User): UserView {
  const { id, email, name, role, createdAt } = user.toSnapshot();
  return { id, email, name, role, createdAt };
}
