import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AutoBackupCard } from '@/entrypoints/options/AutoBackupCard';
import { RETRY_AFTER_FAILURE } from '@/utils/backup/automatic';
import { autoBackupMessages } from '@/utils/i18n/auto-backup';
import { formatDateTime } from '@/utils/i18n/format';
import { journalMessages } from '@/utils/i18n/journal';
import { DEFAULT_AUTO_BACKUP, type AutoBackupState } from '@/utils/model/auto-backup';
import { loadAutoBackup } from '@/utils/storage/auto-backup';
import { DAY, HOUR } from '@/utils/time';
import { renderInJournal } from './in-language';

const t = autoBackupMessages('en');
const journal = journalMessages('en');
/** Two days ago, on the minute (what the section shows of it). */
const AT = Math.floor((Date.now() - 2 * DAY) / 60_000) * 60_000;
/** An hour ago: its retry is still ahead. */
const FAILED_AT = Math.floor((Date.now() - HOUR) / 60_000) * 60_000;

/** The manifest of the shipped build: the backup's permissions optional. */
function shippedManifest(request: boolean) {
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
    manifest_version: 3,
    name: 'Adempauze',
    version: '0.1.0',
    permissions: ['alarms', 'storage'],
    optional_permissions: ['downloads', 'offscreen'],
  });
  // The fake's type says void; the browser answers whether it was granted.
  return vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(request as never);
}

const store = (state: Partial<AutoBackupState> | string) =>
  fakeBrowser.storage.local.set({ autoBackup: typeof state === 'string' ? state : { ...DEFAULT_AUTO_BACKUP, ...state } });

describe('Back up automatically (Backup section)', () => {
  it('is off until turned on; says what survives removal, and that backups without the lock are readable, offering it', async () => {
    renderInJournal(<AutoBackupCard lockOn={false} />);
    const box = await screen.findByRole<HTMLInputElement>('checkbox', { name: t.autoSwitch });
    expect(box.checked).toBe(false);
    expect(screen.getByText(t.autoSurvives)).toBeTruthy();
    expect(screen.getByText(t.autoReadable, { exact: false })).toBeTruthy();
    expect(screen.getByRole('link', { name: t.autoOfferLock }).getAttribute('href')).toBe('#privacy');
    expect(screen.queryByRole('button', { name: t.autoNow })).toBeNull();
  });

  it('asks for both optional permissions in the click, then is on, weekly', async () => {
    const request = shippedManifest(true);
    renderInJournal(<AutoBackupCard lockOn={true} />);
    fireEvent.click(await screen.findByRole('checkbox', { name: t.autoSwitch }));
    expect(request).toHaveBeenCalledWith({ permissions: ['downloads', 'offscreen'] });
    await waitFor(async () => expect((await loadAutoBackup()).state.enabled).toBe(true));
    expect((await screen.findByRole<HTMLInputElement>('radio', { name: t.autoWeekly })).checked).toBe(true);
    expect(screen.getByText(t.autoEncrypted)).toBeTruthy();
    expect(screen.getByText(t.autoNone)).toBeTruthy();
  });

  it('stays off, and says why, when the browser does not allow it', async () => {
    shippedManifest(false);
    renderInJournal(<AutoBackupCard lockOn={false} />);
    fireEvent.click(await screen.findByRole('checkbox', { name: t.autoSwitch }));
    expect((await screen.findByRole('alert')).textContent).toBe(t.autoPermissionRefused);
    expect((await loadAutoBackup()).state.enabled).toBe(false);
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: t.autoSwitch }).checked).toBe(false);
  });

  it('shows the last backup (when, how many notes, its file), the next, and a failure in words', async () => {
    const fileName = '/home/me/Downloads/Adempauze/adempauze-2026-12-04.json';
    await store({
      enabled: true,
      frequency: 'daily',
      files: [{ downloadId: 3, fileName, at: AT, notes: 1234, encrypted: false }],
      failure: { at: FAILED_AT, reason: 'disk-full', shown: true },
    });
    renderInJournal(<AutoBackupCard lockOn={false} />);
    await screen.findByText(t.autoLastValue(formatDateTime(AT, 'en'), journal.noteCount(1234)));
    expect(screen.getByText(fileName)).toBeTruthy();
    // Daily, due a day after the last; a failure since holds the next try back for its retry.
    expect(screen.getByText(formatDateTime(FAILED_AT + RETRY_AFTER_FAILURE, 'en'))).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toBe(t.autoFailed(formatDateTime(FAILED_AT, 'en'), t.autoReason('disk-full')));
    expect((await screen.findByRole<HTMLInputElement>('radio', { name: t.autoDaily })).checked).toBe(true);
  });

  it('reads a damaged stored state as off, and says so', async () => {
    await store('on, please');
    renderInJournal(<AutoBackupCard lockOn={false} />);
    expect((await screen.findByRole('alert')).textContent).toBe(t.autoUnreadable);
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: t.autoSwitch }).checked).toBe(false);
  });

  it('in Dutch too', async () => {
    renderInJournal(<AutoBackupCard lockOn={false} />, 'nl');
    await screen.findByRole('checkbox', { name: autoBackupMessages('nl').autoSwitch });
    expect(screen.getByText(autoBackupMessages('nl').autoSurvives)).toBeTruthy();
  });
});
