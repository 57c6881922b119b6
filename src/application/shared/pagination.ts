/**
 * Keyset pagination on `(createdAt, _id)`, newest first (DESIGN.md D1, D5). The HTTP edge turns positions into
 * signed cursors; use cases and query ports only see positions.
 */
export interface KeysetPosition {
  readonly createdAt: Date;
  readonly id: string;
}

export interface PageRequest {
  readonly limit: number;
  /** Return rows strictly after this position in (createdAt desc, id desc) order. */
  readonly after?: KeysetPosition;
}

export interface Page<T> {
  readonly items: readonly T[];
  /** Position of the last item when more rows may follow, else null. */
  readonly next: KeysetPosition | null;
}

/** Builds a page from `limit + 1` fetched rows: the extra row only tells whether more follow. */
export function toPage<T>(rows: readonly T[], limit: number, positionOf: (row: T) => KeysetPosition): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, next: rows.length > limit && last ? positionOf(last) : null };
}
