import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  AFTER_START,
  AUTO_BACKUP_KEEP,
  BACKUP_ALARM,
  autoBackupFileName,
  failureOfDownload,
  filesToRemove,
  isAutoBackupDue,
  isBackupMoment,
  isRunning,
  nextAutoBackupAt,
  RETRY_AFTER_FAILURE,
  RUN_ABANDONED_AFTER,
} from '@/utils/backup/automatic';
import { backupBlob } from '@/utils/backup/auto-file';
import { checkBackup } from '@/utils/backup/backup';
import { serializeBackup } from '@/utils/backup/make';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup } from '@/utils/model/backup';
import { DEFAULT_SETTINGS } from '@/utils/model/settings';
import { DEFAULT_AUTO_BACKUP, parseAutoBackup, type AutoBackupFile, type AutoBackupState } from '@/utils/model/auto-backup';
import { loadAutoBackup } from '@/utils/storage/auto-backup';
import { DAY, HOUR, MINUTE } from '@/utils/time';
import { SAMPLE_ROW, SAMPLE_TIME } from './sample-note';

/** Friday 4 December 2026, 09:00 in Amsterdam (the unit tests' zone). */
const FRIDAY = new Date(2026, 11, 4, 9, 0).getTime();

const file = (at: number, downloadId = at % 1000): AutoBackupFile => ({
  downloadId,
  fileName: `/home/me/Downloads/${autoBackupFileName(at)}`,
  at,
  notes: 3,
  encrypted: false,
});

const on = (patch: Partial<AutoBackupState> = {}): AutoBackupState => ({ ...DEFAULT_AUTO_BACKUP, enabled: true, ...patch });

describe('the file name', () => {
  it.each([
    [FRIDAY, 'Adempauze/adempauze-2026-12-04.json'],
    // Local dates: 00:30 on 1 January is still the new year's day, and 23:59 its day.
    [new Date(2027, 0, 1, 0, 30).getTime(), 'Adempauze/adempauze-2027-01-01.json'],
    [new Date(2026, 2, 29, 23, 59).getTime(), 'Adempauze/adempauze-2026-03-29.json'],
  ])('at %s is %s', (at, name) => {
    expect(autoBackupFileName(at)).toBe(name);
  });
});

describe('when a backup is due', () => {
  it.each<[string, AutoBackupState, number | null]>([
    ['off: never', { ...DEFAULT_AUTO_BACKUP, files: [file(FRIDAY)] }, null],
    ['on, none made yet: at once', on(), 0],
    ['weekly: a week after the last', on({ files: [file(FRIDAY - 3 * DAY), file(FRIDAY)] }), FRIDAY + 7 * DAY],
    ['daily: a day after the last', on({ frequency: 'daily', files: [file(FRIDAY), file(FRIDAY - DAY)] }), FRIDAY + DAY],
    [
      'after a failure: not before the retry',
      on({ frequency: 'daily', files: [file(FRIDAY - 2 * DAY)], failure: { at: FRIDAY, reason: 'disk-full', shown: false } }),
      FRIDAY + RETRY_AFTER_FAILURE,
    ],
    [
      'a failure long ago does not hold back the regular time',
      on({ files: [file(FRIDAY)], failure: { at: FRIDAY - 10 * DAY, reason: 'blocked', shown: true } }),
      FRIDAY + 7 * DAY,
    ],
  ])('%s', (_, state, expected) => {
    expect(nextAutoBackupAt(state)).toBe(expected);
  });

  it('is due at its time, not a moment before, and not while a run is under way', () => {
    const state = on({ frequency: 'daily', files: [file(FRIDAY)] });
    expect(isAutoBackupDue(state, FRIDAY + DAY - 1, 'w1')).toBe(false);
    expect(isAutoBackupDue(state, FRIDAY + DAY, 'w1')).toBe(true);
    const writing = { at: FRIDAY + DAY, startedAt: FRIDAY + DAY, worker: 'w1', downloadId: null, url: null, notes: 0, encrypted: false };
    expect(isAutoBackupDue({ ...state, running: writing }, FRIDAY + DAY + MINUTE, 'w1')).toBe(false);
    // The worker that was writing ended (the browser stopped it): nothing will finish that run.
    expect(isAutoBackupDue({ ...state, running: writing }, FRIDAY + DAY + MINUTE, 'w2')).toBe(true);
    // A download the browser has ends on its own, whichever worker started it.
    const downloading = { ...writing, downloadId: 7, url: 'blob:x' };
    expect(isAutoBackupDue({ ...state, running: downloading }, FRIDAY + DAY + MINUTE, 'w2')).toBe(false);
    // A run that never ended is made again.
    expect(isRunning(downloading, FRIDAY + DAY + RUN_ABANDONED_AFTER, 'w1')).toBe(false);
    expect(isAutoBackupDue({ ...state, running: downloading }, FRIDAY + DAY + RUN_ABANDONED_AFTER, 'w1')).toBe(true);
  });

  it('a week of being closed makes one backup, not seven', () => {
    const state = on({ frequency: 'daily', files: [file(FRIDAY)] });
    const opened = FRIDAY + 7 * DAY + HOUR;
    expect(isAutoBackupDue(state, opened, 'w')).toBe(true);
    const after = on({ frequency: 'daily', files: [file(FRIDAY), file(opened)] });
    expect(isAutoBackupDue(after, opened + MINUTE, 'w')).toBe(false);
    expect(nextAutoBackupAt(after)).toBe(opened + DAY);
  });
});

describe('the moment', () => {
  it.each([
    ['nothing going on', { offerOpen: false, answering: false }, true],
    ['a pause offered', { offerOpen: true, answering: false }, false],
    ['the popup or the pause window open (an answer may be being typed)', { offerOpen: false, answering: true }, false],
  ])('%s', (_, signals, expected) => {
    expect(isBackupMoment(signals)).toBe(expected);
  });
});

describe('which files go', () => {
  it('keeps the newest eight of its own, in any stored order', () => {
    const files = Array.from({ length: 11 }, (_, i) => file(FRIDAY + i * DAY, 100 + i)).reverse();
    const removed = filesToRemove(files);
    expect(removed.map((f) => f.downloadId).sort()).toEqual([100, 101, 102]);
    expect(files.length - removed.length).toBe(AUTO_BACKUP_KEEP);
  });

  it('removes nothing while there are eight or fewer', () => {
    expect(filesToRemove(Array.from({ length: 8 }, (_, i) => file(FRIDAY + i * DAY)))).toEqual([]);
    expect(filesToRemove([])).toEqual([]);
  });

  it('nine backups on one day: the oldest goes', () => {
    const files = Array.from({ length: 9 }, (_, i) => file(FRIDAY + i * MINUTE, i));
    expect(filesToRemove(files).map((f) => f.downloadId)).toEqual([0]);
  });
});

describe("a download's error in words", () => {
  it.each([
    ['FILE_NO_SPACE', 'disk-full'],
    ['FILE_TOO_LARGE', 'disk-full'],
    ['FILE_BLOCKED', 'blocked'],
    ['FILE_SECURITY_CHECK_FAILED', 'blocked'],
    ['FILE_VIRUS_INFECTED', 'blocked'],
    ['FILE_ACCESS_DENIED', 'access-denied'],
    ['USER_CANCELED', 'canceled'],
    ['NETWORK_FAILED', 'failed'],
    [undefined, 'failed'],
  ])('%s is %s', (error, reason) => {
    expect(failureOfDownload(error)).toBe(reason);
  });
});

describe('the stored state', () => {
  it('reads nothing stored as off, weekly, offered at 20 notes', () => {
    expect(parseAutoBackup(undefined)).toEqual({ state: DEFAULT_AUTO_BACKUP, unreadable: [] });
  });

  it('keeps what it can read, and names each field read as its default', () => {
    const stored = { enabled: true, frequency: 'hourly', files: [file(FRIDAY)], running: 'yes', suggestion: 'done' };
    expect(parseAutoBackup(stored)).toEqual({
      state: { ...DEFAULT_AUTO_BACKUP, enabled: true, files: [file(FRIDAY)], suggestion: 'done' },
      unreadable: ['frequency', 'running'],
    });
  });

  it('a value that is no state at all reads as off, and says so', () => {
    expect(parseAutoBackup('on')).toEqual({ state: DEFAULT_AUTO_BACKUP, unreadable: ['enabled'] });
  });

  it('refuses a file entry that is not one of its downloads', () => {
    const parsed = parseAutoBackup({ enabled: true, files: [{ ...file(FRIDAY), downloadId: -1 }] });
    expect(parsed.state.files).toEqual([]);
    expect(parsed.unreadable).toEqual(['files']);
  });
});

describe('the plain file, written a slice at a time', () => {
  const backupOf = (notes: number): Backup => ({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: SAMPLE_TIME,
    settings: DEFAULT_SETTINGS,
    notes: Array.from({ length: notes }, (_, i) => ({ ...SAMPLE_ROW, id: `note-${i}`, answer: `Answer "${i}"\nwith a second line.` })),
    events: [],
    prompts: [{ id: 'custom-1', text: 'Wat heb ik vandaag durven zeggen?', createdAt: SAMPLE_TIME, updatedAt: SAMPLE_TIME }],
    promptPrefs: [],
  });

  it.each([0, 1, 2500])('holds exactly what the readable export holds, and imports (%i notes)', async (notes) => {
    const backup = backupOf(notes);
    const text = await (await backupBlob(backup)).text();
    expect(JSON.parse(text)).toEqual(JSON.parse(serializeBackup(backup)));
    const check = checkBackup(text);
    expect(check.ok && check.backup.notes.length).toBe(notes);
  });
});

describe('the browser starts with a backup due', () => {
  it('plans it a minute after the start, once, and forgets a run the closed browser left half-way', async () => {
    const { onBrowserStart } = await import('@/entrypoints/background/auto-backup');
    const now = Date.now();
    const lastWeek = file(now - 8 * DAY);
    const halfWay = { at: now - DAY, startedAt: now - DAY, worker: 'gone', downloadId: null, url: null, notes: 0, encrypted: false };
    await fakeBrowser.storage.local.set({ autoBackup: on({ files: [lastWeek], running: halfWay }) });
    await onBrowserStart();
    const alarm = await fakeBrowser.alarms.get(BACKUP_ALARM);
    expect(alarm?.scheduledTime).toBeGreaterThanOrEqual(now + AFTER_START);
    expect(alarm?.scheduledTime).toBeLessThan(now + AFTER_START + MINUTE);
    expect((await loadAutoBackup()).state).toMatchObject({ running: null, files: [lastWeek] });
    // Started again before it came: still the one alarm, no backup written at the start itself.
    await onBrowserStart();
    expect(await fakeBrowser.alarms.getAll()).toHaveLength(1);
    expect((await loadAutoBackup()).state.files).toEqual([lastWeek]);
  });

  it('plans nothing while automatic backups are off', async () => {
    const { onBrowserStart } = await import('@/entrypoints/background/auto-backup');
    await onBrowserStart();
    expect(await fakeBrowser.alarms.get(BACKUP_ALARM)).toBeUndefined();
  });
});
