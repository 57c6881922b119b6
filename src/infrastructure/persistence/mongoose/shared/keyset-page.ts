import type { Model } from 'mongoose';
import { toPage, type Page, type PageRequest } from '#application/shared/pagination';
import { keysetAfter } from '#infrastructure/persistence/mongoose/shared/keyset';

/**
 * One page of a list query, newest first on (createdAt, _id) (DESIGN.md D1), without the outbox. `toRow` maps a
 * raw document (with `_id`) to what the page holds.
 */
export async function findKeysetPage<TDocument extends { _id: string; createdAt: Date }, TRow extends { id: string; createdAt: Date }>(
  model: Model<any>,
  filter: Record<string, unknown>,
  page: PageRequest,
  toRow: (document: TDocument) => TRow,
): Promise<Page<TRow>> {
  const documents = await model.collection
    .find<TDocument>(keysetAfter(filter, page.after), { projection: { outbox: 0 } })
    .sort({ createdAt: -1, _id: -1 })
    .limit(page.limit + 1)
    .toArray();
  return toPage(documents.map(toRow), page.limit, (row) => ({ createdAt: row.createdAt, id: row.id }));
}
