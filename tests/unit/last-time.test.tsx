import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LastTime } from '@/components/LastTime';
import { addNote, updateNoteAnswer } from '@/utils/db/notes';
import { LanguageProvider } from '@/utils/i18n/context';
import type { Locale } from '@/utils/i18n/locale';
import { formatAgo } from '@/utils/i18n/looking-back';
import { messages } from '@/utils/i18n/messages';
import { fromBase64, toBase64 } from '@/utils/lock/crypto';
import { lockNow } from '@/utils/lock/keys';
import { writeHideAnswers } from '@/utils/storage/hide-answers';
import { DAY, HOUR, MINUTE } from '@/utils/time';
import { readRawRows } from './at-rest';
import { turnOnLock } from './locked-journal';
import { writeRawRows } from './raw-rows';
import { SAMPLE_NOTE } from './sample-note';

/** Turning the lock on derives a key from a passphrase: slow by design. */
const SLOW = 30_000;

/** A local moment; the tests run in Europe/Amsterdam (vitest.config.ts). */
const local = (year: number, month: number, day: number, hour = 0, minute = 0) => new Date(year, month - 1, day, hour, minute).getTime();

/** "Last time" for a prompt (SAMPLE_NOTE's unless told), shown at `shownAt`, in the page's language. */
function renderLastTime(shownAt: number, locale: Locale = 'en', promptId = SAMPLE_NOTE.promptId) {
  const onOpenJournal = vi.fn();
  render(
    <LanguageProvider locale={locale} t={messages(locale)}>
      <LastTime promptId={promptId} shownAt={shownAt} onOpenJournal={onOpenJournal} />
    </LanguageProvider>,
  );
  return { onOpenJournal };
}

/** The line that opens "Last time", once the earlier answer has been read. */
const summary = (name: RegExp | string = /^(Last time|Vorige keer) \(/) => screen.findByText(name, { selector: 'summary' });

describe('how long ago, in the calendar’s words', () => {
  const NOW = local(2026, 11, 25, 9, 30);

  it.each([
    [local(2026, 11, 25, 0, 5), 'today', 'vandaag'],
    [local(2026, 11, 24, 23, 50), 'yesterday', 'gisteren'],
    [local(2026, 11, 23, 12), '2 days ago', 'eergisteren'],
    [local(2026, 11, 19, 18), '6 days ago', '6 dagen geleden'],
    [local(2026, 11, 18, 10), 'last week', 'vorige week'],
    [local(2026, 11, 4, 8), '3 weeks ago', '3 weken geleden'],
    // 26 days and the date of the month not yet reached again: still weeks.
    [local(2026, 10, 30, 8), '3 weeks ago', '3 weken geleden'],
    [local(2026, 10, 25, 8), 'last month', 'vorige maand'],
    [local(2026, 9, 1), '2 months ago', '2 maanden geleden'],
    [local(2025, 12, 24), '11 months ago', '11 maanden geleden'],
    [local(2025, 11, 25), 'last year', 'vorig jaar'],
    [local(2023, 6, 1), '3 years ago', '3 jaar geleden'],
  ])('%s is "%s", in Dutch "%s"', (then, english, dutch) => {
    expect(formatAgo(then, NOW, 'en')).toBe(english);
    expect(formatAgo(then, NOW, 'nl')).toBe(dutch);
  });

  it('counts local days over the night the clocks go back', () => {
    // Sunday 25 October 2026 has 25 hours in Amsterdam.
    expect(formatAgo(local(2026, 10, 24, 23, 30), local(2026, 10, 26, 0, 30), 'en')).toBe('2 days ago');
  });
});

describe('Last time', () => {
  // The prompt was shown on Wednesday 25 November 2026 at 14:20; "ago" is counted from the clock.
  const NOW = local(2026, 11, 25, 14, 20);

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows nothing for a prompt never answered before', async () => {
    await addNote({ ...SAMPLE_NOTE, promptId: 'q-open-today', answer: 'another prompt' }, NOW - DAY);
    await addNote({ ...SAMPLE_NOTE, answer: 'after it was shown' }, NOW + MINUTE);
    renderLastTime(NOW);
    // Rendered after it, and shown once read: by then the first has been read too.
    renderLastTime(NOW, 'en', 'q-open-today');
    await summary('Last time (yesterday)');
    expect(document.querySelectorAll('details.last-time')).toHaveLength(1);
    expect(document.body.textContent).not.toContain('after it was shown');
  });

  it('is a collapsed line that opens to the latest earlier answer, as text, with its date and all answers in the journal', async () => {
    await addNote({ ...SAMPLE_NOTE, answer: 'an older one' }, NOW - 30 * DAY);
    const earlier = await addNote({ ...SAMPLE_NOTE, answer: 'Asking for help is <b>brave</b>.\nI did it.' }, NOW - 21 * DAY);
    const { onOpenJournal } = renderLastTime(NOW);

    const details = (await summary('Last time (3 weeks ago)')).closest('details')!;
    expect(details.open).toBe(false);

    const answer = details.querySelector('.note-answer')!;
    expect(answer.textContent).toBe(earlier.answer);
    expect(answer.querySelector('b')).toBeNull();
    expect(answer.getAttribute('lang')).toBe('en');
    // Shown in full, not blurred and not a stop of its own for the Tab key.
    expect(details.classList.contains('hide-answers')).toBe(false);
    expect(answer.hasAttribute('tabindex')).toBe(false);
    expect(details.querySelector('time')?.getAttribute('datetime')).toBe(new Date(earlier.createdAt).toISOString());

    const all = screen.getByRole('link', { name: 'All answers to this prompt' });
    expect(all.getAttribute('href')).toBe('options.html#journal?prompt=q-beliefs');
    fireEvent.click(all);
    expect(onOpenJournal).toHaveBeenCalledWith(new URL('options.html#journal?prompt=q-beliefs', location.href).href);
  });

  it('looks only before the prompt was shown: an answer saved since is not its own last time', async () => {
    await addNote({ ...SAMPLE_NOTE, answer: 'before' }, NOW - 2 * DAY);
    await addNote({ ...SAMPLE_NOTE, answer: 'just now' }, NOW + MINUTE);
    renderLastTime(NOW);
    expect((await summary()).textContent).toBe('Last time (2 days ago)');
    expect(document.querySelector('.note-answer')?.textContent).toBe('before');
  });

  it('follows an edit of that answer made elsewhere', async () => {
    const note = await addNote({ ...SAMPLE_NOTE, answer: 'first words' }, NOW - HOUR);
    renderLastTime(NOW);
    expect((await summary()).textContent).toBe('Last time (today)');
    await updateNoteAnswer(note, 'second words', NOW, note.updatedAt);
    await waitFor(() => expect(document.querySelector('.note-answer')?.textContent).toBe('second words'));
  });

  it('says it in Dutch', async () => {
    await addNote({ ...SAMPLE_NOTE, answer: 'vorige maand geschreven' }, local(2026, 10, 20, 12));
    renderLastTime(NOW, 'nl');
    await summary('Vorige keer (vorige maand)');
    expect(screen.getByRole('link', { name: 'Alle antwoorden op deze vraag' })).toBeTruthy();
  });

  it('under "Hide answers" blurs the text until focus or the pointer is on it, and a keyboard can reach it', async () => {
    writeHideAnswers(true);
    await addNote({ ...SAMPLE_NOTE, answer: 'private words' }, NOW - DAY);
    renderLastTime(NOW);
    const details = (await summary('Last time (yesterday)')).closest('details')!;
    expect(details.classList.contains('hide-answers')).toBe(true);
    const answer = details.querySelector('.note-answer')!;
    expect(answer.textContent).toBe('private words');
    expect(answer.getAttribute('tabindex')).toBe('0');
  });

  it(
    'while the journal is locked says when, reads no text, and leads to the journal to unlock it',
    async () => {
      await turnOnLock(NOW - 3 * DAY);
      await addNote({ ...SAMPLE_NOTE, answer: 'encrypted words' }, NOW - 2 * DAY);
      await lockNow();
      const { onOpenJournal } = renderLastTime(NOW);

      await summary('Last time (2 days ago)');
      expect(document.body.textContent).not.toContain('encrypted words');
      expect(document.querySelector('.note-answer')).toBeNull();
      expect(screen.queryByRole('link', { name: 'All answers to this prompt' })).toBeNull();
      const unlock = screen.getByRole('link', { name: 'Unlock the journal to see it' });
      expect(unlock.getAttribute('href')).toBe('options.html#journal');
      fireEvent.click(unlock);
      expect(onOpenJournal).toHaveBeenCalledWith(new URL('options.html#journal', location.href).href);
    },
    SLOW,
  );

  it(
    'stops showing the text when the journal locks while it is open',
    async () => {
      await turnOnLock(NOW - 3 * DAY);
      await addNote({ ...SAMPLE_NOTE, answer: 'encrypted words' }, NOW - 2 * DAY);
      renderLastTime(NOW);
      await summary('Last time (2 days ago)');
      expect(document.querySelector('.note-answer')?.textContent).toBe('encrypted words');

      await lockNow();
      await screen.findByRole('link', { name: 'Unlock the journal to see it' });
      expect(document.body.textContent).not.toContain('encrypted words');
    },
    SLOW,
  );

  it(
    'says calmly that a damaged answer could not be read',
    async () => {
      await turnOnLock(NOW - 3 * DAY);
      await addNote(SAMPLE_NOTE, NOW - DAY);
      const row = (await readRawRows('notes'))[0]!;
      const cipher = row.cipher as { iv: string; data: string };
      const bytes = fromBase64(cipher.data);
      bytes[0] = (bytes[0] ?? 0) ^ 1;
      await writeRawRows('notes', [{ ...row, cipher: { ...cipher, data: toBase64(bytes) } }]);

      renderLastTime(NOW);
      await summary('Last time (yesterday)');
      const said = screen.getByText('This answer could not be read; it may be damaged.');
      expect(said.getAttribute('role')).toBeNull();
      expect(document.querySelector('.note-answer')).toBeNull();
      expect(screen.getByRole('link', { name: 'All answers to this prompt' })).toBeTruthy();
    },
    SLOW,
  );
});
