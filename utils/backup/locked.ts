/**
 * The locked backup (version 2, its shape in utils/model/backup.ts): with the lock on, the JSON
 * export is sealed to the lock's public key. Sealing needs no secret, so it is made just as well
 * while the journal is locked; and the file carries the lock's wrapped keys, so the passphrase or
 * recovery key it was made with opens it again, in this browser or any other. Nothing in it is
 * readable but its format and version, and those keys, which are all wrapped or public.
 *
 * Inside are the rows exactly as stored: an encrypted row stays encrypted, a damaged one is kept
 * as it is. Opening the file reads them as the journal reads its own, leaves out and counts what
 * does not open, and holds the rest to every rule of a plain file (utils/backup/backup.ts) before
 * anything is written.
 */
import * as v from 'valibot';
import { rowToNote, rowToPrompt } from '@/utils/db/cipher';
import type { SkippedRows } from '@/utils/db/snapshot';
import { journalMessages, type JournalMessages } from '@/utils/i18n/journal';
import { openSealedText } from '@/utils/lock/crypto';
import type { OpenKeys } from '@/utils/lock/keys';
import { openKeys } from '@/utils/lock/open';
import { unwrapDataKey, type Secret } from '@/utils/lock/secrets';
import {
  BACKUP_FORMAT,
  BACKUP_ROWS,
  BACKUP_VERSION,
  LockedContentSchema,
  type Backup,
  type LockedBackup,
  type LockedContent,
} from '@/utils/model/backup';
import { checkBackupData, type BackupProblem } from './backup';
import { LOCKED_BACKUP_CONTEXT } from './make';

/**
 * What opening a locked backup came to: the backup, checked like a plain file, with what could
 * not be read and was left out; the problems of a damaged file; or a secret that does not open it.
 */
export type OpenedBackup =
  | { readonly ok: true; readonly backup: Backup; readonly leftOut: SkippedRows }
  | { readonly ok: false; readonly problems: readonly BackupProblem[] }
  | { readonly ok: false; readonly wrongSecret: true };

/** The keys and the contents of a locked backup; undefined when the file does not open although the secret did. */
async function openContent(
  backup: LockedBackup,
  dataKeyBytes: Uint8Array<ArrayBuffer>,
): Promise<{ keys: OpenKeys; content: LockedContent } | undefined> {
  try {
    const keys = await openKeys(dataKeyBytes, backup.lock);
    const content = v.safeParse(
      LockedContentSchema,
      JSON.parse(await openSealedText(keys.privateKey, backup.sealed, LOCKED_BACKUP_CONTEXT)),
    );
    return content.success ? { keys, content: content.output } : undefined;
  } catch {
    // GCM refuses a box changed by a single bit, JSON.parse a text that is not JSON.
    return undefined;
  }
}

/**
 * Opens a locked backup with the passphrase or recovery key it was made with, writing nothing.
 * Encrypted rows are decrypted with the file's own keys; a row that does not open, or that a plain
 * file could not hold, is left out and counted (as a plain export leaves it out), so one damaged
 * record never costs the rest. What remains is checked by every rule of a version 1 file, in the
 * language of `t`, and is then applied like one (applyBackup).
 */
export async function openLockedBackup(
  backup: LockedBackup,
  secret: Secret,
  t: JournalMessages = journalMessages('en'),
): Promise<OpenedBackup> {
  const dataKeyBytes = await unwrapDataKey(backup.lock, secret);
  if (!dataKeyBytes) return { ok: false, wrongSecret: true };
  const opened = await openContent(backup, dataKeyBytes);
  if (!opened) return { ok: false, problems: [{ path: '', message: t.backupLockedDamaged }] };
  const { keys, content } = opened;
  const [notes, prompts] = await Promise.all([
    Promise.all(content.notes.map((row) => rowToNote(row, keys))),
    Promise.all(content.prompts.map((row) => rowToPrompt(row, keys))),
  ]);
  const fitting = (rows: readonly unknown[], schema: v.GenericSchema) => rows.filter((row) => v.is(schema, row));
  const rows = {
    notes: fitting(
      notes.filter((note) => note !== undefined && !note.unreadable),
      BACKUP_ROWS.notes,
    ),
    events: fitting(content.events, BACKUP_ROWS.events),
    prompts: fitting(prompts, BACKUP_ROWS.prompts),
    promptPrefs: fitting(content.promptPrefs, BACKUP_ROWS.promptPrefs),
  };
  const leftOut: SkippedRows = {
    notes: content.notes.length - rows.notes.length,
    events: content.events.length - rows.events.length,
    prompts: content.prompts.length - rows.prompts.length,
    promptPrefs: content.promptPrefs.length - rows.promptPrefs.length,
  };
  const check = checkBackupData(
    { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: content.exportedAt, settings: content.settings, ...rows },
    t,
  );
  return check.ok ? { ...check, leftOut } : check;
}
