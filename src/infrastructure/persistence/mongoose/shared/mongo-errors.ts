/** Duplicate-key errors (E11000) from the driver, with the index's first field. */
export function duplicateKeyField(error: unknown): string | null {
  const e = error as { code?: number; keyPattern?: Record<string, unknown>; writeErrors?: Array<{ code?: number }> };
  if (e?.code !== 11000) return null;
  return Object.keys(e.keyPattern ?? {})[0] ?? '_id';
}

export function isDuplicateKeyError(error: unknown): boolean {
  return duplicateKeyField(error) !== null;
}
