import { describe, expect, it } from 'vitest';
import { differenceVerdict, MAX_INTERVAL, medianInterval, quantile, ratioVerdict, spreadOf } from '../bench/verdict';

/** A spread whose median's interval is `intervalLow`–`intervalHigh` (the quartiles do not judge). */
const spread = (median: number, intervalLow: number, intervalHigh: number) => ({
  median,
  low: median - 1,
  high: median + 1,
  intervalLow,
  intervalHigh,
});

describe("the bench's statistics (tests/bench/verdict.ts)", () => {
  it('interpolates quantiles between the nearest ranks', () => {
    expect(quantile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4, 5], 0.25)).toBe(2);
    expect(quantile([1, 2, 3, 4, 5], 0.95)).toBeCloseTo(4.8);
    expect(quantile([], 0.5)).toBeNaN();
  });

  it("takes the median's interval from the ranks the binomial tables give", () => {
    const ranks = (n: number) => Array.from({ length: n }, (_, i) => n - i); // n … 1, unsorted
    // 1-based ranks of a 95 % interval: n = 10 → 2 and 9; 20 → 6 and 15; 41 → 14 and 28.
    expect(medianInterval(ranks(10))).toEqual({ low: 2, high: 9 });
    expect(medianInterval(ranks(20))).toEqual({ low: 6, high: 15 });
    expect(medianInterval(ranks(41))).toEqual({ low: 14, high: 28 });
    // Six values are the fewest with an interval of 95 %: from the least to the greatest.
    expect(medianInterval(ranks(6))).toEqual({ low: 1, high: 6 });
    expect(medianInterval(ranks(3))).toEqual({ low: 1, high: 3 });
  });

  it('holds the true median in at least 95 % of samples, and narrows as pairs are added', () => {
    // A fixed generator, so the test says the same every run: a skewed distribution whose median is known.
    // mulberry32, on 32-bit integers (Math.imul) so no precision is lost.
    let seed = 7;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 2 ** 32;
    };
    const draw = () => -Math.log(random()); // exponential, median ln 2
    const width = (n: number) => {
      let held = 0;
      let total = 0;
      for (let trial = 0; trial < 2000; trial++) {
        const { low, high } = medianInterval(Array.from({ length: n }, draw));
        if (low <= Math.LN2 && Math.LN2 <= high) held++;
        total += high - low;
      }
      return { held: held / 2000, width: total / 2000 };
    };
    const few = width(41);
    const many = width(123);
    expect(few.held).toBeGreaterThanOrEqual(0.95);
    expect(many.held).toBeGreaterThanOrEqual(0.95);
    expect(many.width).toBeLessThan(few.width * 0.65);
  });

  it('spreads values into their median, quartiles and interval', () => {
    expect(spreadOf([5, 1, 4, 2, 3, 6, 7, 8, 9, 10])).toEqual({
      median: 5.5,
      low: 3.25,
      high: 7.75,
      intervalLow: 2,
      intervalHigh: 9,
    });
  });
});

describe("the bench's verdict on a ratio", () => {
  it("judges by the median's interval where it lies wholly on one side, however wide", () => {
    expect(ratioVerdict(spread(1.0, 0.8, 1.3), 1.6)).toBe(true);
    // The interval's top exactly at the target is within it ("at most").
    expect(ratioVerdict(spread(1.0, 0.8, 1.3), 1.3)).toBe(true);
    expect(ratioVerdict(spread(2.0, 1.6, 2.4), 1.5)).toBe(false);
  });

  it('lets the median decide when a narrow interval straddles the target', () => {
    expect(ratioVerdict(spread(1.08, 1.04, 1.12), 1.1)).toBe(true);
    expect(ratioVerdict(spread(1.11, 1.07, 1.15), 1.1)).toBe(false);
  });

  it('gives no verdict when a wide interval straddles the target, whichever side the median is on', () => {
    expect(ratioVerdict(spread(1.05, 0.98, 1.14), 1.1)).toBe('too wide');
    expect(ratioVerdict(spread(1.12, 1.02, 1.18), 1.1)).toBe('too wide');
    // Its bottom exactly at the target straddles it.
    expect(ratioVerdict(spread(1.15, 1.1, 1.25), 1.1)).toBe('too wide');
  });

  it('calls an interval wide just past a tenth of the median, however the single pairs scatter', () => {
    const around = (width: number) => ({ median: 1.1, low: 0.5, high: 2, intervalLow: 1.1 - width / 2, intervalHigh: 1.1 + width / 2 });
    expect(ratioVerdict(around(MAX_INTERVAL * 1.1 - 0.01), 1.1)).toBe(true);
    expect(ratioVerdict(around(MAX_INTERVAL * 1.1 + 0.01), 1.1)).toBe('too wide');
  });

  it('always meets an unbounded target (a row kept for its figure)', () => {
    expect(ratioVerdict(spread(3, 1, 9), Infinity)).toBe(true);
  });
});

describe("the bench's verdict on a difference", () => {
  it("measures the interval's width against the target, not the median", () => {
    // 8 ms wide against a target of 100 ms: narrow; the median decides though it straddles.
    expect(differenceVerdict(spread(97, 93, 101), 100)).toBe(true);
    expect(differenceVerdict(spread(102, 98, 106), 100)).toBe(false);
    // 20 ms wide, straddling 100 ms: no verdict.
    expect(differenceVerdict(spread(95, 85, 105), 100)).toBe('too wide');
    // 60 ms wide, wholly under 100 ms: met; wholly over: not met.
    expect(differenceVerdict(spread(40, 10, 70), 100)).toBe(true);
    expect(differenceVerdict(spread(150, 120, 180), 100)).toBe(false);
  });
});
