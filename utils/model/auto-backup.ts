/**
 * What automatic backups remember on this device (storage.local, key `autoBackup`), and how a
 * stored copy is narrowed. Device state, not a setting in storage.sync: the `downloads` permission
 * and the Downloads folder belong to this browser, not to every browser the person uses.
 */
import * as v from 'valibot';
import { isRecord, TIME } from './fields';

/** How often: weekly unless the person chooses daily. */
export const AUTO_BACKUP_FREQUENCIES = ['weekly', 'daily'] as const;
export type AutoBackupFrequency = (typeof AUTO_BACKUP_FREQUENCIES)[number];

/**
 * Why a backup was not written, in words the Backup section and the popup say: the permission
 * was withdrawn, the disk is full, the browser or the system blocked the download, the folder
 * cannot be written to, the download was cancelled, the journal could not be read, or anything else.
 */
export const AUTO_BACKUP_FAILURES = ['permission', 'disk-full', 'blocked', 'access-denied', 'canceled', 'read', 'failed'] as const;
export type AutoBackupFailureReason = (typeof AUTO_BACKUP_FAILURES)[number];

/** Where the first-run and 20-note suggestions stand: due at the first run, then once at 20 notes, then never again. */
export const AUTO_BACKUP_SUGGESTIONS = ['first-run', 'at-20-notes', 'done'] as const;
export type AutoBackupSuggestion = (typeof AUTO_BACKUP_SUGGESTIONS)[number];

const COUNT = v.pipe(v.number(), v.integer(), v.minValue(0));

/** One automatic backup the extension wrote and the browser finished: the only files it may ever remove. */
const AutoBackupFileSchema = v.object({
  /** The browser's id for the download, to remove the file through downloads.removeFile. */
  downloadId: COUNT,
  /** Where the browser put it, as the browser reported it (the person sees this name). */
  fileName: v.pipe(v.string(), v.maxLength(4096)),
  /** When the backup was made (the moment the file holds). */
  at: TIME,
  notes: COUNT,
  encrypted: v.boolean(),
});
export type AutoBackupFile = v.InferOutput<typeof AutoBackupFileSchema>;

const ENTRIES = {
  enabled: v.boolean(),
  frequency: v.picklist(AUTO_BACKUP_FREQUENCIES),
  /** Finished automatic backups, oldest first; at most the last 8 (utils/backup/automatic.ts). */
  files: v.array(AutoBackupFileSchema),
  /**
   * A backup under way: made at `at` (so its file and its date agree), begun at `startedAt` by the
   * background instance `worker`, and the browser's download and the file's URL once it has them.
   * Nothing is counted as a backup until the browser says the file is complete; a run whose worker
   * ended before its download began is abandoned and made again.
   */
  running: v.nullable(
    v.object({
      at: TIME,
      startedAt: TIME,
      worker: v.pipe(v.string(), v.maxLength(64)),
      downloadId: v.nullable(COUNT),
      url: v.nullable(v.pipe(v.string(), v.maxLength(4096))),
      notes: COUNT,
      encrypted: v.boolean(),
    }),
  ),
  /** The last run that failed, and whether the popup has shown it (once). Cleared by the next success. */
  failure: v.nullable(v.object({ at: TIME, reason: v.picklist(AUTO_BACKUP_FAILURES), shown: v.boolean() })),
  suggestion: v.picklist(AUTO_BACKUP_SUGGESTIONS),
} satisfies Record<string, v.GenericSchema>;

/** What automatic backups remember between wake-ups. */
export type AutoBackupState = { readonly [Key in keyof typeof ENTRIES]: v.InferOutput<(typeof ENTRIES)[Key]> };

/** Off, weekly, nothing written; a journal from before this feature is offered backups at 20 notes. */
export const DEFAULT_AUTO_BACKUP: AutoBackupState = {
  enabled: false,
  frequency: 'weekly',
  files: [],
  running: null,
  failure: null,
  suggestion: 'at-20-notes',
};

/** A stored state narrowed field by field, and the fields that could not be read (read as their defaults). */
export interface ParsedAutoBackup {
  readonly state: AutoBackupState;
  readonly unreadable: readonly (keyof AutoBackupState)[];
}

/**
 * Narrows a stored state, never throwing. Each field stands alone: an unreadable frequency falls
 * back to weekly without forgetting which files are ours. The fields that fell back are named, so
 * the Backup section can say so rather than silently switching backups off. A missing field is
 * not unreadable (stored before it existed, or never stored).
 */
export function parseAutoBackup(stored: unknown): ParsedAutoBackup {
  const record = isRecord(stored) ? stored : {};
  const state: Record<string, unknown> = { ...DEFAULT_AUTO_BACKUP };
  const unreadable: (keyof AutoBackupState)[] = [];
  for (const key of Object.keys(ENTRIES) as (keyof AutoBackupState)[]) {
    if (record[key] === undefined) continue;
    const field = v.safeParse(ENTRIES[key], record[key]);
    if (field.success) state[key] = field.output;
    else unreadable.push(key);
  }
  if (stored !== undefined && !isRecord(stored)) unreadable.push('enabled');
  return { state: state as AutoBackupState, unreadable };
}
