/** What the Insights section sums up, read from indexes only and following every change. */
import { PROMPTS } from '@/content/prompts';
import { listPauseEvents } from '@/utils/db/events';
import { countNotesByPrompt, listNoteFeelings, listNoteTimes } from '@/utils/db/notes';
import { listCustomPrompts } from '@/utils/db/prompts';
import {
  calendarDays,
  calendarStart,
  feelingDays,
  monthSummaries,
  pauseCounts,
  topPrompts,
  type CalendarDay,
  type FeelingDay,
  type MonthSummary,
  type PauseCounts,
  type PromptCount,
} from '@/utils/insights/insights';
import { dataSignal, useLoadable, type Loadable } from './loadable';

/** How many prompts "answered most" lists. */
const TOP_PROMPTS = 5;

export interface Insights {
  readonly days: readonly CalendarDay[];
  readonly months: readonly MonthSummary[];
  readonly counts: PauseCounts;
  readonly top: readonly PromptCount[];
  /** The person's own prompts by id, for their text. */
  readonly customTexts: ReadonlyMap<string, string>;
}

/** Reads what the insights need, from indexes only (no note bodies), and sums it up. */
async function loadInsights(now: number): Promise<Insights> {
  const since = calendarStart(now);
  const custom = await listCustomPrompts();
  const [noteTimes, events, byPrompt] = await Promise.all([
    listNoteTimes(since),
    listPauseEvents(since),
    countNotesByPrompt([...PROMPTS.map((prompt) => prompt.id), ...custom.map((prompt) => prompt.id)]),
  ]);
  const days = calendarDays(noteTimes, events, now);
  return {
    days,
    months: monthSummaries(days),
    counts: pauseCounts(events, since),
    top: topPrompts(byPrompt, TOP_PROMPTS),
    customTexts: new Map(custom.map((prompt) => [prompt.id, prompt.text])),
  };
}

/** Every store feeds the insights: notes, pause events (the background's), own prompts. */
const INSIGHTS_SIGNAL = dataSignal(() => true);

export function useInsights(): Loadable<Insights> {
  return useLoadable(() => loadInsights(Date.now()), [INSIGHTS_SIGNAL])[0];
}

/** Only notes carry feelings. */
const NOTES_SIGNAL = dataSignal((change) => change.store === 'notes');

/**
 * How days felt: the calendar's days with the feelings chosen for their notes. Read apart from the
 * rest, and only when shown: unlike the other insights it opens the notes themselves.
 */
export function useFeelingDays(): Loadable<readonly FeelingDay[]> {
  return useLoadable(async () => {
    const now = Date.now();
    return feelingDays(await listNoteFeelings(calendarStart(now)), now);
  }, [NOTES_SIGNAL])[0];
}
