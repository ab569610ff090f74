/**
 * The messages pages send to the background, which owns the schedule. One typed union; the
 * background's handler switches over it exhaustively.
 */
import { browser } from 'wxt/browser';
import type { ScheduleState } from '@/utils/model/schedule';

/** How a pause ended, as the person chose in the pause window. */
export type PauseOutcome = 'answered' | 'skipped' | 'snoozed' | 'done-today';

/** Why the person asked for quiet, when the popup knows: "In a meeting". */
export type QuietReason = ScheduleState['quietReason'];

export type Message =
  | { type: 'pause-ended'; outcome: PauseOutcome; promptId: string }
  /** No offers until `until` (epoch ms); the background changes nothing unless it is after now and at most 7 days ahead. */
  | { type: 'quiet'; until: number; reason: QuietReason }
  | { type: 'resume' }
  /** An answer was saved, in the popup or the pause window: a pause taken, whether offered or not. */
  | { type: 'pause-taken' }
  /** The pause window opened: a pause taken, unless it opened for an offer (then how it ends counts). */
  | { type: 'pause-opened' }
  /** The popup found no pause alarm while pauses are on: the background repairs its schedule. */
  | { type: 'check-schedule' }
  /** "Return to the set pace": offers that backed off come as the person set them again. */
  | { type: 'set-pace' }
  /** "Back up now" in the Backup section: an automatic backup at once, whatever its schedule. */
  | { type: 'back-up-now' }
  /** "Sync now" in the Sync section, and a new connection: a sync at once; answered when it has ended. */
  | { type: 'sync-now' };

/** The messages the schedule answers (entrypoints/background/scheduler.ts); automatic backups and sync answer the rest. */
export type ScheduleMessage = Exclude<Message, { type: 'back-up-now' } | { type: 'sync-now' }>;

const OUTCOMES: readonly string[] = ['answered', 'skipped', 'snoozed', 'done-today'] satisfies PauseOutcome[];
const QUIET_REASONS: readonly unknown[] = [null, 'meeting'] satisfies QuietReason[];

/** Narrows whatever arrived on runtime.onMessage; undefined for anything that is not ours. */
export function parseMessage(value: unknown): Message | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const m = value as Record<string, unknown>;
  switch (m.type) {
    case 'pause-ended':
      return typeof m.outcome === 'string' && OUTCOMES.includes(m.outcome) && typeof m.promptId === 'string'
        ? { type: 'pause-ended', outcome: m.outcome as PauseOutcome, promptId: m.promptId }
        : undefined;
    case 'quiet':
      return Number.isInteger(m.until) && QUIET_REASONS.includes(m.reason)
        ? { type: 'quiet', until: m.until as number, reason: m.reason as QuietReason }
        : undefined;
    case 'resume':
    case 'pause-taken':
    case 'pause-opened':
    case 'check-schedule':
    case 'set-pace':
    case 'back-up-now':
    case 'sync-now':
      return { type: m.type };
    default:
      return undefined;
  }
}

/** Sends a message to the background and resolves when it has been handled. */
export async function sendToBackground(message: Message): Promise<void> {
  await browser.runtime.sendMessage(message);
}
