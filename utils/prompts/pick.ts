/**
 * Choosing which prompt to show. The choice is a pure function of the library, what was shown
 * this round, and a random source, so it is tested without a browser. The round itself is kept in
 * the page's synchronous localStorage: the popup must pick on its first paint, before any async
 * storage could answer, and losing it costs nothing but a fresh round. The pick a surface opens on
 * and the next one, which also read the offered prompts and the drafts, are made in
 * utils/prompts/library.ts.
 */
import type { Prompt } from '@/content/prompts';
import type { Locale } from '@/utils/i18n/locale';
import { readPageJson, writePageJson } from '@/utils/storage/page-storage';

/** A number in [0, 1), like Math.random. */
export type RandomSource = () => number;

export interface Pick {
  readonly prompt: Prompt;
  /** Ids shown in the current round, oldest first; the picked prompt is last. */
  readonly recent: readonly string[];
}

/**
 * Picks a prompt not yet shown in this round. When every prompt has come round, a new round starts,
 * and it never starts with the prompt shown last, so the same prompt never appears twice in a row.
 * Ids in `recent` that are no longer in the library are ignored. Returns undefined for an empty library.
 */
export function pickPrompt(library: readonly [Prompt, ...Prompt[]], recent: readonly string[], random: RandomSource): Pick;
export function pickPrompt(library: readonly Prompt[], recent: readonly string[], random: RandomSource): Pick | undefined;
export function pickPrompt(library: readonly Prompt[], recent: readonly string[], random: RandomSource): Pick | undefined {
  const shown = new Set(recent);
  let round = recent.filter((id) => library.some((prompt) => prompt.id === id));
  let candidates = library.filter((prompt) => !shown.has(prompt.id));
  if (candidates.length === 0) {
    const last = recent.at(-1);
    round = [];
    candidates = library.length > 1 ? library.filter((prompt) => prompt.id !== last) : [...library];
  }
  const index = Math.min(Math.floor(random() * candidates.length), candidates.length - 1);
  const prompt = candidates[index];
  return prompt && { prompt, recent: [...round, prompt.id] };
}

/** The text a person sees for a prompt: a step's title and text, or a question. */
export function promptText(prompt: Prompt, locale: Locale): string {
  return prompt.kind === 'step' ? `${prompt.title[locale]}: ${prompt.text[locale]}` : prompt.text[locale];
}

const ROUND_KEY = 'adempauze.round.';

/** Where a round is kept: each surface that shows prompts has its own. */
export type RoundScope = 'popup' | 'pause';

/** The ids shown in the current round of `scope`, oldest first; empty when unknown or unreadable. */
export function loadRound(scope: RoundScope): string[] {
  const stored = readPageJson(ROUND_KEY + scope);
  return Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string') : [];
}

/** Remembers the current round of `scope`. Failing to (storage full or blocked) only means a fresh round later. */
export function saveRound(scope: RoundScope, recent: readonly string[]): void {
  // A lost round is harmless: the next pick simply starts a new one.
  writePageJson(ROUND_KEY + scope, recent);
}
