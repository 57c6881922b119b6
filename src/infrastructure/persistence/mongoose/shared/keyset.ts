import type { KeysetPosition } from '#application/shared/pagination';

/**
 * Adds the keyset condition "strictly after `after` in (createdAt desc, _id desc) order" to a filter. Every list
 * query sorts `{ createdAt: -1, _id: -1 }` and uses this, so pages never skip or repeat rows (DESIGN.md D1).
 */
export function keysetAfter(filter: Record<string, unknown>, after: KeysetPosition | undefined): Record<string, unknown> {
  if (!after) return filter;
  const position = { $or: [{ createdAt: { $lt: after.createdAt } }, { createdAt: after.createdAt, _id: { $lt: after.id } }] };
  return Object.keys(filter).length === 0 ? position : { $and: [filter, position] };
}
