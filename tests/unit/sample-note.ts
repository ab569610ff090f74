import type { NewNote } from '@/utils/model/records';

/** An ordinary English answer to a library question, for tests that need notes in the store. */
export const SAMPLE_NOTE: NewNote = {
  promptId: 'q-beliefs',
  promptText: 'Which beliefs about vulnerability live in me?',
  promptKind: 'question',
  locale: 'en',
  answer: 'one',
  source: 'popup',
};
