/** What a user may do: USER (own resources) or ADMIN (everything). Carried in the access token. */
export const ROLES = ['USER', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];
