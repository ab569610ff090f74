/**
 * Automatic backups, the background's part: when one is due (its own alarm, every other alarm, the
 * browser's start, "Back up now"), it is written at a good moment, downloaded into
 * Downloads/Adempauze/ and counted only once the browser says the file is complete; then the
 * oldest of its own files beyond eight go. Every step reads its state from storage and writes it
 * back (utils/storage/auto-backup.ts), so a worker that ends half-way leaves nothing counted.
 * The rules are pure, in utils/backup/automatic.ts.
 */
import { browser } from 'wxt/browser';
import { makeAutoBackupFile } from '@/utils/backup/auto-file';
import {
  AFTER_START,
  autoBackupFileName,
  BACKUP_ALARM,
  BACKUP_RECHECK,
  failureOfDownload,
  filesToRemove,
  isAutoBackupDue,
  isBackupMoment,
  isRunning,
  nextAutoBackupAt,
  RUN_ABANDONED_AFTER,
} from '@/utils/backup/automatic';
import { hasAutoBackupPermissions } from '@/utils/backup/permissions';
import { logFailure, logProblem } from '@/utils/log';
import type { AutoBackupFailureReason, AutoBackupState } from '@/utils/model/auto-backup';
import { AUTO_BACKUP_KEY, loadAutoBackup, updateAutoBackup } from '@/utils/storage/auto-backup';
import { loadScheduleState } from '@/utils/storage/schedule-state';
import { fileUrl, releaseFileUrl } from './file-url';

/**
 * This background instance, told apart from the one before: a run that an ended worker was writing
 * can never finish, and must not hold back the next. Not state to keep: it is meant to die with
 * the worker.
 */
const WORKER = crypto.randomUUID();

// The alarm, a download's change, a page's message and the start can come together; each step
// reads, decides and writes, so they run one after the other. Holds no state.
let queue: Promise<unknown> = Promise.resolve();
function serialized(step: () => Promise<void>): Promise<void> {
  const run = queue.then(step, step);
  queue = run.catch(logFailure('automatic backup step failed'));
  return run;
}

/** Sets the one backup alarm, or clears it. */
async function setBackupAlarm(when: number | null): Promise<void> {
  if (when === null) await browser.alarms.clear(BACKUP_ALARM);
  else await browser.alarms.create(BACKUP_ALARM, { when });
}

/** Whether the popup or the pause window is open: someone may be typing an answer there. */
async function answering(): Promise<boolean> {
  const pages = await browser.runtime.getContexts({});
  return pages.some((page) => /\/(popup|pause)\.html$/.test(new URL(page.documentUrl ?? 'about:blank').pathname));
}

/** A run that did not write its file: said in words in the Backup section and once in the popup. */
async function fail(reason: AutoBackupFailureReason, now: number): Promise<void> {
  const state = await updateAutoBackup((current) => ({ ...current, running: null, failure: { at: now, reason, shown: false } }));
  await setBackupAlarm(nextAutoBackupAt(state));
}

/**
 * Looks whether a backup is due and writes it at a good moment; otherwise plans the alarm for when
 * it is due or to look again. With `planOnly`, one due is planned a minute ahead instead of written
 * now: at the browser's start (a backup due while it was closed comes once the start has settled,
 * once: the alarm is replaced, never added to) and when the person turns backups on or changes how
 * often (the first comes through the alarm, soon).
 */
export function checkAutoBackup(now = Date.now(), planOnly = false): Promise<void> {
  return serialized(async () => {
    const { state } = await loadAutoBackup();
    if (!state.enabled) return setBackupAlarm(null);
    // A run is under way: its download settles it; the alarm comes back if it never does.
    if (isRunning(state.running, now, WORKER)) return setBackupAlarm(state.running!.startedAt + RUN_ABANDONED_AFTER);
    if (!isAutoBackupDue(state, now, WORKER)) return setBackupAlarm(nextAutoBackupAt(state));
    if (planOnly) return setBackupAlarm(now + AFTER_START);
    const [schedule, open] = await Promise.all([loadScheduleState(), answering()]);
    if (!isBackupMoment({ offerOpen: schedule.offer !== null, answering: open })) return setBackupAlarm(now + BACKUP_RECHECK);
    await writeBackup(now);
  });
}

/** "Back up now": at once, due or not, unless one is being written. */
export function backUpNow(now = Date.now()): Promise<void> {
  return serialized(async () => {
    const { state } = await loadAutoBackup();
    if (isRunning(state.running, now, WORKER)) return;
    await writeBackup(now);
  });
}

/** Writes the file and hands it to the browser; the download's end (settleDownload) decides what it was. */
async function writeBackup(now: number): Promise<void> {
  if (!(await hasAutoBackupPermissions())) return fail('permission', now);
  await updateAutoBackup((current) => ({
    ...current,
    running: { at: now, startedAt: now, worker: WORKER, downloadId: null, url: null, notes: 0, encrypted: false },
  }));
  // Looked at again if this worker ends before the download begins.
  await setBackupAlarm(now + RUN_ABANDONED_AFTER);
  let file;
  try {
    file = await makeAutoBackupFile(now);
  } catch (error) {
    logProblem('automatic backup: the journal could not be read', error);
    return fail('read', now);
  }
  const url = await fileUrl(file.blob);
  let downloadId: number;
  try {
    downloadId = await browser.downloads.download({ url, filename: autoBackupFileName(now), conflictAction: 'uniquify', saveAs: false });
  } catch (error) {
    // Refused before it began: a policy, or a permission gone since the check.
    logProblem('automatic backup: download refused', error);
    await releaseFileUrl(url);
    return fail((await hasAutoBackupPermissions()) ? 'blocked' : 'permission', now);
  }
  const { notes, encrypted } = file;
  await updateAutoBackup((current) => ({
    ...current,
    running: current.running && { ...current.running, downloadId, url, notes, encrypted },
  }));
  // It may have ended before its id was stored, and then no change is left to hear of it.
  await settleDownload(downloadId);
}

/** A download changed: the one a run waits for is settled once it has ended. */
export function onDownloadChanged(delta: { id: number; state?: { current?: string } }): Promise<void> {
  if (delta.state?.current !== 'complete' && delta.state?.current !== 'interrupted') return Promise.resolve();
  return serialized(() => settleDownload(delta.id));
}

/**
 * Counts a finished download as a backup, or a broken one as a failure (its partial file removed).
 * Only the run's own download is looked at; any other download is not ours to touch.
 */
async function settleDownload(downloadId: number): Promise<void> {
  const { state } = await loadAutoBackup();
  const running = state.running;
  if (running?.downloadId !== downloadId) return;
  const [item] = await browser.downloads.search({ id: downloadId });
  if (item?.state === 'in_progress') return;
  await releaseFileUrl(running.url ?? undefined);
  if (item?.state !== 'complete') {
    // Nothing half-written stays behind, nor in the browser's list.
    await browser.downloads.removeFile(downloadId).catch(() => undefined);
    await browser.downloads.erase({ id: downloadId });
    return fail(failureOfDownload(item?.error), Date.now());
  }
  const made = { downloadId, fileName: item.filename, at: running.at, notes: running.notes, encrypted: running.encrypted };
  const files = [...state.files, made];
  const removed = filesToRemove(files);
  for (const old of removed) {
    // Its own files only, by the id the browser gave them; one the person moved or deleted is simply gone.
    await browser.downloads.removeFile(old.downloadId).catch(() => undefined);
    await browser.downloads.erase({ id: old.downloadId });
  }
  const next = await updateAutoBackup((current) => ({
    ...current,
    files: files.filter((file) => !removed.includes(file)),
    running: null,
    failure: null,
  }));
  await setBackupAlarm(nextAutoBackupAt(next));
}

/** Whether a storage change is the person's choice (on, off, how often), which moves the alarm. */
export function autoBackupChoiceChanged(changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string): boolean {
  const change = changes[AUTO_BACKUP_KEY];
  if (area !== 'local' || !change) return false;
  const choice = (value: unknown) => {
    const { enabled, frequency } = (value ?? {}) as Partial<AutoBackupState>;
    return `${String(enabled)}/${String(frequency)}`;
  };
  return choice(change.oldValue) !== choice(change.newValue);
}

/** The browser started: a run from before it closed can never finish; a backup due meanwhile comes soon. */
export async function onBrowserStart(): Promise<void> {
  const { state } = await loadAutoBackup();
  if (state.running?.downloadId === null) await updateAutoBackup((current) => ({ ...current, running: null }));
  await checkAutoBackup(Date.now(), true);
}
