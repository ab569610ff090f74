/** Note rows as they lie in IndexedDB, for the lock's tests to open them without the extension's own code. */

/** A note row as it lies in IndexedDB: plain, encrypted (`cipher`) or sealed while locked (`sealed`). */
export type Row = Record<string, unknown> & { id: string };

/**
 * What a row's ciphertext is bound to, as README "How the lock works" says: every readable field of
 * the row and the key it is under, written out here again rather than imported, so the test does
 * not take the extension's word for it.
 */
export function rowBinding(row: Row, key: string): string {
  const { id, promptId, promptKind, locale, createdAt, updatedAt, source } = row;
  return JSON.stringify(['adempauze note v2', key, id, promptId, promptKind, locale, createdAt, updatedAt, source]);
}
