/**
 * The bench's verdict on a comparison measured in pairs: met, not met, or no verdict when the
 * pairs spread so wide that the median could land on either side of the target by chance. A
 * module of its own, without Playwright, so the rule has unit tests (tests/unit/verdict.test.ts).
 */

/** Met, not met, `null` for a row without a target, 'too wide' when the data cannot tell. */
export type Verdict = boolean | null | 'too wide';

/** A median with the interquartile range of the values it is the median of. */
export interface Spread {
  readonly median: number;
  readonly low: number;
  readonly high: number;
}

/**
 * How wide pairs may spread and still be judged when their middle half straddles the target: their
 * interquartile range ÷ their median for a ratio, ÷ its target for a difference.
 */
export const MAX_SPREAD = 0.25;

/**
 * `spread` judged against `target` (at most). When the whole middle half of the pairs lies on one
 * side of the target, the data says which side however wide it is: met when even the upper
 * quartile is within, not met when even the lower one is past. Only a middle half that straddles
 * the target and is `wide` leaves the verdict to chance: 'too wide'. Otherwise the median decides.
 */
function judged(spread: Spread, target: number, wide: boolean): Verdict {
  const straddles = spread.low <= target && spread.high > target;
  return straddles && wide ? 'too wide' : spread.median <= target;
}

/** The verdict on the median of the pairs' ratios (A ÷ B) against `target`. */
export function ratioVerdict(spread: Spread, target: number): Verdict {
  return judged(spread, target, (spread.high - spread.low) / spread.median > MAX_SPREAD);
}

/** The verdict on the median of the pairs' differences (A − B) against `target`, in the same unit. */
export function differenceVerdict(spread: Spread, target: number): Verdict {
  return judged(spread, target, spread.high - spread.low > MAX_SPREAD * target);
}
