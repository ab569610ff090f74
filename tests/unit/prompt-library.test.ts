import { describe, expect, it } from 'vitest';
import { PROMPTS } from '@/content/prompts';
import { putCustomPrompt, setPromptHidden } from '@/utils/db/prompts';
import {
  findAnyPrompt,
  FOLLOW_UP_DELAY,
  offeredPrompts,
  openingPick,
  refreshLibraryMirror,
  scheduleFollowUp,
  takeDueFollowUp,
} from '@/utils/prompts/library';

describe('the prompts a person is offered', () => {
  it('are the article prompts until the person changes anything', async () => {
    await refreshLibraryMirror();
    expect(offeredPrompts().map((prompt) => prompt.id)).toEqual(PROMPTS.map((prompt) => prompt.id));
  });

  it('leave out hidden prompts and include the person’s own', async () => {
    await setPromptHidden('q-beliefs', true, 1);
    await putCustomPrompt({ id: 'c-mine', text: 'What did I not say today?', createdAt: 1, updatedAt: 1 });
    await refreshLibraryMirror();
    const ids = offeredPrompts().map((prompt) => prompt.id);
    expect(ids).not.toContain('q-beliefs');
    expect(ids).toContain('c-mine');
    expect(findAnyPrompt('c-mine')).toMatchObject({ kind: 'question', custom: true, text: { en: 'What did I not say today?' } });
    // A hidden prompt is still found, for drafts written before it was hidden.
    expect(findAnyPrompt('q-beliefs')?.id).toBe('q-beliefs');
  });

  it('never picks a hidden prompt, over many picks', async () => {
    for (const prompt of PROMPTS.slice(0, 7)) await setPromptHidden(prompt.id, true, 1);
    await refreshLibraryMirror();
    const allowed = PROMPTS.slice(7).map((prompt) => prompt.id);
    for (let i = 0; i < 50; i++) expect(allowed).toContain(openingPick('popup', Math.random, 0)?.prompt.id);
  });

  it('offers nothing when every prompt is hidden and none of the person’s own exists', async () => {
    for (const prompt of PROMPTS) await setPromptHidden(prompt.id, true, 1);
    await refreshLibraryMirror();
    expect(openingPick('popup', Math.random, 0)).toBeUndefined();
  });

  it('brings a follow-up on a small step some days later, once', () => {
    scheduleFollowUp('s-start-small', 1_000);
    expect(takeDueFollowUp(1_000 + FOLLOW_UP_DELAY - 1)).toBeUndefined();
    const followUp = takeDueFollowUp(1_000 + FOLLOW_UP_DELAY);
    expect(followUp).toMatchObject({ id: 'f-s-start-small', kind: 'question', followUpOf: 's-start-small' });
    expect(followUp?.text.en).toMatch(/^You wrote about "Start small"\. How did it go\?/);
    expect(followUp?.text.nl).toMatch(/^Je schreef over "Begin klein"\. Hoe ging het\?/);
    expect(takeDueFollowUp(1_000 + 2 * FOLLOW_UP_DELAY)).toBeUndefined();
    expect(findAnyPrompt('f-s-start-small')?.id).toBe('f-s-start-small');
  });

  it('opens on a due follow-up before the round goes on', () => {
    scheduleFollowUp('s-reflect-regularly', 0);
    expect(openingPick('popup', Math.random, FOLLOW_UP_DELAY)?.prompt.id).toBe('f-s-reflect-regularly');
    expect(openingPick('popup', Math.random, FOLLOW_UP_DELAY)?.prompt.id).not.toBe('f-s-reflect-regularly');
  });

  it('brings no follow-up for a step the person hid', async () => {
    await setPromptHidden('s-start-small', true, 1);
    await refreshLibraryMirror();
    scheduleFollowUp('s-start-small', 0);
    expect(takeDueFollowUp(FOLLOW_UP_DELAY)).toBeUndefined();
  });
});
