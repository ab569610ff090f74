import { openDB } from 'idb';
import { closeDatabase, DB_NAME, DB_VERSION, openDatabase } from '@/utils/db/connection';

/** Writes rows into a store exactly as given, past every verb and check, the way a damaged disk or an old bug could leave them. */
export async function writeRawRows(store: 'notes' | 'events' | 'prompts' | 'promptPrefs', rows: readonly object[]): Promise<void> {
  // Opened through the extension first, so every store exists at this version.
  await openDatabase();
  await closeDatabase();
  const db = await openDB(DB_NAME, DB_VERSION);
  for (const row of rows) await db.put(store, row);
  db.close();
}

/** Notes no page can show: a time that is not a number, and no answer at all. */
export const DAMAGED_NOTES: readonly object[] = [
  {
    id: 'damaged-time',
    promptId: 'q-beliefs',
    promptText: 'Which beliefs about vulnerability live in me?',
    promptKind: 'question',
    locale: 'en',
    answer: 'written once',
    createdAt: 'x',
    updatedAt: 1_790_000_000_000,
    source: 'popup',
  },
  {
    id: 'damaged-answer',
    promptId: 'q-beliefs',
    promptText: 'Which beliefs about vulnerability live in me?',
    promptKind: 'question',
    locale: 'en',
    createdAt: 1_790_000_000_000,
    updatedAt: 1_790_000_000_000,
    source: 'pause',
  },
];
