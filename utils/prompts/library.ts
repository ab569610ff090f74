/**
 * The prompts a person is actually offered: the article's, minus those they hid ("not for me"),
 * plus their own, plus a follow-up when a small step is due for one. The popup must choose on its
 * first paint, so which prompts are hidden is mirrored from IndexedDB into localStorage, read
 * synchronously; every change in the prompt list writes the mirror, and pages refresh it on open.
 * Their own prompts' texts are kept in the page's memory only (see `ownPrompts`).
 *
 * The pick a surface opens on and the next one are made here too, from the offered prompts, the
 * drafts and the pure choice and round of utils/prompts/pick.ts. Every page loads this module
 * (the journal and the print view refresh the mirror), so with these here the drafts and the
 * picking share its chunk, and the quick pages' first paint loads one file fewer (scripts/sizes.mjs).
 */
import { FOLLOW_UP_PREFIX, followUpFor, PROMPTS, STEPS, type Prompt, type QuestionPrompt } from '@/content/prompts';
import type { CustomPrompt, PromptPreference } from '@/utils/model/records';
import { DAY } from '@/utils/durations';
import { draftIds, lockMirror } from '@/utils/storage/lock-mirror';
import { readPageJson, writePageJson } from '@/utils/storage/page-storage';
import { loadRound, pickPrompt, saveRound, type Pick as PromptPick, type RandomSource, type RoundScope } from '@/utils/prompts/pick';

const MIRROR_KEY = 'adempauze.library';
const FOLLOW_UPS_KEY = 'adempauze.followUps';
/** How long after answering a small step its follow-up comes. Exported for the tests, which move the clock past it. */
export const FOLLOW_UP_DELAY = 3 * DAY;

interface LibraryMirror {
  readonly hidden: readonly string[];
  readonly custom: readonly Pick<CustomPrompt, 'id' | 'text'>[];
}

/** One of the person's own prompts, as the pickers see it. */
function customPrompt(prompt: Pick<CustomPrompt, 'id' | 'text'>): QuestionPrompt {
  return { id: prompt.id, kind: 'question', section: 'questions', custom: true, text: { en: prompt.text, nl: prompt.text } };
}

/**
 * The person's own prompts as this page last read them from the database: in memory only, never in
 * localStorage, because text once written there stays in the browser's files after it is removed,
 * beyond the reach of the lock (tests/e2e/lock-disk.spec.ts). So a quick page offers them once its
 * first read is done, not on its first paint.
 */
let ownPrompts: readonly Pick<CustomPrompt, 'id' | 'text'>[] = [];

/** The mirror as stored, narrowed, with the own prompts read in this page. Hand-written: the quick pages' first script (utils/first-paint/shell.ts) carries no valibot. */
function readMirror(): LibraryMirror {
  const raw = readPageJson(MIRROR_KEY) as Record<string, unknown> | undefined;
  const hidden = Array.isArray(raw?.hidden) ? raw.hidden.filter((id): id is string => typeof id === 'string') : [];
  return { hidden, custom: ownPrompts };
}

/** Every prompt that can be shown, hidden or not: for finding the prompt of a draft. */
function allPrompts(): Prompt[] {
  return [...PROMPTS, ...readMirror().custom.map(customPrompt)];
}

/** The prompts to choose from: not hidden, the person's own included. May be empty. */
export function offeredPrompts(): Prompt[] {
  const { hidden } = readMirror();
  return allPrompts().filter((prompt) => !hidden.includes(prompt.id));
}

/** Finds a prompt by id, follow-ups included. */
export function findAnyPrompt(id: string | undefined): Prompt | undefined {
  if (id === undefined) return undefined;
  if (id.startsWith(FOLLOW_UP_PREFIX)) {
    const step = STEPS.find((candidate) => candidate.id === id.slice(FOLLOW_UP_PREFIX.length));
    return step && followUpFor(step);
  }
  return allPrompts().find((prompt) => prompt.id === id);
}

/**
 * Rewrites the mirror from the person's prompts and preferences as read from the database: the
 * hidden ids in localStorage, the own prompts' texts in this page's memory. Under the lock their
 * texts are left out even there, so the quick pages offer the article's prompts and follow-ups only.
 */
export function writeLibraryMirror(custom: readonly CustomPrompt[], preferences: readonly PromptPreference[]): void {
  ownPrompts = lockMirror() ? [] : custom.filter(({ text }) => text.trim() !== '').map(({ id, text }) => ({ id, text }));
  // Without the mirror the pickers offer every prompt of the article until the next refresh.
  writePageJson(MIRROR_KEY, {
    hidden: preferences.filter((preference) => preference.hidden).map((preference) => preference.promptId),
    custom: [],
  } satisfies LibraryMirror);
}

/** Reads the person's prompts and preferences and rewrites the mirror from them. */
export async function refreshLibraryMirror(): Promise<void> {
  // Loaded when needed: the popup refreshes after its first paint, which must not wait for it.
  const { listCustomPrompts, listPromptPreferences } = await import('@/utils/db/prompts');
  // Under the lock the texts are left out anyway, and may not be readable.
  const [custom, preferences] = await Promise.all([lockMirror() ? [] : listCustomPrompts(), listPromptPreferences()]);
  writeLibraryMirror(custom, preferences);
}

type FollowUps = Record<string, number>;

/** When each follow-up is due, narrowed. Hand-written: the quick pages' first script (utils/first-paint/shell.ts) carries no valibot. */
function readFollowUps(): FollowUps {
  const raw = readPageJson(FOLLOW_UPS_KEY);
  const result: FollowUps = {};
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
    for (const [id, at] of Object.entries(raw)) if (typeof at === 'number' && Number.isFinite(at)) result[id] = at;
  }
  return result;
}

/** A small step was answered: its follow-up becomes due some days later. */
export function scheduleFollowUp(stepId: string, answeredAt: number): void {
  writePageJson(FOLLOW_UPS_KEY, { ...readFollowUps(), [stepId]: answeredAt + FOLLOW_UP_DELAY });
}

/**
 * The follow-up due at `now`, if any, taken off the list: it is offered once, gently, and never
 * comes back if the person moves on. A hidden step brings no follow-up.
 */
export function takeDueFollowUp(now: number): QuestionPrompt | undefined {
  const due = readFollowUps();
  const { hidden } = readMirror();
  const stepId = Object.keys(due).find((id) => (due[id] ?? Infinity) <= now && !hidden.includes(id));
  if (!stepId) return undefined;
  delete due[stepId];
  writePageJson(FOLLOW_UPS_KEY, due);
  const step = STEPS.find((candidate) => candidate.id === stepId);
  return step && followUpFor(step);
}

/**
 * The prompt a surface opens on, decided synchronously: the one someone was answering when it last
 * closed (it has a draft), else a follow-up that is due, else the next one of the round.
 * Undefined when the person has hidden every prompt and has none of their own.
 */
export function openingPick(scope: RoundScope, random: RandomSource, now: number): PromptPick | undefined {
  const recent = loadRound(scope);
  const current = findAnyPrompt(recent.at(-1));
  // The ids of drafts, not drafts.ts: this runs in the pages' first script, before the extension
  // API's polyfill is loaded (utils/first-paint/shell.ts). Every draft written is in that list.
  if (current && draftIds().includes(current.id)) return { prompt: current, recent };
  const followUp = takeDueFollowUp(now);
  if (followUp) {
    const withFollowUp = [...recent, followUp.id];
    saveRound(scope, withFollowUp);
    return { prompt: followUp, recent: withFollowUp };
  }
  return nextPick(scope, recent, random);
}

/** The next prompt of the round among those offered, remembered for `scope`. */
export function nextPick(scope: RoundScope, recent: readonly string[], random: RandomSource): PromptPick | undefined {
  const pick = pickPrompt(offeredPrompts(), recent, random);
  if (pick) saveRound(scope, pick.recent);
  return pick;
}
