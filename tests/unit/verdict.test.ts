import { describe, expect, it } from 'vitest';
import { differenceVerdict, MAX_SPREAD, ratioVerdict } from '../bench/verdict';

describe("the bench's verdict on a ratio (tests/bench/verdict.ts)", () => {
  it('judges a narrow spread by its median, on either side of the target', () => {
    expect(ratioVerdict({ median: 1.2, low: 1.15, high: 1.25 }, 1.5)).toBe(true);
    expect(ratioVerdict({ median: 1.6, low: 1.55, high: 1.65 }, 1.5)).toBe(false);
    // Narrow but straddling: the median decides.
    expect(ratioVerdict({ median: 1.49, low: 1.45, high: 1.55 }, 1.5)).toBe(true);
    expect(ratioVerdict({ median: 1.51, low: 1.45, high: 1.55 }, 1.5)).toBe(false);
  });

  it('judges a wide spread that lies wholly within the target as met', () => {
    // IQR 0.5 wide on a median of 1.0: far wider than a quarter, yet every quartile is within 1.6.
    expect(ratioVerdict({ median: 1.0, low: 0.8, high: 1.3 }, 1.6)).toBe(true);
    // The upper quartile exactly at the target is within it ("at most").
    expect(ratioVerdict({ median: 1.0, low: 0.8, high: 1.3 }, 1.3)).toBe(true);
  });

  it('judges a wide spread that lies wholly past the target as not met', () => {
    expect(ratioVerdict({ median: 2.0, low: 1.6, high: 2.4 }, 1.5)).toBe(false);
  });

  it('gives no verdict when a wide spread straddles the target, whichever side the median is on', () => {
    expect(ratioVerdict({ median: 1.47, low: 1.0, high: 1.54 }, 1.5)).toBe('too wide');
    expect(ratioVerdict({ median: 1.53, low: 1.0, high: 1.6 }, 1.5)).toBe('too wide');
    // The lower quartile exactly at the target straddles it: some pairs are within, some past.
    expect(ratioVerdict({ median: 1.7, low: 1.5, high: 2.0 }, 1.5)).toBe('too wide');
  });

  it('calls a spread wide just past a quarter of the median', () => {
    const quarter = MAX_SPREAD * 1.4;
    const around = (width: number) => ({ median: 1.4, low: 1.4 - width / 2, high: 1.4 + width / 2 });
    expect(ratioVerdict(around(quarter - 0.01), 1.45)).toBe(true);
    expect(ratioVerdict(around(quarter + 0.01), 1.45)).toBe('too wide');
  });

  it('always meets an unbounded target (a row kept for its figure)', () => {
    expect(ratioVerdict({ median: 3, low: 1, high: 9 }, Infinity)).toBe(true);
  });
});

describe("the bench's verdict on a difference", () => {
  it('measures width against the target, not the median', () => {
    // 20 ms wide against a target of 100 ms: narrow; the median decides though it straddles.
    expect(differenceVerdict({ median: 95, low: 85, high: 105 }, 100)).toBe(true);
    expect(differenceVerdict({ median: 102, low: 92, high: 112 }, 100)).toBe(false);
    // 40 ms wide, straddling 100 ms: no verdict.
    expect(differenceVerdict({ median: 95, low: 75, high: 115 }, 100)).toBe('too wide');
    // 60 ms wide, wholly under 100 ms: met; wholly over: not met.
    expect(differenceVerdict({ median: 40, low: 10, high: 70 }, 100)).toBe(true);
    expect(differenceVerdict({ median: 150, low: 120, high: 180 }, 100)).toBe(false);
  });
});
