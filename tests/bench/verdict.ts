/**
 * The bench's verdict on a comparison measured in pairs: met, not met, or no verdict when the
 * pairs leave the median unsure on both sides of the target. A module of its own, without
 * Playwright, so the rule has unit tests (tests/unit/verdict.test.ts).
 *
 * The verdict asks how well the pairs know their median, not how far single pairs scatter. A
 * page's first paint on this machine scatters ±13 ms around 75 ms from load to load, so single
 * pairs' ratios spread over ±20 % even for a page measured against an identical copy of itself
 * (README, "A bench whose ratios hold"): a rule on that spread (the interquartile range) gave no
 * verdict on a page against itself half the time, whatever the code. The median's confidence
 * interval narrows as pairs are added; its width is what a second run can disagree by.
 */

/** Met, not met, `null` for a row without a target, 'too wide' when the data cannot tell. */
export type Verdict = boolean | null | 'too wide';

/** A median with the interquartile range of its values and the median's 95 % confidence interval. */
export interface Spread {
  readonly median: number;
  /** The interquartile range: how far single pairs scatter (shown, not judged). */
  readonly low: number;
  readonly high: number;
  /** The median's 95 % confidence interval (medianInterval). */
  readonly intervalLow: number;
  readonly intervalHigh: number;
}

/**
 * How wide the median's interval may be and still be judged when it straddles the target: ÷ the
 * median for a ratio, ÷ the target for a difference. A tenth: two runs must agree within 10 %, and
 * a median known within ±5 % is known that well.
 */
export const MAX_INTERVAL = 0.1;

/** Sorted ascending. */
const sorted = (values: readonly number[]) => [...values].sort((a, b) => a - b);

/** The p-th quantile (0 … 1) of `values`, by linear interpolation between the nearest ranks. */
export function quantile(values: readonly number[], p: number): number {
  const ordered = sorted(values);
  if (ordered.length === 0) return NaN;
  const at = (ordered.length - 1) * p;
  const below = Math.floor(at);
  const above = Math.min(below + 1, ordered.length - 1);
  return ordered[below]! + (ordered[above]! - ordered[below]!) * (at - below);
}

/**
 * The median's 95 % confidence interval, without assuming any distribution: the values of ranks
 * r and n + 1 − r (1-based), for the largest r with P(Binomial(n, ½) < r) ≤ 2.5 %. Each value
 * lies below the true median with chance ½, so at most 2.5 % of samples have fewer than r below
 * it. Too few values for such an r (n < 6): from the least to the greatest.
 */
export function medianInterval(values: readonly number[]): { low: number; high: number } {
  const ordered = sorted(values);
  const n = ordered.length;
  // P(Binomial(n, ½) = i), term by term: C(n, i) / 2^n.
  let term = 2 ** -n;
  let below = 0;
  let rank = 0;
  while (rank < n && below + term <= 0.025) {
    below += term;
    term = (term * (n - rank)) / (rank + 1);
    rank++;
  }
  // Now rank = r; rank 0: no r at all (n < 6), the interval is all the values. Ranks are 1-based.
  const r = Math.max(rank, 1);
  return { low: ordered[r - 1] ?? NaN, high: ordered[n - r] ?? NaN };
}

/** The median of `values`, with its spread and its interval. */
export function spreadOf(values: readonly number[]): Spread {
  const { low: intervalLow, high: intervalHigh } = medianInterval(values);
  return { median: quantile(values, 0.5), low: quantile(values, 0.25), high: quantile(values, 0.75), intervalLow, intervalHigh };
}

/**
 * `spread` judged against `target` (at most). When the median's whole interval lies on one side of
 * the target, the data says which side however wide it is. Only an interval that straddles the
 * target and is `wide` leaves the verdict to chance: 'too wide'. Otherwise the median decides.
 */
function judged(spread: Spread, target: number, wide: boolean): Verdict {
  const straddles = spread.intervalLow <= target && spread.intervalHigh > target;
  return straddles && wide ? 'too wide' : spread.median <= target;
}

/** The verdict on the median of the pairs' ratios (A ÷ B) against `target`. */
export function ratioVerdict(spread: Spread, target: number): Verdict {
  return judged(spread, target, (spread.intervalHigh - spread.intervalLow) / spread.median > MAX_INTERVAL);
}

/** The verdict on the median of the pairs' differences (A − B) against `target`, in the same unit. */
export function differenceVerdict(spread: Spread, target: number): Verdict {
  return judged(spread, target, spread.intervalHigh - spread.intervalLow > MAX_INTERVAL * target);
}
