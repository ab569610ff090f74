import { PROMPTS } from '@/content/prompts';
import type { Note } from '@/utils/model/records';
import { promptText } from '@/utils/prompts/pick';

/** A small deterministic random source, so every run seeds the same journal. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** The seeded notes' vocabulary, a language each (the bench draws searches from it too). */
export const WORDS_EN = [
  'today',
  'I',
  'told',
  'my',
  'sister',
  'how',
  'nervous',
  'felt',
  'it',
  'was',
  'easier',
  'than',
  'expected',
  'open',
  'quiet',
  'colleague',
  'meeting',
  'brave',
  'small',
  'step',
];
export const WORDS_NL = [
  'vandaag',
  'heb',
  'ik',
  'mijn',
  'zus',
  'verteld',
  'hoe',
  'spannend',
  'het',
  'was',
  'makkelijker',
  'dan',
  'gedacht',
  'open',
  'rustig',
  'collega',
  'gesprek',
  'moedig',
  'klein',
  'één',
];

/**
 * Realistic notes, newest last: both languages, answers from a few words to a few paragraphs,
 * spread over the last year. Note `n` has id `seed-n` (zero-padded) and is `n` minutes apart.
 */
export function seedNotes(count: number, now: number, seed = 42): Note[] {
  const random = seeded(seed);
  const notes: Note[] = [];
  for (let i = 0; i < count; i++) {
    const prompt = PROMPTS[Math.floor(random() * PROMPTS.length)]!;
    const locale = random() < 0.5 ? 'nl' : 'en';
    const words = locale === 'nl' ? WORDS_NL : WORDS_EN;
    const length = 3 + Math.floor(random() ** 2 * 120);
    const answer = Array.from({ length }, () => words[Math.floor(random() * words.length)]).join(' ');
    const createdAt = now - (count - i) * 97 * 60_000;
    notes.push({
      id: `seed-${String(i).padStart(6, '0')}`,
      promptId: prompt.id,
      promptText: promptText(prompt, locale),
      promptKind: prompt.kind,
      locale,
      answer: `${answer}.`,
      createdAt,
      updatedAt: createdAt,
      source: random() < 0.7 ? 'popup' : 'pause',
    });
  }
  return notes;
}
