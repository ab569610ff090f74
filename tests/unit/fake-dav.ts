/**
 * A WebDAV server in memory for the sync engine's unit tests (the real one, Apache with mod_dav,
 * runs in the e2e tests and the bench): entity tags that change with every write, conditional
 * writes refused with 'changed' as a server's 412, and a record of every request.
 */
import type { DavLike } from '@/utils/sync/engine';

export interface FakeDav extends DavLike {
  readonly files: Map<string, { body: Uint8Array; etag: string; modified: number }>;
  readonly requests: string[];
  /** Called before each write; returning 'changed' makes it fail as if another browser wrote first. */
  beforePut?: (path: string) => 'changed' | undefined;
  /** Called after a write has landed: throwing there cuts a run off as a killed worker would. */
  afterPut?: (path: string) => void;
}

export function fakeDav(): FakeDav {
  let tag = 0;
  const files = new Map<string, { body: Uint8Array; etag: string; modified: number }>();
  const requests: string[] = [];
  const entry = (name: string) => {
    const file = files.get(name);
    return file && { name, folder: false, etag: file.etag, size: file.body.length, modified: file.modified };
  };
  const dav: FakeDav = {
    files,
    requests,
    list(path) {
      requests.push(`PROPFIND ${path}`);
      return Promise.resolve([...files.keys()].map((name) => entry(name)).filter((found) => found !== undefined));
    },
    stat(path) {
      requests.push(`PROPFIND0 ${path}`);
      return Promise.resolve(entry(path));
    },
    get(path) {
      requests.push(`GET ${path}`);
      const file = files.get(path);
      return Promise.resolve(file && { body: file.body.slice(), etag: file.etag });
    },
    put(path, body, condition) {
      requests.push(`PUT ${path}`);
      const current = files.get(path);
      if (dav.beforePut?.(path) === 'changed') return Promise.resolve({ outcome: 'changed' });
      if ('ifNoneMatch' in condition ? current !== undefined : current?.etag !== condition.ifMatch)
        return Promise.resolve({ outcome: 'changed' });
      const etag = `"${++tag}"`;
      files.set(path, { body: body.slice(), etag, modified: Date.now() });
      try {
        dav.afterPut?.(path);
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
      return Promise.resolve({ outcome: 'ok', etag });
    },
  };
  return dav;
}
