// "Last time" read early, while a quick page's app loads (utils/first-paint/early-last-answer.ts):
// taken once, by the first read asked for, and shown from the first render when it is in. Each test
// loads the modules afresh, the page's one early read being module state; Preact and the testing
// library with them, so that the component and the renderer share one Preact.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { LastAnswer } from '@/utils/db/last-answer';
import { SAMPLE_NOTE, SAMPLE_ROW } from './sample-note';

const earlier: LastAnswer = { kind: 'note', note: { ...SAMPLE_ROW, answer: 'Read before the app rendered.' } };

async function load() {
  const early = await import('@/utils/first-paint/early-last-answer');
  const { render, screen } = await import('@testing-library/preact');
  const { LastTime } = await import('@/components/LastTime');
  const { LanguageProvider } = await import('@/utils/i18n/context');
  const { messages } = await import('@/utils/i18n/messages');
  const { addNote } = await import('@/utils/db/notes');
  const show = (promptId: string, shownAt = Date.now()) =>
    render(
      <LanguageProvider locale="en" t={messages('en')}>
        <LastTime promptId={promptId} shownAt={shownAt} onOpenJournal={() => undefined} />
      </LanguageProvider>,
    );
  return { ...early, screen, show, addNote };
}

beforeEach(() => {
  vi.resetModules();
});

describe('"Last time" read early', () => {
  it('is shown in the first render when the read is in', async () => {
    const { keepEarlyRead, screen, show } = await load();
    const read = Promise.resolve(earlier);
    keepEarlyRead(SAMPLE_NOTE.promptId, read);
    await read;
    show(SAMPLE_NOTE.promptId);
    // No waiting: the render itself has it.
    expect(screen.getByText(/^Last time \(/, { selector: 'summary' })).toBeTruthy();
    expect(screen.getByText('Read before the app rendered.')).toBeTruthy();
  });

  it('is taken by the first read while still under way, and shown when it comes in', async () => {
    const { keepEarlyRead, screen, show } = await load();
    let finish!: (answer: LastAnswer) => void;
    keepEarlyRead(SAMPLE_NOTE.promptId, new Promise((resolve) => (finish = resolve)));
    show(SAMPLE_NOTE.promptId);
    expect(screen.queryByText(/^Last time \(/)).toBeNull();
    finish(earlier);
    expect(await screen.findByText('Read before the app rendered.')).toBeTruthy();
  });

  it('is read again once shown: a change between its beginning and the component listening is not missed', async () => {
    const { keepEarlyRead, screen, show, addNote } = await load();
    const read = Promise.resolve(earlier);
    keepEarlyRead(SAMPLE_NOTE.promptId, read);
    await read;
    // Saved elsewhere after the early read, before the component listened for changes.
    await addNote({ ...SAMPLE_NOTE, answer: 'Saved in between.' }, Date.now() - 60_000);
    show(SAMPLE_NOTE.promptId);
    expect(screen.getByText('Read before the app rendered.')).toBeTruthy();
    expect(await screen.findByText('Saved in between.')).toBeTruthy();
  });

  it('is not taken for another prompt: that one is read from the journal', async () => {
    const { keepEarlyRead, screen, show, addNote, takeEarlyRead } = await load();
    await addNote({ ...SAMPLE_NOTE, promptId: 'q-other', answer: 'From the journal.' }, Date.now() - 60_000);
    keepEarlyRead(SAMPLE_NOTE.promptId, Promise.resolve(earlier));
    show('q-other');
    expect(await screen.findByText('From the journal.')).toBeTruthy();
    // The first read asked for ends the early one, whichever prompt it was for.
    expect(takeEarlyRead(SAMPLE_NOTE.promptId)).toBeUndefined();
  });

  it('is taken once: a later read is a fresh one', async () => {
    const { keepEarlyRead, takeEarlyRead, earlyAnswer } = await load();
    const read = Promise.resolve(earlier);
    keepEarlyRead(SAMPLE_NOTE.promptId, read);
    await read;
    expect(earlyAnswer(SAMPLE_NOTE.promptId)).toEqual({ value: earlier });
    expect(takeEarlyRead(SAMPLE_NOTE.promptId)).toBe(read);
    expect(takeEarlyRead(SAMPLE_NOTE.promptId)).toBeUndefined();
    expect(earlyAnswer(SAMPLE_NOTE.promptId)).toBeUndefined();
  });

  it('begun after a read was asked for is never taken: it could be older than a change since', async () => {
    const { keepEarlyRead, takeEarlyRead, earlyAnswer } = await load();
    expect(takeEarlyRead(SAMPLE_NOTE.promptId)).toBeUndefined();
    const read = Promise.resolve(earlier);
    keepEarlyRead(SAMPLE_NOTE.promptId, read);
    await read;
    expect(earlyAnswer(SAMPLE_NOTE.promptId)).toBeUndefined();
    expect(takeEarlyRead(SAMPLE_NOTE.promptId)).toBeUndefined();
  });

  it('that failed is reported by its taker and shows nothing', async () => {
    const { keepEarlyRead, screen, show } = await load();
    const failure = Promise.reject(new Error('disk failing'));
    const logged = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    keepEarlyRead(SAMPLE_NOTE.promptId, failure);
    await failure.catch(() => undefined);
    show(SAMPLE_NOTE.promptId);
    await vi.waitFor(() => expect(logged).toHaveBeenCalled());
    expect(screen.queryByText(/^Last time \(/)).toBeNull();
  });
});
