/**
 * Every page when IndexedDB is unavailable, the disk is full, or the connection goes away: a
 * plain message in the page's language, the typed text kept, no crash, and a retry that works
 * once storage is back. (Vitest fails a run on any unhandled rejection, so each test also shows
 * that none escaped.)
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App as OptionsApp } from '@/entrypoints/options/App';
import { App as PauseApp } from '@/entrypoints/pause/App';
import { App as PopupApp } from '@/entrypoints/popup/App';
import { App as PrintApp } from '@/entrypoints/print/App';
import { decideOpening } from '@/utils/first-paint/opening';
import { readDraft } from '@/utils/storage/drafts';
import { journalMessages } from '@/utils/i18n/journal';
import { promptsMessages } from '@/utils/i18n/prompts';
import { addNote, getNotes, listNotesPage } from '@/utils/db/notes';
import { listCustomPrompts } from '@/utils/db/prompts';
import { readSnapshot } from '@/utils/db/snapshot';
import { loadRound } from '@/utils/prompts/pick';
import { DEFAULT_SETTINGS } from '@/utils/model/settings';
import { loadSettings } from '@/utils/storage/settings';
import { SAMPLE_NOTE } from './sample-note';
import { failOpenLater, fillDisk, refuseOpen, removeIndexedDB, watchConnections } from './storage-failures';

const T0 = new Date(2026, 10, 25, 14, 20).getTime();
const en = journalMessages('en');
const nl = journalMessages('nl');

const field = () => screen.getByRole('textbox', { name: 'Your answer' });
const saveButton = () => screen.getByRole('button', { name: 'Save' });
const formAlert = () => within(screen.getByRole('form', { name: 'Your answer' })).getByRole('alert');
const popupPrompt = () => loadRound('popup').at(-1)!;

/** The popup, typed into, once its own after-paint reads (the prompt list) are done. */
async function popupWithText(text: string) {
  render(<PopupApp opening={decideOpening('popup')} />);
  await vi.waitFor(() => expect(localStorage.getItem('adempauze.library')).not.toBeNull());
  fireEvent.input(field(), { target: { value: text } });
}

async function expectSaveRefused(message: string, text: string) {
  fireEvent.click(saveButton());
  await waitFor(() => expect(formAlert().textContent).toBe(message));
  expect(field()).toHaveProperty('value', text);
  expect(readDraft(popupPrompt())?.text).toBe(text);
  expect(saveButton()).toHaveProperty('disabled', false);
}

/** Saves again; the refused attempt left nothing behind, so the one note is this one. */
async function expectSavedOnRetry(text: string) {
  fireEvent.click(saveButton());
  await screen.findByText('Saved in your journal.');
  expect((await listNotesPage({ limit: 5 })).notes.map((note) => note.answer)).toEqual([text]);
  expect(readDraft(popupPrompt())).toBeUndefined();
}

describe('popup when storage fails', () => {
  it('says plainly that the browser refuses storage (open throws), keeps the text, and saves on retry', async () => {
    await popupWithText('precious words');
    const storage = await refuseOpen('InvalidStateError');
    await expectSaveRefused(en.saveUnavailable, 'precious words');
    storage.restore();
    await expectSavedOnRetry('precious words');
  });

  it('says the same in Dutch when the browser has no IndexedDB at all', async () => {
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('nl');
    render(<PopupApp opening={decideOpening('popup')} />);
    const storage = await removeIndexedDB();
    fireEvent.input(screen.getByRole('textbox', { name: 'Jouw antwoord' }), { target: { value: 'kostbare woorden' } });
    fireEvent.click(screen.getByRole('button', { name: 'Bewaren' }));
    const form = screen.getByRole('form', { name: 'Jouw antwoord' });
    await waitFor(() => expect(within(form).getByRole('alert').textContent).toBe(nl.saveUnavailable));
    expect(nl.saveUnavailable).toMatch(/^Je browser laat Adempauze nu geen notities bewaren/);
    expect(screen.getByRole('textbox', { name: 'Jouw antwoord' })).toHaveProperty('value', 'kostbare woorden');
    storage.restore();
  });

  it('says so when the open request fails later (VersionError)', async () => {
    await popupWithText('still here');
    await failOpenLater();
    await expectSaveRefused(en.saveUnavailable, 'still here');
  });

  it('tells a full disk apart, keeps the text, and saves once there is room', async () => {
    await popupWithText('no room for this');
    const disk = fillDisk();
    await expectSaveRefused(en.saveFull, 'no room for this');
    expect(en.saveFull).toBe(
      'There is no room left on this device to save. Your text is still here; free some space and press Save again.',
    );
    disk.restore();
    await expectSavedOnRetry('no room for this');
  });

  it('names the detail of any other failure', async () => {
    await popupWithText('odd failure');
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(() => {
      throw new DOMException('Cannot clone this', 'DataCloneError');
    });
    await expectSaveRefused('Could not save (Cannot clone this). Your text is still here; try again.', 'odd failure');
  });

  it('saves again after the browser closed the connection mid-session', async () => {
    const connections = watchConnections();
    await popupWithText('first');
    fireEvent.click(saveButton());
    await screen.findByText('Saved in your journal.');
    connections.terminate();
    fireEvent.input(field(), { target: { value: 'second' } });
    fireEvent.click(saveButton());
    await waitFor(async () => expect((await listNotesPage({ limit: 5 })).notes.map((note) => note.answer)).toEqual(['second', 'first']));
    expect(screen.getByText('Saved in your journal.')).toBeTruthy();
  });
});

describe('pause window when storage fails', () => {
  it('stays on the prompt with the text and the message, tells the background of no pause taken, and saves on retry', async () => {
    const sent: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => void sent.push(message));
    vi.spyOn(window, 'close').mockImplementation(() => undefined);
    render(<PauseApp opening={decideOpening('pause')} />);
    fireEvent.click(screen.getByRole('button', { name: 'Skip' }));
    const storage = await refuseOpen('SecurityError');
    fireEvent.input(field(), { target: { value: 'breathing helped' } });
    fireEvent.click(saveButton());
    await waitFor(() => expect(formAlert().textContent).toBe(en.saveUnavailable));
    expect(field()).toHaveProperty('value', 'breathing helped');
    expect(readDraft(loadRound('pause').at(-1)!)?.text).toBe('breathing helped');
    expect(sent).toEqual([{ type: 'pause-opened' }]);
    storage.restore();
    fireEvent.click(saveButton());
    await screen.findByRole('heading', { name: 'Saved. Thank you for taking a moment.' });
    expect(sent).toMatchObject([{ type: 'pause-opened' }, { type: 'pause-taken' }, { type: 'pause-ended', outcome: 'answered' }]);
  });

  it('tells a full disk apart', async () => {
    render(<PauseApp opening={decideOpening('pause')} />);
    fireEvent.click(screen.getByRole('button', { name: 'Skip' }));
    fillDisk();
    fireEvent.input(field(), { target: { value: 'full' } });
    fireEvent.click(saveButton());
    await waitFor(() => expect(formAlert().textContent).toBe(en.saveFull));
    expect(field()).toHaveProperty('value', 'full');
  });
});

/** Opens the options page on a section. */
function options(section: string) {
  location.hash = section;
  render(<OptionsApp />);
}

describe('journal when storage fails', () => {
  it('says the notes cannot be read (open throws), never that there are none', async () => {
    await refuseOpen();
    options('#journal');
    expect((await screen.findByRole('alert')).textContent).toBe(en.notesUnavailable);
    expect(screen.queryByText(/No notes yet/)).toBeNull();
  });

  it('says the same in Dutch when the open request fails later', async () => {
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('nl');
    await failOpenLater();
    options('#journal');
    expect((await screen.findByRole('alert')).textContent).toBe(nl.notesUnavailable);
    expect(screen.queryByText(nl.notesEmpty)).toBeNull();
  });

  it('keeps an edit in the editor when the disk is full, and stores it once there is room', async () => {
    const note = await addNote(SAMPLE_NOTE, 5_000);
    options('#journal');
    await screen.findByText('1 note');
    fireEvent.click(screen.getByRole('button', { name: 'Edit' }));
    const editor = () => screen.getByRole('textbox', { name: 'Edit your answer' });
    fireEvent.input(editor(), { target: { value: 'changed my mind' } });
    const disk = fillDisk();
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe(en.changeFull));
    expect(editor()).toHaveProperty('value', 'changed my mind');
    expect(await getNotes([note.id])).toEqual([note]);
    disk.restore();
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByText('changed my mind');
    expect((await getNotes([note.id]))[0]?.answer).toBe('changed my mind');
  });

  it('keeps a note whose delete the browser refused, and says so', async () => {
    await addNote(SAMPLE_NOTE, 5_000);
    options('#journal');
    await screen.findByText('1 note');
    const storage = await refuseOpen();
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    await screen.findByText(en.changeUnavailable);
    expect(screen.getByRole('article').querySelector('.note-answer')?.textContent).toBe(SAMPLE_NOTE.answer);
    storage.restore();
    expect(await listNotesPage({ limit: 5 })).toMatchObject({ notes: [{ answer: SAMPLE_NOTE.answer }] });
  });

  it('says so when Undo cannot put a deleted note back', async () => {
    await addNote(SAMPLE_NOTE, 5_000);
    options('#journal');
    await screen.findByText('1 note');
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    await screen.findByText('Note deleted.');
    await refuseOpen();
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await screen.findByText(en.changeUnavailable);
    expect(screen.queryByRole('article')).toBeNull();
  });

  it('says so when searching needs notes that cannot be read', async () => {
    await addNote(SAMPLE_NOTE, 5_000);
    options('#journal');
    await screen.findByText('1 note');
    await refuseOpen();
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search your notes' }), { target: { value: 'one' } });
    await screen.findByText(en.notesUnavailable);
  });
});

describe('other sections when storage fails', () => {
  it('insights say the notes cannot be read', async () => {
    await refuseOpen();
    options('#insights');
    expect((await screen.findByRole('alert')).textContent).toBe(en.notesUnavailable);
  });

  it('prompts say the list cannot be read', async () => {
    await refuseOpen();
    options('#prompts');
    expect((await screen.findByRole('alert')).textContent).toBe(en.notesUnavailable);
  });

  it('an own prompt refused by a full disk stays typed, and is added once there is room', async () => {
    options('#prompts');
    const input = await screen.findByRole('textbox', { name: 'A question of your own' });
    fireEvent.input(input, { target: { value: 'What do I need today?' } });
    const disk = fillDisk();
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe(en.changeFull));
    expect(screen.getByRole('textbox', { name: 'A question of your own' })).toHaveProperty('value', 'What do I need today?');
    expect(await listCustomPrompts()).toEqual([]);
    disk.restore();
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    await screen.findByText(promptsMessages('en').ownPromptAdded);
    expect(screen.queryByRole('alert')).toBeNull();
    expect((await listCustomPrompts()).map((prompt) => prompt.text)).toEqual(['What do I need today?']);
  });

  it('"Not for me" refused by the browser says so and hides nothing', async () => {
    options('#prompts');
    const [hide] = await screen.findAllByRole('button', { name: /^Not for me:/ });
    await refuseOpen();
    fireEvent.click(hide!);
    await screen.findByText(en.changeUnavailable);
    expect(screen.getAllByRole('button', { name: /^Not for me:/ })[0]?.getAttribute('aria-pressed')).toBe('false');
  });

  it('export says the notes cannot be read', async () => {
    await refuseOpen();
    options('#backup');
    fireEvent.click(await screen.findByRole('button', { name: 'Export everything (JSON)' }));
    expect((await screen.findByRole('alert')).textContent).toBe(en.notesUnavailable);
    expect(await fakeBrowser.storage.local.get('lastBackupAt')).toEqual({});
  });

  it('import refused by a full disk writes nothing, keeps the settings, and says so', async () => {
    const kept = await addNote(SAMPLE_NOTE, T0);
    options('#backup');
    const backup = {
      format: 'adempauze-backup',
      version: 1,
      exportedAt: T0,
      settings: { ...DEFAULT_SETTINGS, maxPerDay: 1 },
      notes: [1, 2, 3].map((i) => ({ ...kept, id: `imported-${i}`, answer: `imported ${i}` })),
      events: [],
      prompts: [],
      promptPrefs: [],
    };
    fillDisk();
    fireEvent.change(await screen.findByLabelText('Import a backup file (JSON)'), {
      target: { files: [new File([JSON.stringify(backup)], 'backup.json', { type: 'application/json' })] },
    });
    expect((await screen.findByRole('alert')).textContent).toBe(en.backupImportFull);
    expect((await readSnapshot()).notes).toEqual([kept]);
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('import refused by the browser says nothing was imported', async () => {
    await refuseOpen();
    options('#backup');
    const backup = {
      format: 'adempauze-backup',
      version: 1,
      exportedAt: T0,
      settings: DEFAULT_SETTINGS,
      notes: [],
      events: [],
      prompts: [],
      promptPrefs: [],
    };
    fireEvent.change(await screen.findByLabelText('Import a backup file (JSON)'), {
      target: { files: [new File([JSON.stringify(backup)], 'backup.json', { type: 'application/json' })] },
    });
    expect((await screen.findByRole('alert')).textContent).toBe(en.backupImportUnavailable);
  });

  it('settings live outside IndexedDB and keep working', async () => {
    await removeIndexedDB();
    options('#settings');
    const perDay = await screen.findByRole('spinbutton', { name: 'At most this many offers a day' });
    fireEvent.input(perDay, { target: { value: '2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText('Settings saved.');
    expect((await loadSettings()).maxPerDay).toBe(2);
  });
});

describe('print view when storage fails', () => {
  it('says the notes cannot be read and offers nothing to print', async () => {
    await refuseOpen();
    render(<PrintApp />);
    expect((await screen.findByRole('alert')).textContent).toBe(en.notesUnavailable);
    expect(screen.getByRole('button', { name: 'Print or save as PDF' })).toHaveProperty('disabled', true);
    expect(screen.queryByText(en.printEmpty)).toBeNull();
  });
});
