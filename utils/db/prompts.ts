/** The person's own prompts and their choices about the library's ("not for me"). */
import { announceChange } from './changes';
import { openDatabase } from './connection';
import { EmptyAnswerError } from '@/utils/errors';
import { toCustomPrompt, toPromptPreference, type CustomPrompt, type PromptPreference } from '@/utils/model/records';

/** The person's own prompts, oldest first. */
export async function listCustomPrompts(): Promise<CustomPrompt[]> {
  const rows = await (await openDatabase()).getAll('prompts');
  return rows.flatMap((row) => toCustomPrompt(row) ?? []).sort((a, b) => a.createdAt - b.createdAt);
}

/** Adds or changes one of the person's own prompts. */
export async function putCustomPrompt(prompt: CustomPrompt): Promise<void> {
  if (prompt.text.trim() === '') throw new EmptyAnswerError();
  const tx = (await openDatabase()).transaction('prompts', 'readwrite');
  await Promise.all([tx.store.put(prompt), tx.done]);
  announceChange({ store: 'prompts' });
}

/** Removes one of the person's own prompts; answers to it stay in the journal. */
export async function deleteCustomPrompt(id: string): Promise<void> {
  const tx = (await openDatabase()).transaction(['prompts', 'promptPrefs'], 'readwrite');
  await Promise.all([tx.objectStore('prompts').delete(id), tx.objectStore('promptPrefs').delete(id), tx.done]);
  announceChange({ store: 'prompts' });
}

export async function listPromptPreferences(): Promise<PromptPreference[]> {
  const rows = await (await openDatabase()).getAll('promptPrefs');
  return rows.flatMap((row) => toPromptPreference(row) ?? []);
}

/** Hides a prompt ("not for me") or shows it again. */
export async function setPromptHidden(promptId: string, hidden: boolean, now: number): Promise<void> {
  const tx = (await openDatabase()).transaction('promptPrefs', 'readwrite');
  await Promise.all([tx.store.put({ promptId, hidden, updatedAt: now }), tx.done]);
  announceChange({ store: 'prompts' });
}
