/**
 * The file an automatic backup writes, made where no page waits for it (the background): the
 * locked file while a lock is stored (sealed to its public key, so no passphrase is needed and it
 * opens with the passphrase or the recovery key, like the encrypted export), else the plain file.
 *
 * A plain file is written into a Blob a slice of notes at a time: the browser keeps a Blob's bytes
 * outside the script's memory, so the file's text is never whole in memory beside the rows it
 * is made from. The locked file is one sealed block (its format, utils/backup/locked.ts), so its
 * text is whole once, for the cipher.
 */
import { createBackup, sealJournal, serializeLockedBackup } from '@/utils/backup/make';
import type { Backup } from '@/utils/model/backup';

/** A backup file ready to download, and what it holds. */
export interface AutoBackupBlob {
  readonly blob: Blob;
  readonly notes: number;
  readonly encrypted: boolean;
}

/** Rows serialized per slice: large enough to be quick, small enough that no slice is a long task. */
const SLICE = 1000;
const JSON_TYPE = 'application/json';

/** Lets other work of this thread run between slices (a Firefox background page shares its thread with the extension's pages). */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * A plain backup as a Blob, a slice of rows at a time: the same JSON as serializeBackup (rows one
 * a line rather than indented), which the import reads alike.
 */
export async function backupBlob(backup: Backup): Promise<Blob> {
  const { notes, events, prompts, promptPrefs, ...head } = backup;
  const lists = { notes, events, prompts, promptPrefs };
  const headText = JSON.stringify(head, null, 2);
  const parts: Blob[] = [new Blob([`${headText.slice(0, -2)},\n`])];
  const names = Object.keys(lists) as (keyof typeof lists)[];
  for (const [index, name] of names.entries()) {
    const rows: readonly unknown[] = lists[name];
    parts.push(new Blob([`  ${JSON.stringify(name)}: [`]));
    for (let start = 0; start < rows.length; start += SLICE) {
      const slice = rows.slice(start, start + SLICE).map((row) => `\n    ${JSON.stringify(row)}`);
      parts.push(new Blob([(start === 0 ? '' : ',') + slice.join(',')]));
      await nextTask();
    }
    parts.push(new Blob([`${rows.length === 0 ? '' : '\n  '}]${index === names.length - 1 ? '' : ','}\n`]));
  }
  parts.push(new Blob(['}\n']));
  return new Blob(parts, { type: JSON_TYPE });
}

/** Everything stored right now as the file of an automatic backup made at `now`. */
export async function makeAutoBackupFile(now: number): Promise<AutoBackupBlob> {
  const sealed = await sealJournal(now);
  if (sealed) return { blob: new Blob([serializeLockedBackup(sealed.backup)], { type: JSON_TYPE }), notes: sealed.notes, encrypted: true };
  const { backup } = await createBackup(now);
  return { blob: await backupBlob(backup), notes: backup.notes.length, encrypted: false };
}
