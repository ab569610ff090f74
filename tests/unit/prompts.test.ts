import { describe, expect, it } from 'vitest';
import { PROMPTS, type Prompt } from '@/content/prompts';
import { findAnyPrompt } from '@/utils/prompts/library';
import { loadRound, pickPrompt, promptText, saveRound } from '@/utils/prompts/pick';

/** A deterministic random source: a small linear congruential generator. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 2 ** 32;
    return state / 2 ** 32;
  };
}

function picks(count: number, random: () => number, library: readonly [Prompt, ...Prompt[]] = PROMPTS): string[] {
  const ids: string[] = [];
  let recent: readonly string[] = [];
  for (let i = 0; i < count; i++) {
    const pick = pickPrompt(library, recent, random);
    ids.push(pick.prompt.id);
    recent = pick.recent;
  }
  return ids;
}

describe('pickPrompt', () => {
  it.each([1, 2, 3, 42, 1234])('never shows the same prompt twice in a row (seed %i)', (seed) => {
    const ids = picks(500, seeded(seed));
    for (let i = 1; i < ids.length; i++) expect(ids[i]).not.toBe(ids[i - 1]);
  });

  it.each([7, 99])('shows every prompt once before any repeats (seed %i)', (seed) => {
    const ids = picks(PROMPTS.length * 20, seeded(seed));
    for (let round = 0; round < 20; round++) {
      const slice = ids.slice(round * PROMPTS.length, (round + 1) * PROMPTS.length);
      expect(new Set(slice).size).toBe(PROMPTS.length);
    }
  });

  it('avoids the last prompt even when random() is at its extremes', () => {
    const all = PROMPTS.map((prompt) => prompt.id);
    for (const value of [0, 0.999999]) {
      const last = all[all.length - 1]!;
      const pick = pickPrompt(PROMPTS, [...all.slice(0, -1), last], () => value);
      expect(pick.prompt.id).not.toBe(last);
      expect(pick.recent).toEqual([pick.prompt.id]);
    }
  });

  it('ignores ids that are no longer in the library', () => {
    const pick = pickPrompt(PROMPTS, ['gone-1', 'gone-2'], () => 0);
    expect(pick.recent).toEqual([PROMPTS[0].id]);
  });

  it('returns undefined for an empty library and the only prompt for a library of one', () => {
    expect(pickPrompt([], [], Math.random)).toBeUndefined();
    const only = PROMPTS[0];
    expect(picks(3, Math.random, [only])).toEqual([only.id, only.id, only.id]);
  });
});

describe('prompt helpers', () => {
  it('finds prompts by id', () => {
    expect(findAnyPrompt('q-open-today')?.kind).toBe('question');
    expect(findAnyPrompt('nope')).toBeUndefined();
    expect(findAnyPrompt(undefined)).toBeUndefined();
  });

  it("shows a step as its title and text, in the person's language", () => {
    const step = findAnyPrompt('s-start-small')!;
    expect(promptText(step, 'nl')).toBe(
      'Begin klein: Deel een kleine onzekerheid met iemand die je vertrouwt. Bijvoorbeeld: "Ik vond dat gesprek spannend."',
    );
    expect(promptText(step, 'en')).toMatch(/^Start small: Share a small insecurity/);
  });

  it('keeps the round per surface and survives garbage in storage', () => {
    saveRound('popup', ['q-beliefs']);
    expect(loadRound('popup')).toEqual(['q-beliefs']);
    expect(loadRound('pause')).toEqual([]);
    localStorage.setItem('adempauze.round.popup', '{not json');
    expect(loadRound('popup')).toEqual([]);
    localStorage.setItem('adempauze.round.popup', JSON.stringify([1, 'q-beliefs', null]));
    expect(loadRound('popup')).toEqual(['q-beliefs']);
  });
});
