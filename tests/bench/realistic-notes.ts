/**
 * Notes as a person writes them, for measuring search engines: the bench's seeded journal
 * (tests/e2e/seed.ts) uses twenty words a language, so any index of it is small and every word
 * common. These draw words from the frequency-ranked word lists of English and Dutch that the
 * passphrase estimator already ships (subtitles, then Wikipedia), by Zipf's law as text does: a few
 * words in most notes, tens of thousands once or twice. Answers run from a line to a few
 * paragraphs, in sentences, with the odd #tag and feeling.
 */
import { dictionary as english } from '@zxcvbn-ts/language-en';
import { dictionary as dutch } from '@zxcvbn-ts/language-nl-be';
import { PROMPTS } from '@/content/prompts';
import type { Note } from '@/utils/model/records';
import { FEELINGS } from '@/utils/model/values';
import { promptText } from '@/utils/prompts/pick';
import { seeded } from '../e2e/seed';

/** A language's words, most frequent first, each once. */
function ranked(...lists: readonly (readonly string[] | undefined)[]): readonly string[] {
  return [...new Set(lists.flatMap((list) => list ?? []).filter((word) => /^\p{L}+$/u.test(word)))];
}

export const WORDS = {
  en: ranked(english['commonWords-en'], english['wikipedia-en']),
  nl: ranked(dutch.commonWords, dutch.wikipedia),
} as const;

const TAGS = ['werk', 'familie', 'zus', 'moed', 'work', 'sister', 'sleep', 'therapie'];

/** A word of `words` at a Zipf-distributed rank: rank r comes with a chance proportional to 1/r. */
export function zipfWord(words: readonly string[], random: () => number): string {
  return words[Math.min(words.length - 1, Math.floor(Math.exp(random() * Math.log(words.length))) - 1)]!;
}

/** `count` notes, newest last, 97 minutes apart as the bench's own. */
export function realisticNotes(count: number, now: number, seed = 22): Note[] {
  const random = seeded(seed);
  const notes: Note[] = [];
  for (let i = 0; i < count; i++) {
    const prompt = PROMPTS[Math.floor(random() * PROMPTS.length)]!;
    const locale = random() < 0.5 ? 'nl' : 'en';
    const words = WORDS[locale];
    // Mostly a few lines; now and then a few paragraphs (about 140 words on average).
    const length = 4 + Math.floor(random() ** 2 * 400);
    const sentences: string[] = [];
    for (let written = 0; written < length;) {
      const sentence = Array.from({ length: 4 + Math.floor(random() * 14) }, () => zipfWord(words, random));
      written += sentence.length;
      if (random() < 0.03) sentence.push(`#${TAGS[Math.floor(random() * TAGS.length)]!}`);
      const first = sentence[0]!;
      sentences.push(
        `${first[0]!.toUpperCase()}${first.slice(1)} ${sentence.slice(1).join(random() < 0.2 ? ', ' : ' ')}${random() < 0.1 ? '?' : '.'}`,
      );
    }
    const createdAt = now - (count - i) * 97 * 60_000;
    const feeling = random() < 0.3 ? FEELINGS[Math.floor(random() * FEELINGS.length)] : undefined;
    notes.push({
      id: `real-${String(i).padStart(6, '0')}`,
      promptId: prompt.id,
      promptText: promptText(prompt, locale),
      promptKind: prompt.kind,
      locale,
      answer: sentences.join(random() < 0.15 ? '\n\n' : ' '),
      createdAt,
      updatedAt: createdAt,
      source: random() < 0.7 ? 'popup' : 'pause',
      ...(feeling ? { feeling } : {}),
    });
  }
  return notes;
}
