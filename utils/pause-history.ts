/**
 * What the background records of each pause (offered, answered, snoozed, …): the history behind
 * the insights. The background writes it only through this, because a failing database must
 * never stop the schedule itself.
 */
import { addPauseEvent } from '@/utils/db/events';
import type { PauseEventType } from '@/utils/model/records';
import { logProblem } from '@/utils/log';

/** Records an event; a failure is logged, never thrown. */
export async function recordPauseEvent(type: PauseEventType, at: number, promptId?: string): Promise<void> {
  try {
    await addPauseEvent(type, at, promptId);
  } catch (error) {
    logProblem(`could not record "${type}"`, error);
  }
}
