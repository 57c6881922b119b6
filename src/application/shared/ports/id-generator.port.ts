/** New ids: UUIDv7 strings (DESIGN.md D1). */
export interface IdGenerator {
  next(): string;
}
export const IdGenerator = Symbol('IdGenerator');

/** The one check for ids at the edge: a UUID string (v7 in practice; any version is accepted when reading). */
export const ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
export const isId = (value: string): boolean => ID_PATTERN.test(value);
