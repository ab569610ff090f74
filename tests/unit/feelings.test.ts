import { act, renderHook } from '@testing-library/preact';
import { h, type ComponentChildren } from 'preact';
import { describe, expect, it } from 'vitest';
import { PROMPTS } from '@/content/prompts';
import { notesToMarkdown } from '@/utils/backup/readable';
import { onDataChange, type DataChange } from '@/utils/db/changes';
import { addNote, deleteNote, getNotes, listNoteFeelings, listNotesPage, updateNoteAnswer, updateNoteFeeling } from '@/utils/db/notes';
import { EmptyAnswerError, JournalLockedError, NoteConflictError } from '@/utils/errors';
import { useAnswer } from '@/utils/hooks/use-answer';
import { LanguageProvider } from '@/utils/i18n/context';
import { journalMessages } from '@/utils/i18n/journal';
import { messages } from '@/utils/i18n/messages';
import { feelingDays, feelingTotals } from '@/utils/insights/insights';
import { encryptText } from '@/utils/lock/crypto';
import { journalKeys, lockNow, readLock, sessionDataKey } from '@/utils/lock/keys';
import { resume, startSession } from '@/utils/lock/lock';
import type { Note } from '@/utils/model/records';
import { FEELINGS } from '@/utils/model/values';
import { HOUR, MINUTE } from '@/utils/time';
import { readRawRows } from './at-rest';
import { rewriteLock, turnOnLock } from './locked-journal';
import { noteContext } from '@/utils/db/cipher';
import { writeRawRows } from './raw-rows';
import { SAMPLE_NOTE, SAMPLE_ROW, SAMPLE_TIME } from './sample-note';

const T0 = SAMPLE_TIME;
/** Turning the lock on derives a key from a passphrase: slow by design. */
const SLOW = 30_000;

/** The stored row of one note, exactly as IndexedDB holds it. */
async function rawRow(id: string): Promise<Record<string, unknown>> {
  const row = (await readRawRows('notes')).find((stored) => stored.id === id);
  if (!row) throw new Error(`No row ${id}`);
  return row;
}

/** The journal locked, and a way to unlock it again without the slow passphrase. */
async function lockedJournal(): Promise<{ unlockAgain: () => Promise<void> }> {
  await turnOnLock(T0);
  const bytes = await sessionDataKey();
  if (!bytes) throw new Error('Not unlocked');
  await lockNow();
  return {
    unlockAgain: async () => {
      const lock = await readLock();
      if (!lock) throw new Error('The lock is off');
      await startSession(bytes, lock);
    },
  };
}

describe('the feelings', () => {
  it('are five words from heavy to light', () => {
    expect(FEELINGS).toEqual(['heavy', 'tense', 'okay', 'calm', 'light']);
  });
});

describe('saving a note with a feeling', () => {
  it('keeps it with the note, as the field `feeling` of a plain row', async () => {
    const note = await addNote({ ...SAMPLE_NOTE, feeling: 'calm' }, T0);
    expect(note.feeling).toBe('calm');
    expect((await listNotesPage({ limit: 5 })).notes).toEqual([note]);
    expect(await rawRow(note.id)).toMatchObject({ answer: SAMPLE_NOTE.answer, feeling: 'calm' });
  });

  it('leaves a note without one exactly as notes were: no `feeling` key at all', async () => {
    const note = await addNote(SAMPLE_NOTE, T0);
    expect(Object.keys(await rawRow(note.id)).sort()).toEqual(Object.keys(SAMPLE_ROW).sort());
    expect('feeling' in (await getNotes([note.id]))[0]!).toBe(false);
  });

  it('takes a feeling through the save of the popup and the pause window, and none when not given', async () => {
    const prompt = PROMPTS.find((each) => each.kind === 'question')!;
    const wrapper = ({ children }: { children: ComponentChildren }) => h(LanguageProvider, { locale: 'en', t: messages('en'), children });
    const { result } = renderHook(() => useAnswer(prompt, 'popup'), { wrapper });

    await act(() => result.current.onInput('A heavy morning, a lighter afternoon.'));
    let saved: Note | undefined;
    await act(async () => {
      saved = await result.current.save('light');
    });
    await act(() => result.current.onInput('Nothing to add.'));
    let plain: Note | undefined;
    await act(async () => {
      plain = await result.current.save();
    });

    const stored = await getNotes([saved!.id, plain!.id]);
    expect(stored.map((note) => [note.answer, note.feeling])).toEqual([
      ['A heavy morning, a lighter afternoon.', 'light'],
      ['Nothing to add.', undefined],
    ]);
    expect('feeling' in (await rawRow(plain!.id))).toBe(false);
  });
});

describe('changing the feeling of a note', () => {
  it('sets, changes and takes away the feeling, each a new version, and tells every page', async () => {
    const changes: DataChange[] = [];
    const stop = onDataChange((change) => changes.push(change));
    const note = await addNote(SAMPLE_NOTE, T0);

    const tense = await updateNoteFeeling(note, 'tense', T0 + MINUTE, note.updatedAt);
    expect(tense).toMatchObject({ feeling: 'tense', answer: note.answer, createdAt: T0, updatedAt: T0 + MINUTE });
    const calm = await updateNoteFeeling(tense, 'calm', T0 + MINUTE, tense.updatedAt);
    // The same millisecond still makes a later version.
    expect(calm.updatedAt).toBe(T0 + MINUTE + 1);
    const none = await updateNoteFeeling(calm, null, T0 + 2 * MINUTE, calm.updatedAt);
    stop();

    expect('feeling' in none).toBe(false);
    expect(await getNotes([note.id])).toEqual([none]);
    expect('feeling' in (await rawRow(note.id))).toBe(false);
    expect(changes.filter((change) => change.store === 'notes')).toEqual([
      { store: 'notes', saved: [note.id] },
      { store: 'notes', saved: [note.id] },
      { store: 'notes', saved: [note.id] },
      { store: 'notes', saved: [note.id] },
    ]);
  });

  it('keeps the feeling when the answer is edited', async () => {
    const note = await addNote({ ...SAMPLE_NOTE, feeling: 'heavy' }, T0);
    const edited = await updateNoteAnswer(note, 'Rewritten.', T0 + MINUTE, note.updatedAt);
    expect(await getNotes([note.id])).toEqual([{ ...note, answer: 'Rewritten.', updatedAt: T0 + MINUTE }]);
    expect(edited.feeling).toBe('heavy');
  });

  it('never overwrites a newer version: a change begun before another is refused with the note as it is now', async () => {
    const note = await addNote(SAMPLE_NOTE, T0);
    const elsewhere = await updateNoteAnswer(note, 'Changed in another tab.', T0 + MINUTE, note.updatedAt);

    const refused = await updateNoteFeeling(note, 'okay', T0 + 2 * MINUTE, note.updatedAt).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(NoteConflictError);
    expect((refused as NoteConflictError).current).toEqual(elsewhere);
    expect(await getNotes([note.id])).toEqual([elsewhere]);
  });

  it('is refused for a deleted note', async () => {
    const note = await addNote(SAMPLE_NOTE, T0);
    await deleteNote(note.id, note.updatedAt);
    const refused = await updateNoteFeeling(note, 'okay', T0 + MINUTE, note.updatedAt).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(NoteConflictError);
    expect((refused as NoteConflictError).current).toBeUndefined();
  });
});

describe('a feeling under the lock', () => {
  it(
    'is encrypted with the answer: never readable in the stored row, read back when unlocked',
    async () => {
      await turnOnLock(T0);
      const note = await addNote({ ...SAMPLE_NOTE, feeling: 'heavy' }, T0);
      const changed = await updateNoteFeeling(note, 'tense', T0 + MINUTE, note.updatedAt);

      const row = await rawRow(note.id);
      expect(row).toHaveProperty('cipher');
      expect(row).not.toHaveProperty('feeling');
      // Quoted, as JSON would hold it readable: base64 ciphertext has no quotes, so it never matches by chance.
      for (const word of [...FEELINGS, 'feeling']) expect(JSON.stringify(row)).not.toContain(`"${word}"`);
      expect(await getNotes([note.id])).toEqual([changed]);
    },
    SLOW,
  );

  it(
    'is sealed with the answer when saved while locked, and read after the unlock',
    async () => {
      const { unlockAgain } = await lockedJournal();
      const note = await addNote({ ...SAMPLE_NOTE, feeling: 'light' }, T0 + HOUR);

      const row = await rawRow(note.id);
      expect(row).toHaveProperty('sealed');
      expect(row).not.toHaveProperty('feeling');
      // Quoted, as JSON would hold it readable: base64 ciphertext has no quotes, so it never matches by chance.
      for (const word of [...FEELINGS, 'feeling']) expect(JSON.stringify(row)).not.toContain(`"${word}"`);
      await expect(getNotes([note.id])).rejects.toBeInstanceOf(JournalLockedError);
      await expect(listNoteFeelings(0)).rejects.toBeInstanceOf(JournalLockedError);

      await unlockAgain();
      expect((await getNotes([note.id]))[0]?.feeling).toBe('light');
      // Folded into the normal encryption, it keeps its feeling.
      await resume(() => undefined);
      expect(await rawRow(note.id)).toHaveProperty('cipher');
      expect(await getNotes([note.id])).toEqual([note]);
    },
    SLOW,
  );

  it(
    'stays with its note while the lock is turned on over plain notes, and encrypted there',
    async () => {
      const notes = [await addNote({ ...SAMPLE_NOTE, feeling: 'okay' }, T0), await addNote(SAMPLE_NOTE, T0 + MINUTE)];
      await turnOnLock(T0 + HOUR);
      await rewriteLock({ state: 'turning-on' });
      await resume(() => undefined);

      const rows = await readRawRows('notes');
      expect(rows.every((row) => 'cipher' in row && !('feeling' in row))).toBe(true);
      expect(await getNotes(notes.map((note) => note.id))).toEqual(notes);
    },
    SLOW,
  );

  it(
    'makes a note unreadable when its ciphertext holds something that is not one of the five',
    async () => {
      await turnOnLock(T0);
      const note = await addNote(SAMPLE_NOTE, T0);
      const keys = await journalKeys();
      const texts = JSON.stringify({ answer: 'Forged.', promptText: SAMPLE_NOTE.promptText, feeling: 'furious' });
      const box = await encryptText(keys!.dataKey, texts, noteContext(note, keys!.keyId));
      const forged = { ...(await rawRow(note.id)), cipher: { ...box, v: 2, kid: keys!.keyId } };
      await writeRawRows('notes', [forged]);

      const [read] = await getNotes([note.id]);
      expect(read).toMatchObject({ id: note.id, answer: '', unreadable: true });
      // It has no texts to keep: changing its feeling would store it empty, so it is refused.
      await expect(updateNoteFeeling(read!, 'calm', T0 + MINUTE, read!.updatedAt)).rejects.toBeInstanceOf(EmptyAnswerError);
      expect(await rawRow(note.id)).toEqual(forged);
    },
    SLOW,
  );
});

describe('how days felt', () => {
  // 29 March 2026 is the 23-hour day on which the Netherlands moves its clocks forward.
  const NOW = new Date(2026, 2, 30, 12).getTime();
  const at = (day: number, hour: number) => new Date(2026, 2, day, hour).getTime();

  it('reads the feelings of notes from a moment on, oldest first, leaving out notes without one', async () => {
    await addNote({ ...SAMPLE_NOTE, feeling: 'calm' }, at(28, 9));
    await addNote(SAMPLE_NOTE, at(29, 1));
    await addNote({ ...SAMPLE_NOTE, feeling: 'heavy' }, at(29, 23));
    await addNote({ ...SAMPLE_NOTE, feeling: 'heavy' }, at(27, 9));
    expect(await listNoteFeelings(at(28, 0))).toEqual([
      { createdAt: at(28, 9), feeling: 'calm' },
      { createdAt: at(29, 23), feeling: 'heavy' },
    ]);
  });

  it('counts the feelings of each local day, every day of the calendar, across a daylight-saving change', () => {
    const days = feelingDays(
      [
        { createdAt: at(29, 0) + 30 * MINUTE, feeling: 'tense' },
        // 23:30 on the short day is still that day.
        { createdAt: at(29, 23) + 30 * MINUTE, feeling: 'calm' },
        { createdAt: at(29, 12) },
        { createdAt: at(30, 8), feeling: 'calm' },
        { createdAt: at(30, 9), feeling: 'calm' },
        // Tomorrow is outside the calendar.
        { createdAt: at(31, 9), feeling: 'light' },
      ],
      NOW,
    );
    expect(days.at(-1)?.start).toBe(at(30, 0));
    expect(days.at(-2)).toEqual({ start: at(29, 0), counts: { heavy: 0, tense: 1, okay: 0, calm: 1, light: 0 }, total: 2 });
    expect(days.at(-1)).toEqual({ start: at(30, 0), counts: { heavy: 0, tense: 0, okay: 0, calm: 2, light: 0 }, total: 2 });
    expect(days.filter((day) => day.total > 0)).toHaveLength(2);
    expect(feelingTotals(days)).toEqual({ heavy: 0, tense: 1, okay: 0, calm: 3, light: 0 });
    // The same days as the calendar of pauses: from its first Monday on, one a day.
    expect(new Set(days.map((day) => day.start)).size).toBe(days.length);
    expect(new Date(days[0]!.start).getDay()).toBe(1);
  });

  it('leaves out notes from before the calendar', () => {
    const days = feelingDays([{ createdAt: new Date(2024, 0, 1).getTime(), feeling: 'heavy' }], NOW);
    expect(feelingTotals(days)).toEqual({ heavy: 0, tense: 0, okay: 0, calm: 0, light: 0 });
  });
});

describe('a feeling in the readable export', () => {
  const felt: Note = { ...SAMPLE_ROW, feeling: 'calm' };

  it('is said in words beside the kind and the time, in the person’s language', () => {
    expect(notesToMarkdown([felt], 'en', journalMessages('en'))).toContain('*Reflection question · 2:20 PM · Felt calm*');
    expect(notesToMarkdown([felt], 'nl', journalMessages('nl'))).toContain('*Reflectievraag · 14:20 · Voelde rustig*');
  });

  it('is not mentioned for a note without one', () => {
    expect(notesToMarkdown([SAMPLE_ROW], 'en', journalMessages('en'))).toContain('*Reflection question · 2:20 PM*\n');
  });
});
