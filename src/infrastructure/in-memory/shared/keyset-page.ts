import { toPage, type Page, type PageRequest } from '#application/shared/pagination';
import { compareNewestFirst, isAfter } from '#infrastructure/in-memory/shared/keyset-order';

/** One page of rows, newest first on (createdAt, id): the in-memory counterpart of `findKeysetPage`. */
export function keysetPageOf<TRow extends { id: string; createdAt: Date }>(rows: readonly TRow[], page: PageRequest): Page<TRow> {
  const after = [...rows].sort(compareNewestFirst).filter((row) => isAfter(row, page.after));
  return toPage(after.slice(0, page.limit + 1), page.limit, (row) => ({ createdAt: row.createdAt, id: row.id }));
}
