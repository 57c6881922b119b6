/**
 * Who may call a route, declared once next to the route (DESIGN.md D5):
 * - `public`: anyone;
 * - `user`: any signed-in caller (USER or ADMIN);
 * - `admin`: ADMIN only (a USER gets 403);
 * - `owner`: any signed-in caller, and the use case's policy answers 404 unless the resource is theirs or the
 *   caller is an ADMIN.
 */
export type Access = 'public' | 'user' | 'admin' | 'owner';
