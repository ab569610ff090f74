import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PROMPTS } from '@/content/prompts';
import { handleMessage } from '@/entrypoints/background/scheduler';
import { App } from '@/entrypoints/popup/App';
import { decideOpening } from '@/utils/first-paint/opening';
import { parseMessage } from '@/utils/messages';
import { parseScheduleState, type ScheduleState } from '@/utils/model/schedule';
import { PAUSE_ALARM } from '@/utils/schedule/schedule';
import { loadScheduleState, saveScheduleState } from '@/utils/storage/schedule-state';
import { addDays, HOUR, MINUTE } from '@/utils/time';
import { readDraft, writeDraft } from '@/utils/storage/drafts';
import { addNote, listNotesPage } from '@/utils/db/notes';
import { loadRound, saveRound } from '@/utils/prompts/pick';
import { SAMPLE_NOTE } from './sample-note';

const heading = () => screen.getByRole('heading', { level: 1 });
const field = () => screen.getByRole('textbox', { name: 'Your answer' });
const formStatus = () => within(screen.getByRole('form', { name: 'Your answer' })).getByRole('status');
const currentPrompt = () => PROMPTS.find((prompt) => prompt.id === loadRound('popup').at(-1))!;

describe('popup', () => {
  it('shows a prompt from the library on its first render, before any storage answers', () => {
    render(<App opening={decideOpening('popup')} />);
    const prompt = currentPrompt();
    expect(heading().textContent).toBe(prompt.kind === 'step' ? prompt.title.en : prompt.text.en);
    expect(field()).toHaveProperty('value', '');
  });

  it('speaks Dutch in a Dutch browser', () => {
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('nl');
    render(<App opening={decideOpening('popup')} />);
    const prompt = currentPrompt();
    expect(heading().textContent).toBe(prompt.kind === 'step' ? prompt.title.nl : prompt.text.nl);
    expect(screen.getByRole('button', { name: 'Bewaren' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('nl');
  });

  it('reopens on the prompt being answered, with its draft', () => {
    saveRound('popup', ['q-beliefs', 'q-open-today']);
    void writeDraft('q-open-today', 'I could ask for help with', 5);
    render(<App opening={decideOpening('popup')} />);
    expect(heading().textContent).toBe(PROMPTS.find((p) => p.id === 'q-open-today')!.text.en);
    expect(field()).toHaveProperty('value', 'I could ask for help with');
  });

  it('fills in a draft that only durable storage still had', async () => {
    // The page copy was lost (site data cleared); the durable copy still has the draft.
    vi.spyOn(Math, 'random').mockReturnValue(0);
    saveRound('popup', ['q-where-feelings']);
    await fakeBrowser.storage.local.set({ drafts: { 'q-beliefs': { text: 'from storage', updatedAt: 9 } } });
    render(<App opening={decideOpening('popup')} />);
    expect(currentPrompt().id).toBe('q-beliefs');
    await waitFor(() => expect(field()).toHaveProperty('value', 'from storage'));
    expect(formStatus().textContent).toBe('Your unsaved answer is back.');
  });

  it('keeps the draft while typing', () => {
    render(<App opening={decideOpening('popup')} />);
    fireEvent.input(field(), { target: { value: 'A first line' } });
    expect(readDraft(currentPrompt().id)?.text).toBe('A first line');
  });

  it('saves with the button, confirms after the write, clears the draft, and tells the background a pause was taken', async () => {
    const sent: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => void sent.push(message));
    render(<App opening={decideOpening('popup')} />);
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
    render(<App opening={decideOpening('popup')} />);
    fireEvent.input(field(), { target: { value: 'keyboard only' } });
    fireEvent.keyDown(field(), { key: 'Enter', ctrlKey: true });
    await screen.findByText('Saved in your journal.');
    expect((await listNotesPage({ limit: 5 })).notes[0]?.answer).toBe('keyboard only');
  });

  it('refuses an empty answer with a visible message, stores nothing, and counts no pause', async () => {
    const sent: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => void sent.push(message));
    render(<App opening={decideOpening('popup')} />);
    fireEvent.input(field(), { target: { value: '   \n ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const alert = await screen.findByRole('alert');
    await waitFor(() => expect(alert.textContent).toBe('Write a few words first: an empty answer is not saved.'));
    expect(field().getAttribute('aria-invalid')).toBe('true');
    expect((await listNotesPage({ limit: 5 })).notes).toHaveLength(0);
    expect(sent).not.toContainEqual({ type: 'pause-taken' });
  });

  it('shows a different prompt on "Another one" and keeps the unsaved answer with the old one', () => {
    render(<App opening={decideOpening('popup')} />);
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
    render(<App opening={decideOpening('popup')} />);
    await waitFor(() => expect(panels()).toHaveLength(1));
    expect(sent).toEqual([{ type: 'check-schedule' }]);

    // With the alarm there, opening the popup sends nothing.
    sent.length = 0;
    render(<App opening={decideOpening('popup')} />);
    await waitFor(() => expect(panels()).toHaveLength(2));
    expect(sent).toEqual([]);
  });
});

describe('the pause panel: quiet for a while', () => {
  // Wednesday 25 November 2026, 10:00 local time, inside active hours.
  const NOW = new Date(2026, 10, 25, 10, 0).getTime();
  let sent: unknown[];

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    sent = [];
    // The real background's handler answers, as the service worker would.
    fakeBrowser.runtime.onMessage.addListener((raw: unknown, _sender, sendResponse: () => void) => {
      sent.push(raw);
      const message = parseMessage(raw);
      // The popup asks nothing of automatic backups or sync; the schedule answers the rest.
      if (!message || message.type === 'back-up-now' || message.type === 'sync-now') return false;
      void handleMessage(message).then(sendResponse);
      return true;
    });
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  /** The popup opened on this schedule, with the next pause planned in an hour; resolves to its pause panel. */
  async function openPopup(schedule: Partial<ScheduleState> = {}) {
    await fakeBrowser.alarms.create(PAUSE_ALARM, { when: NOW + HOUR });
    await saveScheduleState({ ...parseScheduleState(undefined), nextOfferAt: NOW + HOUR, ...schedule });
    render(<App opening={decideOpening('popup')} />);
    const panel = await screen.findByRole('region', { name: /^(Pauses|Pauzes)$/ });
    return {
      panel,
      status: () => within(panel).getByRole('status'),
      button: (name: string) => within(panel).getByRole('button', { name }),
      quietFor: () => within(panel).getByRole('combobox', { name: 'Quiet for' }),
      choose(option: string) {
        const select = this.quietFor();
        fireEvent.change(select, { target: { value: within(select).getByRole<HTMLOptionElement>('option', { name: option }).value } });
      },
      /** Presses a button as a person does: focus moves to it, then it is clicked. */
      press(name: string) {
        const button = this.button(name);
        button.focus();
        fireEvent.click(button);
      },
    };
  }

  it('offers "In a meeting" and the "Quiet for" choices under the next pause', async () => {
    const popup = await openPopup();
    expect(popup.status().textContent).toBe('Next pause around 11:00 AM.');
    expect(popup.button('In a meeting')).toBeTruthy();
    const options = within(popup.quietFor())
      .getAllByRole('option')
      .map((option) => option.textContent);
    expect(options).toEqual(['30 minutes', '1 hour', '2 hours', 'Until a time…', 'The rest of today']);
    expect(popup.button('Go quiet')).toBeTruthy();
    expect(within(popup.panel).queryByLabelText('Quiet until')).toBeNull();
  });

  it.each([
    ['30 minutes', NOW + 30 * MINUTE, 'Quiet until 10:30 AM.'],
    ['1 hour', NOW + HOUR, 'Quiet until 11:00 AM.'],
    ['2 hours', NOW + 2 * HOUR, 'Quiet until 12:00 PM.'],
    ['The rest of today', new Date(2026, 10, 26).getTime(), 'Quiet until tomorrow.'],
  ])('"%s" asks for quiet until the right time, says until when, and puts focus on Resume', async (option, until, line) => {
    const popup = await openPopup();
    popup.choose(option);
    popup.press('Go quiet');
    await waitFor(() => expect(popup.status().textContent).toBe(line));
    expect(sent).toEqual([{ type: 'quiet', until, reason: null }]);
    expect((await loadScheduleState()).quietUntil).toBe(until);
    await waitFor(() => expect(document.activeElement).toBe(popup.button('Resume pauses')));
  });

  it('"In a meeting" is an hour of quiet, and says so', async () => {
    const popup = await openPopup();
    popup.press('In a meeting');
    await waitFor(() => expect(popup.status().textContent).toBe('In a meeting until 11:00 AM.'));
    expect(sent).toEqual([{ type: 'quiet', until: NOW + HOUR, reason: 'meeting' }]);
    await waitFor(() => expect(document.activeElement).toBe(popup.button('Resume pauses')));
  });

  it('"Until a time…" shows a labelled time field; a time later today is today', async () => {
    const popup = await openPopup();
    popup.choose('Until a time…');
    const time = within(popup.panel).getByLabelText<HTMLInputElement>('Quiet until');
    expect(time.type).toBe('time');
    // It starts on a full hour at least half an hour on.
    expect(time.value).toBe('11:00');
    fireEvent.input(time, { target: { value: '15:30' } });
    expect(within(popup.panel).queryByText(/tomorrow/)).toBeNull();
    popup.press('Go quiet');
    await waitFor(() => expect(popup.status().textContent).toBe('Quiet until 3:30 PM.'));
    expect(sent).toEqual([{ type: 'quiet', until: new Date(2026, 10, 25, 15, 30).getTime(), reason: null }]);
  });

  it('a time earlier than now means tomorrow, and the popup says so before it is chosen', async () => {
    const popup = await openPopup();
    popup.choose('Until a time…');
    const time = within(popup.panel).getByLabelText<HTMLInputElement>('Quiet until');
    fireEvent.input(time, { target: { value: '09:00' } });
    const hint = within(popup.panel).getByText('That time has passed today: quiet until tomorrow.');
    expect(hint.getAttribute('aria-live')).toBe('polite');
    expect(time.getAttribute('aria-describedby')).toBe(hint.id);
    expect(sent).toEqual([]);
    popup.press('Go quiet');
    await waitFor(() => expect(popup.status().textContent).toBe('Quiet until Thu 9:00 AM.'));
    expect(sent).toEqual([{ type: 'quiet', until: new Date(2026, 10, 26, 9, 0).getTime(), reason: null }]);
  });

  it('sends nothing while the time field is empty', async () => {
    const popup = await openPopup();
    popup.choose('Until a time…');
    fireEvent.input(within(popup.panel).getByLabelText('Quiet until'), { target: { value: '' } });
    fireEvent.submit(popup.button('Go quiet').closest('form')!);
    expect(sent).toEqual([]);
    expect(popup.status().textContent).toBe('Next pause around 11:00 AM.');
  });

  it('"Resume pauses" ends the quiet time; the next pause is planned from now and focus goes back to the choices', async () => {
    const popup = await openPopup({ quietUntil: NOW + HOUR, quietReason: 'meeting', nextOfferAt: NOW + 2 * HOUR });
    expect(popup.status().textContent).toBe('In a meeting until 11:00 AM.');
    expect(within(popup.panel).queryByRole('combobox')).toBeNull();
    popup.press('Resume pauses');
    await waitFor(() => expect(popup.status().textContent).toMatch(/^Next pause around /));
    expect(sent).toEqual([{ type: 'resume' }]);
    expect(await loadScheduleState()).toMatchObject({ quietUntil: null, quietReason: null });
    await waitFor(() => expect(document.activeElement).toBe(popup.button('In a meeting')));
  });

  it('says until when in Dutch', async () => {
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('nl');
    const meeting = await openPopup({ quietUntil: NOW + HOUR, quietReason: 'meeting' });
    expect(meeting.status().textContent).toBe('In een vergadering tot 11:00.');
    await saveScheduleState({ ...(await loadScheduleState()), quietUntil: new Date(2026, 10, 26, 9).getTime(), quietReason: null });
    await waitFor(() => expect(meeting.status().textContent).toBe('Stil tot do 9:00.'));
    await saveScheduleState({ ...(await loadScheduleState()), quietUntil: new Date(2026, 10, 26).getTime() });
    await waitFor(() => expect(meeting.status().textContent).toBe('Stil tot morgen.'));
  });

  it('says calmly when offers have backed off; "Return to the set pace" plans at that pace, and the line goes', async () => {
    // Two steps back: the next pause in 2 h 15 min, as the background planned it.
    const popup = await openPopup({ backOff: 2, nextOfferAt: NOW + 2.25 * HOUR });
    expect(popup.status().textContent).toBe('Next pause around 12:15 PM. Pauses come less often since the last few passed by.');
    popup.press('Return to the set pace');
    await waitFor(() => expect(popup.status().textContent).toMatch(/^Next pause around \d+:\d+ [AP]M\.$/));
    expect(sent).toEqual([{ type: 'set-pace' }]);
    const state = await loadScheduleState();
    expect(state.backOff).toBe(0);
    expect(state.nextOfferAt).toBeGreaterThanOrEqual(NOW + HOUR);
    expect(state.nextOfferAt).toBeLessThanOrEqual(NOW + 2 * HOUR);
    expect(within(popup.panel).queryByRole('button', { name: 'Return to the set pace' })).toBeNull();
    // The button went with the line: focus goes to the first choice, not lost on the page.
    await waitFor(() => expect(document.activeElement).toBe(popup.button('In a meeting')));
  });

  it('says nothing of the pace at the set pace, nor while quiet; in Dutch it says it in Dutch', async () => {
    const popup = await openPopup();
    expect(within(popup.panel).queryByRole('button', { name: 'Return to the set pace' })).toBeNull();
    await saveScheduleState({ ...(await loadScheduleState()), backOff: 1, quietUntil: NOW + HOUR });
    await waitFor(() => expect(popup.status().textContent).toBe('Quiet until 11:00 AM.'));
    expect(within(popup.panel).queryByRole('button', { name: 'Return to the set pace' })).toBeNull();
    cleanup();

    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('nl');
    const dutch = await openPopup({ backOff: 1 });
    expect(dutch.status().textContent).toBe('Volgende pauze rond 11:00. Pauzes komen minder vaak, nu de laatste paar voorbijgingen.');
    expect(dutch.button('Terug naar het ingestelde tempo')).toBeTruthy();
  });

  it('leaves focus where the person is when another page changes the schedule', async () => {
    const popup = await openPopup();
    field().focus();
    await saveScheduleState({ ...(await loadScheduleState()), quietUntil: NOW + HOUR });
    await waitFor(() => expect(popup.status().textContent).toBe('Quiet until 11:00 AM.'));
    expect(document.activeElement).toBe(field());
  });
});

describe('the popup: how do you feel, and last time', () => {
  const feelings = () => screen.findByRole('group', { name: 'How do you feel? (optional)' });
  const chosen = () =>
    screen
      .queryAllByRole('button', { pressed: true })
      .filter((button) => button.closest('.feeling-picker'))
      .map((button) => button.textContent);
  const save = async (answer: string) => {
    fireEvent.input(field(), { target: { value: answer } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(formStatus().textContent).toBe('Saved in your journal.'));
  };
  const newestNote = async () => (await listNotesPage({ limit: 1 })).notes[0];

  /** Opens the popup on `promptId`: every other prompt has come round already. */
  function openOn(promptId: string) {
    saveRound(
      'popup',
      PROMPTS.filter((prompt) => prompt.id !== promptId).map((prompt) => prompt.id),
    );
    render(<App opening={decideOpening('popup')} />);
    expect(currentPrompt().id).toBe(promptId);
  }

  it('saves the feeling chosen with the answer, then starts the next answer with none', async () => {
    render(<App opening={decideOpening('popup')} />);
    fireEvent.click(within(await feelings()).getByRole('button', { name: 'Calm' }));
    expect(chosen()).toEqual(['Calm']);
    await save('settled, for once');
    expect(await newestNote()).toMatchObject({ answer: 'settled, for once', feeling: 'calm' });
    expect(chosen()).toEqual([]);

    await save('and a second thought');
    const second = await newestNote();
    expect(second?.answer).toBe('and a second thought');
    expect(second).not.toHaveProperty('feeling');
  });

  it('keeps the feeling when a save is refused, and lets it go with "Another one"', async () => {
    render(<App opening={decideOpening('popup')} />);
    fireEvent.click(within(await feelings()).getByRole('button', { name: 'Heavy' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Write a few words first: an empty answer is not saved.');
    expect(chosen()).toEqual(['Heavy']);

    fireEvent.click(screen.getByRole('button', { name: 'Another one' }));
    expect(chosen()).toEqual([]);
    await save('no feeling this time');
    expect(await newestNote()).not.toHaveProperty('feeling');
  });

  it('shows last time’s answer to the prompt on screen, never the one just saved, and reloads on "Another one"', async () => {
    await addNote({ ...SAMPLE_NOTE, promptId: 'q-beliefs', answer: 'three weeks back' }, addDays(Date.now(), -21) + 12 * HOUR);
    await addNote({ ...SAMPLE_NOTE, promptId: 'q-where-feelings', answer: 'two days back' }, addDays(Date.now(), -2) + 12 * HOUR);
    openOn('q-beliefs');
    const line = await screen.findByText('Last time (3 weeks ago)', { selector: 'summary' });
    expect(line.closest('details')?.querySelector('.note-answer')?.textContent).toBe('three weeks back');

    await save('written today');
    await waitFor(() => expect(screen.getByText('Last time (3 weeks ago)', { selector: 'summary' })).toBeTruthy());
    expect(document.querySelector('.last-time .note-answer')?.textContent).toBe('three weeks back');

    // A new round, without the prompt shown last: the first of the others.
    vi.spyOn(Math, 'random').mockReturnValue(0);
    fireEvent.click(screen.getByRole('button', { name: 'Another one' }));
    expect(currentPrompt().id).toBe('q-where-feelings');
    await screen.findByText('Last time (2 days ago)', { selector: 'summary' });
    expect(document.querySelectorAll('.last-time')).toHaveLength(1);
    expect(document.querySelector('.last-time .note-answer')?.textContent).toBe('two days back');
  });

  it('"All answers to this prompt" opens the journal there and closes the popup', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const close = vi.spyOn(window, 'close').mockImplementation(() => undefined);
    await addNote({ ...SAMPLE_NOTE, promptId: 'q-open-today' }, addDays(Date.now(), -1) + 12 * HOUR);
    openOn('q-open-today');
    fireEvent.click(await screen.findByRole('link', { name: 'All answers to this prompt' }));
    await waitFor(() => expect(close).toHaveBeenCalled());
    expect(create).toHaveBeenCalledWith({ url: new URL('options.html#journal?prompt=q-open-today', location.href).href });
  });
});
