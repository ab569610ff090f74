/** The person's own prompts and their choices about the library's ("not for me"). */
import { EmptyAnswerError } from '@/utils/errors';
import { readingKeys, whileWriting } from '@/utils/lock/keys';
import { toPromptPreference, type CustomPrompt, type PromptPreference } from '@/utils/model/records';
import { announceChange } from './changes';
import { promptToRow, rowToPrompt } from './cipher';
import { openDatabase } from './connection';

/** The person's own prompts, oldest first; JournalLockedError while they are encrypted and the journal is locked. */
export async function listCustomPrompts(): Promise<CustomPrompt[]> {
  const keys = await readingKeys();
  const rows = await (await openDatabase()).getAll('prompts');
  const prompts = await Promise.all(rows.map((row) => rowToPrompt(row, keys)));
  return prompts.filter((prompt) => prompt !== undefined).sort((a, b) => a.createdAt - b.createdAt);
}

/** Adds or changes one of the person's own prompts. */
export async function putCustomPrompt(prompt: CustomPrompt): Promise<void> {
  if (prompt.text.trim() === '') throw new EmptyAnswerError();
  // idb's shortcut resolves only once the write's transaction has completed (it awaits tx.done).
  await whileWriting(async (writer) => (await openDatabase()).put('prompts', await promptToRow(prompt, writer)));
  announceChange({ store: 'prompts' });
}

/** Removes one of the person's own prompts; answers to it stay in the journal. */
export async function deleteCustomPrompt(id: string): Promise<void> {
  const tx = (await openDatabase()).transaction(['prompts', 'promptPrefs'], 'readwrite');
  await Promise.all([tx.objectStore('prompts').delete(id), tx.objectStore('promptPrefs').delete(id), tx.done]);
  announceChange({ store: 'prompts' });
}

/** The person's choices about prompts ("not for me"). */
export async function listPromptPreferences(): Promise<PromptPreference[]> {
  const rows = await (await openDatabase()).getAll('promptPrefs');
  return rows.flatMap((row) => toPromptPreference(row) ?? []);
}

/** Hides a prompt ("not for me") or shows it again. */
export async function setPromptHidden(promptId: string, hidden: boolean, now: number): Promise<void> {
  await (await openDatabase()).put('promptPrefs', { promptId, hidden, updatedAt: now });
  announceChange({ store: 'prompts' });
}
