import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CONTEXT_LINES } from '@/content/prompts';
import { App } from '@/entrypoints/pause/App';
import { decideOpening } from '@/utils/first-paint/opening';
import { writeDraft } from '@/utils/storage/drafts';
import { addNote, listNotesPage } from '@/utils/db/notes';
import { loadRound, saveRound } from '@/utils/prompts/pick';
import { addDays, HOUR } from '@/utils/time';
import { SAMPLE_NOTE } from './sample-note';

function setUp() {
  const sent: unknown[] = [];
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => void sent.push(message));
  const close = vi.spyOn(window, 'close').mockImplementation(() => undefined);
  return { sent, close };
}

describe('pause window', () => {
  it('starts with three slow breaths and lets the person skip them', () => {
    render(<App opening={decideOpening('pause')} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Take three slow breaths');
    expect(screen.getByText('Breath 1 of 3')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Skip' }));
    expect(screen.getByRole('textbox', { name: 'Your answer' })).toBeTruthy();
  });

  it('goes on to the prompt by itself after the third breath', async () => {
    // Every clock but setImmediate: IndexedDB (fake-indexeddb schedules with it), which the
    // prompt's "Last time" reads as it appears, runs on real time, so no read is left pending.
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'requestAnimationFrame', 'cancelAnimationFrame', 'Date'],
    });
    try {
      render(<App opening={decideOpening('pause')} />);
      await vi.advanceTimersByTimeAsync(3 * 10_000 + 100);
      expect(screen.getByRole('textbox', { name: 'Your answer' })).toBeTruthy();
    } finally {
      vi.useRealTimers();
    }
  });

  it('tells the background it opened, so a pause the person opened themselves counts', async () => {
    const { sent } = setUp();
    render(<App opening={decideOpening('pause')} />);
    await vi.waitFor(() => expect(sent).toEqual([{ type: 'pause-opened' }]));
  });

  it('saves the answer as a pause note, tells the background, and shows a line from the article', async () => {
    const { sent } = setUp();
    render(<App opening={decideOpening('pause')} />);
    fireEvent.click(screen.getByRole('button', { name: 'Skip' }));
    const promptId = loadRound('pause').at(-1);
    fireEvent.input(screen.getByRole('textbox', { name: 'Your answer' }), { target: { value: 'breathing helped' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByRole('heading', { name: 'Saved. Thank you for taking a moment.' });
    expect(CONTEXT_LINES.map((line) => line.text.en)).toContain(document.querySelector('blockquote')?.textContent);
    expect((await listNotesPage({ limit: 1 })).notes[0]).toMatchObject({ answer: 'breathing helped', source: 'pause', promptId });
    // The answer saved is a pause taken; then the pause (and any offer it answered) ends.
    expect(sent).toEqual([{ type: 'pause-opened' }, { type: 'pause-taken' }, { type: 'pause-ended', outcome: 'answered', promptId }]);
    // The field that had focus is gone; focus goes to Close, not to the top of the page.
    await vi.waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Close' })));
  });

  it.each([
    ['Not now', 'skipped'],
    ['Snooze 1 hour', 'snoozed'],
    ['No more today', 'done-today'],
  ])('"%s" tells the background (%s) and closes the window', async (button, outcome) => {
    const { sent, close } = setUp();
    render(<App opening={decideOpening('pause')} />);
    fireEvent.click(screen.getByRole('button', { name: 'Skip' }));
    fireEvent.click(screen.getByRole('button', { name: button }));
    await vi.waitFor(() => expect(close).toHaveBeenCalled());
    expect(sent).toEqual([{ type: 'pause-opened' }, { type: 'pause-ended', outcome, promptId: loadRound('pause').at(-1) }]);
  });

  it('saves the feeling chosen with the pause note', async () => {
    setUp();
    render(<App opening={decideOpening('pause')} />);
    fireEvent.click(screen.getByRole('button', { name: 'Skip' }));
    const group = await screen.findByRole('group', { name: 'How do you feel? (optional)' });
    fireEvent.click(within(group).getByRole('button', { name: 'Tense' }));
    expect(within(group).getByRole('button', { name: 'Tense' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.input(screen.getByRole('textbox', { name: 'Your answer' }), { target: { value: 'shoulders up' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByRole('heading', { name: 'Saved. Thank you for taking a moment.' });
    expect((await listNotesPage({ limit: 1 })).notes[0]).toMatchObject({ answer: 'shoulders up', source: 'pause', feeling: 'tense' });
  });

  it('shows last time’s answer; its link opens the journal in a tab and the pause stays', async () => {
    const { close } = setUp();
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    saveRound('pause', ['q-beliefs']);
    void writeDraft('q-beliefs', 'going on from before', 1);
    await addNote({ ...SAMPLE_NOTE, answer: 'a week back' }, addDays(Date.now(), -7) + 12 * HOUR);
    render(<App opening={decideOpening('pause')} />);
    const line = await screen.findByText('Last time (last week)', { selector: 'summary' });
    expect(line.closest('details')?.querySelector('.note-answer')?.textContent).toBe('a week back');
    fireEvent.click(screen.getByRole('link', { name: 'All answers to this prompt' }));
    await vi.waitFor(() =>
      expect(create).toHaveBeenCalledWith({ url: new URL('options.html#journal?prompt=q-beliefs', location.href).href }),
    );
    expect(close).not.toHaveBeenCalled();
    expect(screen.getByRole('textbox', { name: 'Your answer' })).toHaveProperty('value', 'going on from before');
  });

  it('reopens straight on the prompt with its draft', () => {
    saveRound('pause', ['q-beliefs']);
    void writeDraft('q-beliefs', 'where do they come from', 1);
    render(<App opening={decideOpening('pause')} />);
    expect(screen.getByRole('textbox', { name: 'Your answer' })).toHaveProperty('value', 'where do they come from');
  });
});
