/**
 * A small database of its own (drafts, sync's agreed state), opened once per context and cached:
 * the next use after a failure, a close, or the browser ending the connection opens it anew, and
 * another page that needs to upgrade or delete it is not blocked (the connection steps aside).
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

export interface CachedDatabase<Schema extends DBSchema | undefined> {
  readonly open: () => Promise<IDBPDatabase<Schema>>;
  /** Closes the cached connection; the next `open` opens a new one. */
  readonly close: () => Promise<void>;
}

export function cachedDatabase<Schema extends DBSchema | undefined = undefined>(
  name: string,
  version: number,
  upgrade: (db: IDBPDatabase<Schema>) => void,
): CachedDatabase<Schema> {
  let connection: Promise<IDBPDatabase<Schema>> | undefined;
  const close = async () => {
    const pending = connection;
    connection = undefined;
    (await pending?.catch(() => undefined))?.close();
  };
  return {
    open: () => {
      connection ??= openDB<Schema>(name, version, {
        upgrade,
        blocking() {
          void close();
        },
        terminated() {
          connection = undefined;
        },
      }).catch((error: unknown) => {
        connection = undefined;
        throw error;
      });
      return connection;
    },
    close,
  };
}
