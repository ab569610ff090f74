/**
 * Whether the journal lock is on, mirrored into the page's own storage so the popup and pause
 * window know it before their first paint: under the lock a draft must never be written to
 * localStorage (utils/storage/drafts.ts). Not a secret; the lock's keys live in utils/lock/keys.ts,
 * which writes this every time it reads or changes the lock.
 */
import { readPageJson, writePageJson } from './page-storage';

const MIRROR_KEY = 'adempauze.lockOn';

/** True when the lock was on at the last read of any page of this browser profile. */
export function lockMirror(): boolean {
  return readPageJson(MIRROR_KEY) === true;
}

export function mirrorLock(on: boolean): void {
  // Pages only: a service worker has no localStorage, and writing is skipped there.
  writePageJson(MIRROR_KEY, on);
}
