/**
 * How the pace of offers follows what the person does with them. A friend who is ignored asks less
 * often: each offer that passes by unanswered, or is put off, is one step back; each pause taken is
 * one step toward the pace the person set. Pure: a number of steps in, a number of steps out.
 *
 * The person's settings stay the bounds: a step only ever lengthens the interval and lowers the
 * day's cap, never the other way, so offers never come more often than they chose.
 */

/** How much longer the time to the next offer grows with each step back. */
export const BACK_OFF_FACTOR = 1.5;
/** The longest the interval grows: four times the one the person set. */
export const BACK_OFF_LIMIT = 4;
/**
 * The deepest step: the first whose factor reaches the limit (1.5⁴ ≈ 5.1 is held to 4). Deeper
 * steps would change nothing but the number of pauses it takes to return.
 */
export const MAX_BACK_OFF = Math.ceil(Math.log(BACK_OFF_LIMIT) / Math.log(BACK_OFF_FACTOR));

/**
 * What the person did that moves the pace: `ignored`, an offer shown in full that expired
 * unanswered or was put off ("Later", "Snooze 1 hour"); `taken`, a pause taken (an answer saved, a
 * pause window opened, time away long enough to count as a break). "No more today" and "Not now"
 * are clear choices and move nothing, so they have no event here.
 */
export type PaceEvent = 'ignored' | 'taken';

/** The steps back after `event`, from `steps`: one deeper, or one nearer the set pace; never past either end. */
export function backOffAfter(steps: number, event: PaceEvent): number {
  const from = clampSteps(steps);
  return event === 'ignored' ? Math.min(from + 1, MAX_BACK_OFF) : Math.max(from - 1, 0);
}

/** How many times the set interval the time to the next offer is: 1, 1.5, 2.25, 3.375, then 4. */
export function backOffFactor(steps: number): number {
  return Math.min(BACK_OFF_FACTOR ** clampSteps(steps), BACK_OFF_LIMIT);
}

/**
 * The day's cap at `steps` back: the person's own, divided as the interval is multiplied (rounded
 * up, so the first step is gentle), and never below one offer a day, nor above their own.
 */
export function backedOffCap(maxPerDay: number, steps: number): number {
  return Math.min(maxPerDay, Math.max(1, Math.ceil(maxPerDay / backOffFactor(steps))));
}

/** Any stored or computed number of steps as a whole step between 0 and MAX_BACK_OFF. */
function clampSteps(steps: number): number {
  return Number.isFinite(steps) ? Math.min(Math.max(Math.floor(steps), 0), MAX_BACK_OFF) : 0;
}
