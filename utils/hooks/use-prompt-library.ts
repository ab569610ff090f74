/** The prompt library as the Prompts section shows it, and the person's changes to it. */
import { QUESTIONS, STEPS } from '@/content/prompts';
import { countNotesByPrompt } from '@/utils/db/notes';
import { deleteCustomPrompt, listCustomPrompts, listPromptPreferences, putCustomPrompt, setPromptHidden } from '@/utils/db/prompts';
import type { CustomPrompt } from '@/utils/model/records';
import { writeLibraryMirror } from '@/utils/prompts/library';
import { dataSignal, useLoadable, type Loadable } from './loadable';

export interface PromptLibrary {
  readonly custom: readonly CustomPrompt[];
  readonly hidden: ReadonlySet<string>;
  /** How many notes answer each prompt. */
  readonly answers: ReadonlyMap<string, number>;
}

export interface PromptLibraryHandle {
  readonly state: Loadable<PromptLibrary>;
  readonly setHidden: (promptId: string, hidden: boolean) => Promise<void>;
  readonly add: (text: string) => Promise<void>;
  readonly edit: (prompt: CustomPrompt, text: string) => Promise<void>;
  readonly remove: (promptId: string) => Promise<void>;
}

async function loadLibrary(): Promise<PromptLibrary> {
  const [custom, preferences] = await Promise.all([listCustomPrompts(), listPromptPreferences()]);
  // Every read also rewrites the page mirror the popup picks from, so a change made in any tab
  // reaches the next popup.
  writeLibraryMirror(custom, preferences);
  const ids = [...QUESTIONS, ...STEPS].map((prompt) => prompt.id).concat(custom.map((prompt) => prompt.id));
  return {
    custom,
    hidden: new Set(preferences.filter((preference) => preference.hidden).map((preference) => preference.promptId)),
    answers: await countNotesByPrompt(ids),
  };
}

/** Prompts change with the prompt stores, and answer counts with the notes. */
const LIBRARY_SIGNAL = dataSignal((change) => change.store === 'prompts' || change.store === 'notes');
const PROMPTS_SIGNAL = dataSignal((change) => change.store === 'prompts');

export function usePromptLibrary(): PromptLibraryHandle {
  const [state] = useLoadable(loadLibrary, [LIBRARY_SIGNAL]);
  return {
    state,
    setHidden: (promptId, hidden) => setPromptHidden(promptId, hidden, Date.now()),
    add(text) {
      const now = Date.now();
      return putCustomPrompt({ id: `c-${crypto.randomUUID()}`, text, createdAt: now, updatedAt: now });
    },
    edit: (prompt, text) => putCustomPrompt({ ...prompt, text, updatedAt: Math.max(Date.now(), prompt.updatedAt) }),
    remove: deleteCustomPrompt,
  };
}

/** The person's own prompts alone (the journal's prompt filter): one small read, following changes. */
export function useCustomPrompts(): Loadable<readonly CustomPrompt[]> {
  return useLoadable(listCustomPrompts, [PROMPTS_SIGNAL])[0];
}
