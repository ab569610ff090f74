import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PROMPTS } from '@/content/prompts';
import { App } from '@/entrypoints/popup/App';
import { readDraft, writeDraft } from '@/utils/storage/drafts';
import { listNotesPage } from '@/utils/db/notes';
import { loadRound, saveRound } from '@/utils/prompts/pick';

const heading = () => screen.getByRole('heading', { level: 1 });
const field = () => screen.getByRole('textbox', { name: 'Your answer' });
const formStatus = () => within(screen.getByRole('form', { name: 'Your answer' })).getByRole('status');
const currentPrompt = () => PROMPTS.find((prompt) => prompt.id === loadRound('popup').at(-1))!;

describe('popup', () => {
  it('shows a prompt from the library on its first render, before any storage answers', () => {
    render(<App />);
    const prompt = currentPrompt();
    expect(heading().textContent).toBe(prompt.kind === 'step' ? prompt.title.en : prompt.text.en);
    expect(field()).toHaveProperty('value', '');
  });

  it('speaks Dutch in a Dutch browser', () => {
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('nl');
    render(<App />);
    const prompt = currentPrompt();
    expect(heading().textContent).toBe(prompt.kind === 'step' ? prompt.title.nl : prompt.text.nl);
    expect(screen.getByRole('button', { name: 'Bewaren' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('nl');
  });

  it('reopens on the prompt being answered, with its draft', () => {
    saveRound('popup', ['q-beliefs', 'q-open-today']);
    void writeDraft('q-open-today', 'I could ask for help with', 5);
    render(<App />);
    expect(heading().textContent).toBe(PROMPTS.find((p) => p.id === 'q-open-today')!.text.en);
    expect(field()).toHaveProperty('value', 'I could ask for help with');
  });

  it('fills in a draft that only durable storage still had', async () => {
    // The page copy was lost (site data cleared); the durable copy still has the draft.
    vi.spyOn(Math, 'random').mockReturnValue(0);
    saveRound('popup', ['q-where-feelings']);
    await fakeBrowser.storage.local.set({ drafts: { 'q-beliefs': { text: 'from storage', updatedAt: 9 } } });
    render(<App />);
    expect(currentPrompt().id).toBe('q-beliefs');
    await waitFor(() => expect(field()).toHaveProperty('value', 'from storage'));
    expect(formStatus().textContent).toBe('Your unsaved answer is back.');
  });

  it('keeps the draft while typing', () => {
    render(<App />);
    fireEvent.input(field(), { target: { value: 'A first line' } });
    expect(readDraft(currentPrompt().id)?.text).toBe('A first line');
  });

  it('saves with the button, confirms after the write, clears the draft, and tells the background a pause was taken', async () => {
    const sent: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => void sent.push(message));
    render(<App />);
    const prompt = currentPrompt();
    fireEvent.input(field(), { target: { value: 'I shared it & it went <b>fine</b>' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved in your journal.');
    const { notes } = await listNotesPage({ limit: 5 });
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({
      promptId: prompt.id,
      promptKind: prompt.kind,
      locale: 'en',
      answer: 'I shared it & it went <b>fine</b>',
      source: 'popup',
    });
    expect(field()).toHaveProperty('value', '');
    expect(readDraft(prompt.id)).toBeUndefined();
    expect(sent).toContainEqual({ type: 'pause-taken' });
  });

  it('saves with Ctrl+Enter', async () => {
    render(<App />);
    fireEvent.input(field(), { target: { value: 'keyboard only' } });
    fireEvent.keyDown(field(), { key: 'Enter', ctrlKey: true });
    await screen.findByText('Saved in your journal.');
    expect((await listNotesPage({ limit: 5 })).notes[0]?.answer).toBe('keyboard only');
  });

  it('refuses an empty answer with a visible message, stores nothing, and counts no pause', async () => {
    const sent: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => void sent.push(message));
    render(<App />);
    fireEvent.input(field(), { target: { value: '   \n ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const alert = await screen.findByRole('alert');
    await waitFor(() => expect(alert.textContent).toBe('Write a few words first: an empty answer is not saved.'));
    expect(field().getAttribute('aria-invalid')).toBe('true');
    expect((await listNotesPage({ limit: 5 })).notes).toHaveLength(0);
    expect(sent).not.toContainEqual({ type: 'pause-taken' });
  });

  it('shows a different prompt on "Another one" and keeps the unsaved answer with the old one', () => {
    render(<App />);
    const first = currentPrompt();
    fireEvent.input(field(), { target: { value: 'not finished' } });
    fireEvent.click(screen.getByRole('button', { name: 'Another one' }));
    const second = currentPrompt();
    expect(second.id).not.toBe(first.id);
    expect(heading().textContent).toBe(second.kind === 'step' ? second.title.en : second.text.en);
    expect(field()).toHaveProperty('value', '');
    expect(readDraft(first.id)?.text).toBe('not finished');
    expect(formStatus().textContent).toContain('kept with the previous prompt');
  });

  it('asks the background to plan again when pauses are on but the browser has no pause alarm', async () => {
    const sent: unknown[] = [];
    // The background's answer: it plans the alarm again.
    fakeBrowser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse: () => void) => {
      sent.push(message);
      void fakeBrowser.alarms.create('pause', { when: Date.now() + 60 * 60_000 }).then(sendResponse);
      return true;
    });
    const panels = () => screen.queryAllByRole('region', { name: 'Pauses' });
    render(<App />);
    await waitFor(() => expect(panels()).toHaveLength(1));
    expect(sent).toEqual([{ type: 'check-schedule' }]);

    // With the alarm there, opening the popup sends nothing.
    sent.length = 0;
    render(<App />);
    await waitFor(() => expect(panels()).toHaveLength(2));
    expect(sent).toEqual([]);
  });
});
