/** The events store: what happened to each pause, for the schedule and insights. */
import { toPauseEvent, type PauseEvent, type PauseEventType } from '@/utils/model/records';
import { announceChange } from './changes';
import { openDatabase } from './connection';

/** Records what happened to a pause; resolves once it is stored. */
export async function addPauseEvent(type: PauseEventType, at: number, promptId?: string): Promise<PauseEvent> {
  const event: PauseEvent =
    promptId === undefined ? { id: crypto.randomUUID(), type, at } : { id: crypto.randomUUID(), type, at, promptId };
  // idb's shortcut resolves only once the write's transaction has completed (it awaits tx.done).
  await (await openDatabase()).add('events', event);
  announceChange({ store: 'events' });
  return event;
}

/** Pause events at or after `since`, oldest first. */
export async function listPauseEvents(since = 0): Promise<PauseEvent[]> {
  const rows = await (await openDatabase()).getAllFromIndex('events', 'by-at', IDBKeyRange.lowerBound(since));
  return rows.flatMap((row) => toPauseEvent(row) ?? []);
}
