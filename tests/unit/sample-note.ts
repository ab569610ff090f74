import type { NewNote, Note } from '@/utils/model/records';

/** An ordinary English answer to a library question, for tests that need notes in the store. */
export const SAMPLE_NOTE: NewNote = {
  promptId: 'q-beliefs',
  promptText: 'Which beliefs about vulnerability live in me?',
  promptKind: 'question',
  locale: 'en',
  answer: 'one',
  source: 'popup',
};

/** A stored note at a fixed local moment (25 November 2026, 14:20), for tests of files and shapes. */
export const SAMPLE_TIME = new Date(2026, 10, 25, 14, 20).getTime();
export const SAMPLE_ROW: Note = {
  // In the order a stored note has its fields: exported files are compared as text.
  id: 'note-1',
  promptId: SAMPLE_NOTE.promptId,
  promptText: SAMPLE_NOTE.promptText,
  promptKind: SAMPLE_NOTE.promptKind,
  locale: SAMPLE_NOTE.locale,
  answer: 'That it is weak to ask for help.',
  createdAt: SAMPLE_TIME,
  updatedAt: SAMPLE_TIME,
  source: SAMPLE_NOTE.source,
};
