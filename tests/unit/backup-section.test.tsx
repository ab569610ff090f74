import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { renderInJournal } from './in-language';
import { BackupSection } from '@/entrypoints/options/BackupSection';
import { checkBackup, rememberBackup } from '@/utils/backup/backup';
import { createBackup } from '@/utils/backup/make';
import { addNote } from '@/utils/db/notes';
import { readSnapshot } from '@/utils/db/snapshot';
import { DEFAULT_SETTINGS } from '@/utils/model/settings';
import { loadSettings } from '@/utils/storage/settings';
import { DAY } from '@/utils/time';
import { SAMPLE_NOTE } from './sample-note';
import { DAMAGED_NOTES, writeRawRows } from './raw-rows';
import { createLockedBackup, serializeLockedBackup } from '@/utils/backup/make';
import { fromBase64, toBase64 } from '@/utils/lock/crypto';
import { lockNow } from '@/utils/lock/keys';
import { readRawRows } from './at-rest';
import { freshBrowser, PASSPHRASE, turnOnLock } from './locked-journal';

const T0 = new Date(2026, 10, 25, 14, 20).getTime();

const NOTE = SAMPLE_NOTE;

function backupText(notes: readonly object[]): string {
  return JSON.stringify({
    format: 'adempauze-backup',
    version: 1,
    exportedAt: T0,
    settings: DEFAULT_SETTINGS,
    notes,
    events: [],
    prompts: [],
    promptPrefs: [],
  });
}

function chooseFile(text: string, name = 'adempauze-backup-2026-11-25.json'): void {
  const input = screen.getByLabelText('Import a backup file (JSON)');
  fireEvent.change(input, { target: { files: [new File([text], name, { type: 'application/json' })] } });
}

const renderSection = () => renderInJournal(<BackupSection />);

describe('backup section (options page)', () => {
  it('reminds to export when there is no backup yet', async () => {
    renderSection();
    expect(screen.getByRole('heading', { level: 1, name: 'Backup' })).toBeTruthy();
    await screen.findByText('No export made yet.');
    expect(screen.getByText(/Uninstalling the extension deletes your notes/)).toBeTruthy();
  });

  it('reminds again when the last export is more than 30 days old, and not when it is recent', async () => {
    await rememberBackup(Date.now() - 31 * DAY);
    const { unmount } = renderSection();
    await screen.findByText(/more than 30 days old/);
    unmount();
    await rememberBackup(Date.now() - DAY);
    renderSection();
    await screen.findByText(/^Last export:/);
    expect(screen.queryByText(/Uninstalling the extension/)).toBeNull();
  });

  it('refuses a broken file, names the place, and changes nothing', async () => {
    await addNote(NOTE, T0);
    const before = await readSnapshot();
    renderSection();
    chooseFile(backupText([{ ...before.notes[0], id: 'other', createdAt: 'yesterday' }]));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('nothing was changed');
    expect(alert.textContent).toContain('notes[0].createdAt: expected a number');
    expect(alert.querySelector('code')?.textContent).toBe('notes[0].createdAt');
    expect(await readSnapshot()).toEqual(before);
  });

  it('lists the first problems and counts the rest', async () => {
    renderSection();
    const notes = Array.from({ length: 8 }, (_, i) => ({ id: `n-${i}` }));
    chooseFile(backupText(notes));
    const alert = await screen.findByRole('alert');
    expect(alert.querySelectorAll('li')).toHaveLength(5);
    expect(alert.textContent).toContain('…and');
  });

  it('says so when the file is not JSON at all', async () => {
    renderSection();
    chooseFile('{"format": "adempauze-backup", "notes": [');
    expect((await screen.findByRole('alert')).textContent).toContain('The file is not complete JSON');
  });

  it('imports a valid file with progress, then shows what it did', async () => {
    renderSection();
    const notes = Array.from({ length: 3 }, (_, i) => ({
      ...NOTE,
      id: `n-${i}`,
      answer: `<script>alert(${i})</script>`,
      createdAt: T0 + i,
      updatedAt: T0 + i,
    }));
    chooseFile(backupText(notes));

    await screen.findByText('Checking the file…');
    expect(screen.getByRole('progressbar', { name: 'Import progress' })).toBeTruthy();
    await screen.findByText('Import complete: 3 new, 0 updated, 0 already here.');
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    expect((await readSnapshot()).notes.map((note) => note.answer)).toEqual([
      '<script>alert(0)</script>',
      '<script>alert(1)</script>',
      '<script>alert(2)</script>',
    ]);
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('exports everything as a JSON file that imports again, and remembers when', async () => {
    await addNote(NOTE, T0);
    const downloads = catchDownloads();
    renderSection();
    await screen.findByText('No export made yet.');

    fireEvent.click(screen.getByRole('button', { name: 'Export everything (JSON)' }));

    await screen.findByText(/^Downloaded as adempauze-backup-\d{4}-\d{2}-\d{2}\.json\.$/);
    await screen.findByText(/^Last export:/);
    expect(screen.queryByText(/Uninstalling the extension/)).toBeNull();
    expect(downloads.click).toHaveBeenCalledOnce();
    const link = downloads.click.mock.contexts[0] as HTMLAnchorElement;
    expect(link.download).toMatch(/^adempauze-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const text = (await downloads.texts())[0];
    const check = checkBackup(text ?? '');
    expect(check.ok && check.backup.notes).toEqual((await createBackup(T0)).backup.notes);
    expect(await fakeBrowser.storage.local.get('lastBackupAt')).toEqual({ lastBackupAt: expect.any(Number) as unknown });
  });

  it('exports the notes as Markdown', async () => {
    await addNote({ ...NOTE, answer: '# *literal*' }, T0);
    const downloads = catchDownloads();
    renderSection();

    fireEvent.click(screen.getByRole('button', { name: 'Export notes as Markdown' }));

    await screen.findByText(/^Downloaded as adempauze-notes-\d{4}-\d{2}-\d{2}\.md\.$/);
    expect((await downloads.texts())[0]).toContain('\\# \\*literal\\*');
    // Only a JSON file can be imported again, so only it counts as a backup.
    expect(await fakeBrowser.storage.local.get('lastBackupAt')).toEqual({});
  });

  it('exports past damaged notes, says how many were left out, and the file imports again', async () => {
    await addNote(NOTE, T0);
    await writeRawRows('notes', DAMAGED_NOTES);
    const downloads = catchDownloads();
    renderSection();

    fireEvent.click(screen.getByRole('button', { name: 'Export everything (JSON)' }));

    await screen.findByText(/^Downloaded as adempauze-backup-\d{4}-\d{2}-\d{2}\.json\. 2 notes could not be read and were left out\.$/);
    const check = checkBackup((await downloads.texts())[0] ?? '');
    expect(check.ok && check.backup.notes.map((note) => note.answer)).toEqual([NOTE.answer]);
  });

  it('says in Dutch that a damaged note was left out of the Markdown', async () => {
    await addNote(NOTE, T0);
    await writeRawRows('notes', DAMAGED_NOTES.slice(1));
    catchDownloads();
    renderInJournal(<BackupSection />, 'nl');

    fireEvent.click(screen.getByRole('button', { name: 'Notities exporteren als Markdown' }));

    await screen.findByText(
      /^Gedownload als adempauze-notes-\d{4}-\d{2}-\d{2}\.md\. 1 notitie kon niet worden gelezen en is weggelaten\.$/,
    );
  });

  it('opens the print view in a new tab', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue(undefined);
    renderSection();
    fireEvent.click(screen.getByRole('button', { name: 'Print or save as PDF' }));
    await waitFor(() => expect(create).toHaveBeenCalledWith({ url: 'chrome-extension://test-extension-id/print.html' }));
  });

  it('speaks Dutch in a Dutch interface', async () => {
    renderInJournal(<BackupSection />, 'nl');
    expect(screen.getByRole('heading', { level: 1, name: 'Reservekopie' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Alles exporteren (JSON)' })).toBeTruthy();
    expect(screen.getByLabelText('Een reservekopie importeren (JSON)')).toBeTruthy();
    await screen.findByText('Nog geen export gemaakt.');
  });
});

/** Catches the files the section downloads; resolves each one's text. */
function catchDownloads() {
  const blobs: Blob[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    blobs.push(blob as Blob);
    return 'blob:backup';
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  return { texts: () => Promise.all(blobs.map((blob) => blob.text())), click };
}

/** Opening a locked backup derives a key from the passphrase: slow by design, and seconds on a busy machine. */
const OPENING = { timeout: 55_000 };

describe('backup section with the lock on', () => {
  it('exports encrypted by default, and asks for the passphrase when that file is imported in another browser', async () => {
    await turnOnLock(T0);
    await addNote(NOTE, T0);
    const downloads = catchDownloads();
    const { unmount } = renderSection();

    fireEvent.click(await screen.findByRole('button', { name: 'Export everything, encrypted (JSON)' }));
    await screen.findByText(
      /^Downloaded as adempauze-backup-\d{4}-\d{2}-\d{2}\.json\. The file is encrypted; importing it asks for your passphrase or recovery key\.$/,
    );
    const [text = ''] = await downloads.texts();
    expect(JSON.parse(text)).toMatchObject({ format: 'adempauze-backup', version: 2 });
    expect(text).not.toContain(NOTE.answer);
    unmount();

    await freshBrowser();
    renderSection();
    chooseFile(text);
    const ask = await screen.findByText('This backup is locked. Enter the passphrase or recovery key it was made with.');
    // Which key opens it, for after a key was replaced: the key's date and the start of its id.
    expect(screen.getByText(/^It was made with the key of Nov 25, 2026, .+ \(key .{8}\)\.$/)).toBeTruthy();
    const field = screen.getByLabelText('Passphrase');
    await waitFor(() => expect(document.activeElement).toBe(field));
    expect(field.getAttribute('aria-describedby')?.split(' ')).toContain(ask.id);

    fireEvent.click(screen.getByRole('button', { name: 'Open and import' }));
    await screen.findByText('Type your passphrase first.');
    fireEvent.input(field, { target: { value: 'a short walk' } });
    fireEvent.click(screen.getByRole('button', { name: 'Open and import' }));
    await screen.findByText(
      'That passphrase does not open this backup; nothing was changed. Use the passphrase you had when the backup was made, or your recovery key.',
      undefined,
      OPENING,
    );
    expect((await readSnapshot()).notes).toEqual([]);

    // Put aside, the file can be chosen again.
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByLabelText('Passphrase')).toBeNull();
    expect(document.activeElement).toBe(screen.getByLabelText('Import a backup file (JSON)'));
    chooseFile(text);
    fireEvent.input(await screen.findByLabelText('Passphrase'), { target: { value: PASSPHRASE } });
    fireEvent.click(screen.getByRole('button', { name: 'Open and import' }));
    await screen.findByText('Import complete: 1 new, 0 updated, 0 already here.', undefined, OPENING);
    expect(screen.queryByLabelText('Passphrase')).toBeNull();
    expect((await readSnapshot()).notes.map((note) => note.answer)).toEqual([NOTE.answer]);
  });

  it('asks in Dutch, opens with the recovery key, and says what could not be read', async () => {
    const recoveryKey = await turnOnLock(T0);
    await addNote(NOTE, T0);
    const damaged = await addNote({ ...NOTE, answer: 'damaged on disk' }, T0 + 1);
    const [row] = (await readRawRows('notes')).filter((stored) => stored.id === damaged.id);
    const cipher = row?.cipher as { iv: string; data: string };
    const bytes = fromBase64(cipher.data);
    bytes[0] = (bytes[0] ?? 0) ^ 1;
    await writeRawRows('notes', [{ ...row, cipher: { ...cipher, data: toBase64(bytes) } }]);
    const { unmount } = renderInJournal(<BackupSection />, 'nl');
    expect(await screen.findByRole('button', { name: 'Alles versleuteld exporteren (JSON)' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Zonder versleuteling exporteren…' })).toBeTruthy();
    unmount();
    const backup = await createLockedBackup(T0);
    if (!backup) throw new Error('The lock is off');

    await freshBrowser();
    renderInJournal(<BackupSection />, 'nl');
    fireEvent.change(screen.getByLabelText('Een reservekopie importeren (JSON)'), {
      target: { files: [new File([serializeLockedBackup(backup)], 'adempauze-backup.json', { type: 'application/json' })] },
    });
    await screen.findByText('Deze reservekopie is op slot. Vul de wachtwoordzin of herstelsleutel in waarmee hij is gemaakt.');
    expect(screen.getByLabelText('Wachtwoordzin')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'De herstelsleutel gebruiken' }));
    fireEvent.input(screen.getByLabelText('Herstelsleutel'), { target: { value: recoveryKey } });
    fireEvent.click(screen.getByRole('button', { name: 'Openen en importeren' }));

    await screen.findByText(
      'Importeren klaar: 1 nieuw, 0 bijgewerkt, 0 stonden er al. 1 notitie kon niet worden gelezen en is niet geïmporteerd.',
      undefined,
      OPENING,
    );
    expect((await readSnapshot()).notes.map((note) => note.answer)).toEqual([NOTE.answer]);
  });

  it('exports without encryption only after a second, explicit choice, and only while unlocked', async () => {
    await turnOnLock(T0);
    await addNote(NOTE, T0);
    const downloads = catchDownloads();
    const { unmount } = renderSection();

    fireEvent.click(await screen.findByRole('button', { name: 'Export without encryption…' }));
    expect(screen.getByRole('group', { name: /^Anyone who gets a file without encryption can read all of it/ })).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Your passphrase, to confirm')));
    fireEvent.click(screen.getByRole('button', { name: 'Keep it encrypted' }));
    expect(screen.queryByRole('group')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Export without encryption…' })));
    expect(downloads.click).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'Export without encryption…' }));
    // Not without the passphrase, and not with a wrong one: the lock checks it, not only this form.
    fireEvent.click(screen.getByRole('button', { name: 'Yes, export without encryption' }));
    expect(screen.getByText('Type your passphrase first: a copy without encryption cannot be taken back.')).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Your passphrase, to confirm'), { target: { value: 'not it at all' } });
    fireEvent.click(screen.getByRole('button', { name: 'Yes, export without encryption' }));
    await screen.findByText('That passphrase does not open the journal, so no file was made.');
    expect(downloads.click).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Export without encryption…' }));
    fireEvent.input(screen.getByLabelText('Your passphrase, to confirm'), { target: { value: PASSPHRASE } });
    fireEvent.click(screen.getByRole('button', { name: 'Yes, export without encryption' }));
    await screen.findByText(/^Downloaded as adempauze-backup-\d{4}-\d{2}-\d{2}\.json\.$/);
    const [plain = ''] = await downloads.texts();
    expect(checkBackup(plain)).toMatchObject({ ok: true, backup: { version: 1, notes: [{ answer: NOTE.answer }] } });
    unmount();

    await lockNow();
    const locked =
      'Your journal is locked. Unlock it first to export a readable copy; an encrypted backup can be exported while it is locked.';
    const { unmount: unmountLocked } = renderSection();
    fireEvent.click(await screen.findByRole('button', { name: 'Export without encryption…' }));
    fireEvent.input(screen.getByLabelText('Your passphrase, to confirm'), { target: { value: PASSPHRASE } });
    fireEvent.click(screen.getByRole('button', { name: 'Yes, export without encryption' }));
    await screen.findByText(locked);
    unmountLocked();
    renderSection();
    fireEvent.click(screen.getByRole('button', { name: 'Export notes as Markdown' }));
    expect((await screen.findByRole('alert')).textContent).toBe(locked);
    expect(downloads.click).toHaveBeenCalledOnce();

    // The encrypted backup needs no key: it is made while locked too.
    fireEvent.click(await screen.findByRole('button', { name: 'Export everything, encrypted (JSON)' }));
    await screen.findByText(/The file is encrypted;/);
    expect(downloads.click).toHaveBeenCalledTimes(2);
  });
});
