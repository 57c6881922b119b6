import type { KeysetPosition } from '#application/shared/pagination';

/** (createdAt desc, id desc): the order every list uses, mirrored for in-memory adapters. */
export function compareNewestFirst(a: KeysetPosition, b: KeysetPosition): number {
  const byTime = b.createdAt.getTime() - a.createdAt.getTime();
  return byTime !== 0 ? byTime : a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

export function isAfter(row: KeysetPosition, after: KeysetPosition | undefined): boolean {
  return !after || compareNewestFirst(after, row) < 0;
}
