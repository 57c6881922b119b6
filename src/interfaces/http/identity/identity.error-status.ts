import type { UserErrorCode } from '#domain/identity/user/user.errors';

/** HTTP status of every identity error code (exhaustive: a new code fails to compile until it is mapped). */
export const identityErrorStatus = {
  INVALID_EMAIL: 400,
  INVALID_USER: 400,
} as const satisfies Record<UserErrorCode, number>;
