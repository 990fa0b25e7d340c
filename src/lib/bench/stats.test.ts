import { describe, expect, it } from 'vitest';
import { bootstrapMean, meanSe, passAtK, passHatK, passK, wilson } from './stats.ts';

describe('benchmark statistics', () => {
  it("gives Wilson's 95 % interval (closed-form values)", () => {
    const close = ([lo, hi]: [number, number], [a, b]: [number, number]) => {
      expect(lo).toBeCloseTo(a, 6);
      expect(hi).toBeCloseTo(b, 6);
    };
    close(wilson(5, 10), [0.236593, 0.763407]);
    close(wilson(0, 10), [0, 0.277533]);
    close(wilson(17, 20), [0.639581, 0.947631]);
    expect(wilson(0, 0)).toEqual([0, 1]);
  });

  it('gives the mean with its standard error', () => {
    expect(meanSe({ '0': 3, '1': 2, '0.5': 5 })).toEqual({ n: 10, mean: 0.45, se: expect.closeTo(0.1166667, 6) });
    expect(meanSe({ '0.7': 1 })).toEqual({ n: 1, mean: 0.7, se: 0 });
    expect(meanSe({})).toEqual({ n: 0, mean: 0, se: 0 });
  });

  it('bootstraps the mean reproducibly from a seed, near mean ± 1.96 SE on a large sample', () => {
    const counts = { '0': 100, '1': 100 };
    const a = bootstrapMean(counts, { seed: 7 });
    expect(bootstrapMean(counts, { seed: 7 })).toEqual(a);
    expect(bootstrapMean(counts, { seed: 8 })).not.toEqual(a);
    const { mean, se } = meanSe(counts);
    expect(a[0]).toBeCloseTo(mean - 1.96 * se, 1);
    expect(a[1]).toBeCloseTo(mean + 1.96 * se, 1);
    expect(a[0]).toBeLessThan(0.5);
    expect(a[1]).toBeGreaterThan(0.5);
    expect(bootstrapMean({ '0.25': 9 })).toEqual([0.25, 0.25]);
  });

  it("computes pass@k with the unbiased estimator and pass^k", () => {
    expect(passAtK(5, 2, 2)).toBeCloseTo(0.7, 12); // 1 - C(3,2)/C(5,2)
    expect(passHatK(5, 2, 2)).toBeCloseTo(0.1, 12); // C(2,2)/C(5,2)
    expect(passAtK(10, 3, 5)).toBeCloseTo(11 / 12, 12); // 1 - C(7,5)/C(10,5)
    expect(passAtK(10, 7, 5)).toBe(1); // fewer than k failures: some draw always succeeds
    expect(passHatK(10, 3, 5)).toBe(0);
    expect(passAtK(3, 0, 3)).toBe(0);
    expect(passHatK(3, 3, 3)).toBe(1);
    expect(passK({ a: [2, 1], b: [2, 2], c: [2, 0] })).toEqual({ k: 2, passAt: (1 + 1 + 0) / 3, passHat: (0 + 1 + 0) / 3 });
    expect(passK({ a: [1, 1] })).toBeNull();
    expect(passK({})).toBeNull();
  });
});
