/**
 * The unlocked journal's keys, opened once per session key and record in a page (keys.ts loads
 * this with import(), and nothing else imports it, so the first paints carry none of the crypto
 * behind it: open.ts).
 */
import type { LockRecord } from '@/utils/model/lock';
import { fromBase64 } from './crypto';
import type { OpenKeys } from './keys';
import { canonicalJson, lockChecksOut, openKeys } from './open';

/** The session key's keys last opened in this context, so a page imports them once, not per read. */
let opened: { readonly id: string; readonly keys: Promise<OpenKeys> } | undefined;
/** The last record (all of it, not only its MAC) that checked out here: checked once per change, not per read. */
let checked: { readonly session: string; readonly record: string } | undefined;

/**
 * The keys of an unlocked journal for `record` and the session's data key (keys.ts, journalKeys):
 * undefined when the session key does not open it, or a version-2 record does not check out.
 */
export async function openJournalKeys(record: LockRecord, session: string): Promise<OpenKeys | undefined> {
  const id = `${session}|${record.keys.privateKey.data}|${record.keys.previous?.dataKey.data ?? ''}`;
  if (opened?.id !== id) opened = { id, keys: openKeys(fromBase64(session), record.keys) };
  const mine = opened;
  // A session key that does not open this lock's private key is not this lock's: treat as locked.
  const keys = await mine.keys.catch(() => {
    if (opened === mine) opened = undefined;
    return undefined;
  });
  if (!keys) return undefined;
  if (record.version === 2) {
    const text = canonicalJson(record);
    if (!(checked?.session === session && checked.record === text)) {
      if (!(await lockChecksOut(record, keys.macKey))) return undefined;
      checked = { session, record: text };
    }
  }
  return {
    ...keys,
    trustPlain: record.state !== 'on',
    legacyRows: record.version === 1 || record.legacyRows,
  };
}
