import { describe, expect, it, vi } from 'vitest';
import { lastAnswerBefore } from '@/utils/db/last-answer';
import { dayAgo, onThisDay, type LookBack } from '@/utils/db/looking-back';
import { addNote } from '@/utils/db/notes';
import { JournalLockedError } from '@/utils/errors';
import { fromBase64, toBase64 } from '@/utils/lock/crypto';
import { lockNow, readLock, sessionDataKey } from '@/utils/lock/keys';
import { startSession } from '@/utils/lock/lock';
import type { NewNote, Note } from '@/utils/model/records';
import { addDays, addMonths, daysBetween, DAY, HOUR, MINUTE, startOfDay } from '@/utils/time';
import { readRawRows } from './at-rest';
import { turnOnLock } from './locked-journal';
import { writeRawRows } from './raw-rows';
import { SAMPLE_NOTE } from './sample-note';

/** Turning the lock on derives a key from a passphrase: slow by design. */
const SLOW = 30_000;

/** A local moment; the tests run in Europe/Amsterdam (vitest.config.ts), which changes its clocks. */
const local = (year: number, month: number, day: number, hour = 0, minute = 0) => new Date(year, month - 1, day, hour, minute).getTime();

const OTHER_PROMPT: NewNote = { ...SAMPLE_NOTE, promptId: 'q-open-today', promptText: 'Where can I be open today?' };

/** Counts what a read asks of IndexedDB, to show it stays a few small reads. */
function spyOnReads() {
  return {
    valueCursors: vi.spyOn(IDBIndex.prototype, 'openCursor'),
    keyCursors: vi.spyOn(IDBIndex.prototype, 'openKeyCursor'),
    steps: vi.spyOn(IDBCursor.prototype, 'continue'),
    gets: vi.spyOn(IDBObjectStore.prototype, 'get'),
    getAlls: [vi.spyOn(IDBIndex.prototype, 'getAll'), vi.spyOn(IDBObjectStore.prototype, 'getAll')],
  };
}

/** The lock on and the journal locked, and a way to unlock it again without the slow passphrase. */
async function lockOnAndLocked(now: number): Promise<{ unlockAgain: () => Promise<void> }> {
  await turnOnLock(now);
  const bytes = await sessionDataKey();
  if (!bytes) throw new Error('Not unlocked');
  return {
    unlockAgain: async () => {
      const lock = await readLock();
      if (!lock) throw new Error('The lock is off');
      await startSession(bytes, lock);
    },
  };
}

describe('local calendar arithmetic', () => {
  it.each([
    ['the day after, on the 23-hour day the clocks go forward', local(2026, 3, 28, 12), 1, local(2026, 3, 29)],
    ['the day after the 23-hour day', local(2026, 3, 29), 1, local(2026, 3, 30)],
    ['the day after the 25-hour day the clocks go back', local(2026, 10, 25, 23, 30), 1, local(2026, 10, 26)],
    ['a week back over the change', local(2026, 4, 2, 0, 30), -7, local(2026, 3, 26)],
    ['back over a year’s end', local(2026, 1, 2, 9), -3, local(2025, 12, 30)],
    ['the same day', local(2026, 3, 29, 23, 59), 0, local(2026, 3, 29)],
  ])('addDays: %s', (_what, from, days, expected) => {
    expect(addDays(from, days)).toBe(expected);
  });

  it.each([
    ['a month before 31 March is the last of February', local(2026, 3, 31, 10), -1, local(2026, 2, 28)],
    ['in a leap year, 29 February', local(2028, 3, 31, 10), -1, local(2028, 2, 29)],
    ['a year before 29 February is 28 February', local(2028, 2, 29, 10), -12, local(2027, 2, 28)],
    ['a month after 31 January', local(2026, 1, 31), 1, local(2026, 2, 28)],
    ['a month back over a year’s end', local(2026, 1, 15, 8), -1, local(2025, 12, 15)],
    ['a month back onto the day the clocks go back', local(2026, 11, 25, 14, 20), -1, local(2026, 10, 25)],
  ])('addMonths: %s', (_what, from, months, expected) => {
    expect(addMonths(from, months)).toBe(expected);
  });

  it.each([
    [local(2026, 3, 28, 12), local(2026, 3, 30, 0, 30), 2],
    [local(2026, 3, 29), local(2026, 3, 29, 23, 59), 0],
    [local(2026, 3, 30, 0, 30), local(2026, 3, 29, 23, 30), -1],
    [local(2026, 10, 25, 0, 10), local(2026, 10, 26, 0, 10), 1],
    [local(2025, 11, 25, 8), local(2026, 11, 25, 14), 365],
  ])('daysBetween(%s, %s) is %i', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });

  it.each([
    ['week', local(2026, 11, 25, 14, 20), local(2026, 11, 18)],
    ['month', local(2026, 11, 25, 14, 20), local(2026, 10, 25)],
    ['year', local(2026, 11, 25, 14, 20), local(2025, 11, 25)],
    ['week', local(2026, 4, 5, 9), local(2026, 3, 29)],
    ['month', local(2026, 3, 31, 9), local(2026, 2, 28)],
    ['year', local(2028, 2, 29, 9), local(2027, 2, 28)],
  ] as const)('a %s before %s is the day starting %s', (ago: LookBack, now, day) => {
    expect(dayAgo(now, ago)).toBe(day);
  });
});

describe('Last time: the latest earlier answer to a prompt', () => {
  const T0 = local(2026, 11, 25, 14, 20);

  it('is null for a prompt never answered before', async () => {
    await addNote(OTHER_PROMPT, T0 - DAY);
    await addNote(SAMPLE_NOTE, T0 + MINUTE);
    expect(await lastAnswerBefore(SAMPLE_NOTE.promptId, T0)).toBeNull();
    expect(await lastAnswerBefore('q-never', T0)).toBeNull();
  });

  it('is the most recent note to the same prompt written before the moment, read at its first hit', async () => {
    await addNote({ ...SAMPLE_NOTE, answer: 'three days ago' }, T0 - 3 * DAY);
    const yesterday = await addNote({ ...SAMPLE_NOTE, answer: 'yesterday', feeling: 'calm' }, T0 - DAY);
    await addNote({ ...OTHER_PROMPT, answer: 'another prompt, later' }, T0 - HOUR);
    // Written at the moment itself: that is this answer, not the one before.
    await addNote({ ...SAMPLE_NOTE, answer: 'now' }, T0);
    await addNote({ ...SAMPLE_NOTE, answer: 'later' }, T0 + HOUR);

    const reads = spyOnReads();
    expect(await lastAnswerBefore(SAMPLE_NOTE.promptId, T0)).toEqual({ kind: 'note', note: yesterday });
    expect(reads.valueCursors).toHaveBeenCalledTimes(1);
    expect(reads.steps).not.toHaveBeenCalled();
    for (const getAll of reads.getAlls) expect(getAll).not.toHaveBeenCalled();
  });

  it('passes over a stored row that is no note, for the note before it', async () => {
    const good = await addNote({ ...SAMPLE_NOTE, answer: 'readable' }, T0 - 2 * DAY);
    // Everything of a note but its answer, and later: what a damaged disk could leave.
    const { promptId, promptText, promptKind, locale, source } = good;
    const damaged = { id: 'damaged', promptId, promptText, promptKind, locale, source, createdAt: T0 - DAY, updatedAt: T0 - DAY };
    await writeRawRows('notes', [damaged]);
    expect(await lastAnswerBefore(SAMPLE_NOTE.promptId, T0)).toEqual({ kind: 'note', note: good });
  });

  it(
    'is opened when the journal is unlocked: encrypted, and saved while locked',
    async () => {
      const { unlockAgain } = await lockOnAndLocked(T0 - 3 * DAY);
      const encrypted = await addNote({ ...SAMPLE_NOTE, answer: 'encrypted', feeling: 'tense' }, T0 - 2 * DAY);
      expect(await lastAnswerBefore(SAMPLE_NOTE.promptId, T0)).toEqual({ kind: 'note', note: encrypted });

      await lockNow();
      const sealed = await addNote({ ...SAMPLE_NOTE, answer: 'sealed while locked' }, T0 - DAY);
      expect((await readRawRows('notes')).find((row) => row.id === sealed.id)).toHaveProperty('sealed');
      await unlockAgain();
      expect(await lastAnswerBefore(SAMPLE_NOTE.promptId, T0)).toEqual({ kind: 'note', note: sealed });
    },
    SLOW,
  );

  it(
    'says only when it was written while the journal is locked, reading no note',
    async () => {
      await lockOnAndLocked(T0 - 3 * DAY);
      const note = await addNote(SAMPLE_NOTE, T0 - DAY);
      await lockNow();
      await addNote({ ...SAMPLE_NOTE, answer: 'sealed while locked' }, T0 - 2 * DAY);

      const reads = spyOnReads();
      expect(await lastAnswerBefore(SAMPLE_NOTE.promptId, T0)).toEqual({ kind: 'locked', id: note.id, createdAt: note.createdAt });
      expect(await lastAnswerBefore(OTHER_PROMPT.promptId, T0)).toBeNull();
      expect(reads.valueCursors).not.toHaveBeenCalled();
      expect(reads.gets).not.toHaveBeenCalled();
      expect(reads.keyCursors).toHaveBeenCalledTimes(2);
    },
    SLOW,
  );

  it(
    'gives a note whose ciphertext does not open as unreadable, with its dates',
    async () => {
      await lockOnAndLocked(T0 - 3 * DAY);
      const note = await addNote(SAMPLE_NOTE, T0 - DAY);
      const row = (await readRawRows('notes'))[0]!;
      const cipher = row.cipher as { iv: string; data: string };
      const bytes = fromBase64(cipher.data);
      bytes[0] = (bytes[0] ?? 0) ^ 1;
      await writeRawRows('notes', [{ ...row, cipher: { ...cipher, data: toBase64(bytes) } }]);

      const last = await lastAnswerBefore(SAMPLE_NOTE.promptId, T0);
      expect(last).toMatchObject({ kind: 'note', note: { id: note.id, createdAt: note.createdAt, answer: '', unreadable: true } });
    },
    SLOW,
  );
});

describe('On this day', () => {
  // Wednesday 25 November 2026: a month before is 25 October, the 25-hour day the clocks go back.
  const NOW = local(2026, 11, 25, 14, 20);
  const WEEK = local(2026, 11, 18);
  const MONTH = local(2026, 10, 25);
  const YEAR = local(2025, 11, 25);

  async function notesAt(...times: number[]): Promise<Note[]> {
    const notes: Note[] = [];
    for (const [i, time] of times.entries()) notes.push(await addNote({ ...SAMPLE_NOTE, answer: `note ${i}` }, time));
    return notes;
  }

  /** What onThisDay found for a week ago: the answer's index (`note i`) and the offset in days. */
  async function weekFound(): Promise<[string, number] | undefined> {
    const week = (await onThisDay(NOW)).find((found) => found.ago === 'week');
    return week && [week.note.answer, week.offset];
  }

  it('finds the notes of the day a week, a month and a year ago, the latest of each day', async () => {
    const [, weekLatest, month, year] = await notesAt(
      local(2026, 11, 18, 9),
      local(2026, 11, 18, 21, 30),
      local(2026, 10, 25, 23, 30),
      local(2025, 11, 25, 8),
      // Near each day, but not on it.
      local(2026, 11, 17, 22),
      local(2026, 11, 19, 7),
      local(2026, 10, 26, 0, 30),
      local(2025, 11, 24, 23),
    );
    expect(await onThisDay(NOW)).toEqual([
      { ago: 'week', day: WEEK, offset: 0, note: weekLatest },
      { ago: 'month', day: MONTH, offset: 0, note: month },
      { ago: 'year', day: YEAR, offset: 0, note: year },
    ]);
  });

  it('is empty for a journal with nothing from then', async () => {
    await notesAt(NOW - HOUR, local(2026, 11, 10), local(2026, 9, 1));
    expect(await onThisDay(NOW)).toEqual([]);
  });

  it.each([
    ['the nearest day after, its latest note', [local(2026, 11, 16, 9), local(2026, 11, 19, 8), local(2026, 11, 19, 20)], ['note 2', 1]],
    ['the nearest day before, its latest note', [local(2026, 11, 17, 8), local(2026, 11, 17, 9), local(2026, 11, 20, 9)], ['note 1', -1]],
    ['of two days as near, the earlier', [local(2026, 11, 19, 9), local(2026, 11, 17, 9)], ['note 1', -1]],
    ['three days before', [local(2026, 11, 15, 0, 5)], ['note 0', -3]],
    ['three days after', [local(2026, 11, 21, 23, 55)], ['note 0', 3]],
    ['nothing four days away', [local(2026, 11, 14, 23, 59), local(2026, 11, 22, 0, 1)], undefined],
  ] as const)('takes %s', async (_what, times, expected) => {
    await notesAt(...times);
    expect(await weekFound()).toEqual(expected);
  });

  it('counts days by the local calendar across a change of the clocks', async () => {
    // A week before Sunday 5 April 2026 is Sunday 29 March, 23 hours long.
    const now = local(2026, 4, 5, 10);
    const [onTheDay] = await notesAt(local(2026, 3, 29, 23, 30), local(2026, 3, 30, 0, 30));
    expect(await onThisDay(now)).toEqual([{ ago: 'week', day: local(2026, 3, 29), offset: 0, note: onTheDay }]);
  });

  it('reads a few keys and the three notes chosen, never a scan', async () => {
    // A note every two hours for 400 days: hundreds of notes in and around each window.
    const start = NOW - 400 * DAY;
    const rows = Array.from({ length: 4800 }, (_, i) => {
      const createdAt = start + i * 2 * HOUR;
      return { ...SAMPLE_NOTE, id: `n-${String(i).padStart(4, '0')}`, answer: `note ${i}`, createdAt, updatedAt: createdAt };
    });
    await writeRawRows('notes', rows);

    const reads = spyOnReads();
    const found = await onThisDay(NOW);
    expect(found.map(({ ago, offset }) => [ago, offset])).toEqual([
      ['week', 0],
      ['month', 0],
      ['year', 0],
    ]);
    const latestOn = (day: number) => rows.filter((row) => startOfDay(row.createdAt) === day).at(-1)?.id;
    expect(found.map(({ note }) => note.id)).toEqual([latestOn(WEEK), latestOn(MONTH), latestOn(YEAR)]);
    expect(reads.steps).not.toHaveBeenCalled();
    expect(reads.valueCursors).not.toHaveBeenCalled();
    for (const getAll of reads.getAlls) expect(getAll).not.toHaveBeenCalled();
    expect(reads.keyCursors.mock.calls.length).toBeLessThanOrEqual(9);
    expect(reads.gets).toHaveBeenCalledTimes(3);
  });

  it(
    'reads as the journal does under the lock: opened when unlocked, refused while locked',
    async () => {
      await lockOnAndLocked(NOW - 400 * DAY);
      const [week] = await notesAt(local(2026, 11, 18, 12));
      expect(await onThisDay(NOW)).toEqual([{ ago: 'week', day: WEEK, offset: 0, note: week }]);

      await lockNow();
      await expect(onThisDay(NOW)).rejects.toBeInstanceOf(JournalLockedError);
    },
    SLOW,
  );
});
