/**
 * Statistics a paper reports with a benchmark score: 95 % intervals (Wilson's for rates, a seeded
 * bootstrap for mean reward), the standard error of a mean, and with repeated attempts per item,
 * pass@k (Chen et al. 2021's unbiased estimator) and pass^k (tau-bench: all k attempts succeed).
 * Pure functions over counts, so they run on a run's running totals without reading episodes.
 */
import { Rng } from '../../../workers/envs/rng.ts';

/** z for a two-sided 95 % interval. */
const Z95 = 1.959963984540054;

export type Interval = [low: number, high: number];

/** Wilson score interval for `successes` out of `n` (unlike the normal one, sane at 0 % and 100 %). */
export function wilson(successes: number, n: number, z = Z95): Interval {
  if (n === 0) return [0, 1];
  const p = successes / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const spread = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const denom = 1 + z2 / n;
  return [Math.max(0, (centre - spread) / denom), Math.min(1, (centre + spread) / denom)];
}

/** Value -> how many times it occurred (a tally's final rewards). */
export type Counts = Readonly<Record<string, number>>;

/** Mean and its standard error (sample standard deviation / √n; 0 below two values). */
export function meanSe(counts: Counts): { n: number; mean: number; se: number } {
  let n = 0, sum = 0;
  for (const [v, c] of Object.entries(counts)) {
    n += c;
    sum += Number(v) * c;
  }
  if (n === 0) return { n, mean: 0, se: 0 };
  const mean = sum / n;
  let ss = 0;
  for (const [v, c] of Object.entries(counts)) ss += c * (Number(v) - mean) ** 2;
  return { n, mean, se: n > 1 ? Math.sqrt(ss / (n - 1) / n) : 0 };
}

/**
 * Percentile bootstrap 95 % interval of the mean: `resamples` means of n draws with replacement.
 * Seeded, so the same totals always print the same interval.
 */
export function bootstrapMean(counts: Counts, { resamples = 1000, seed = 1 } = {}): Interval {
  const values = Object.keys(counts).map(Number);
  const cumulative: number[] = [];
  let n = 0;
  for (const v of Object.keys(counts)) cumulative.push((n += counts[v]));
  if (n === 0) return [0, 0];
  const rng = new Rng(seed);
  const means: number[] = [];
  for (let b = 0; b < resamples; b++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += values[firstAbove(cumulative, rng.int(n))];
    means.push(sum / n);
  }
  means.sort((a, b) => a - b);
  return [quantile(means, 0.025), quantile(means, 0.975)];
}

/** Index of the first cumulative count above x (binary search: rewards take few values, n may be large). */
function firstAbove(cumulative: readonly number[], x: number): number {
  let lo = 0, hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid] > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Linear interpolation between order statistics (numpy's default). */
function quantile(sorted: readonly number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const i = Math.floor(pos);
  return i + 1 < sorted.length ? sorted[i] + (sorted[i + 1] - sorted[i]) * (pos - i) : sorted[i];
}

/** C(n, k) / C(m, k) as a running product, so large n never overflows. */
function chooseRatio(n: number, m: number, k: number): number {
  if (k > n) return 0;
  let r = 1;
  for (let i = 0; i < k; i++) r *= (n - i) / (m - i);
  return r;
}

/** Unbiased pass@k for one item attempted n times with c successes: 1 − C(n−c, k) / C(n, k). */
export function passAtK(n: number, c: number, k: number): number {
  return 1 - chooseRatio(n - c, n, k);
}

/** pass^k for one item: the chance that k attempts drawn from its n all succeed, C(c, k) / C(n, k). */
export function passHatK(n: number, c: number, k: number): number {
  return chooseRatio(c, n, k);
}

/** Attempts and successes per item. */
export type ItemCounts = Readonly<Record<string, readonly [attempts: number, successes: number]>>;

/**
 * pass@k and pass^k averaged over items, k being the fewest attempts any item has (the run's
 * repeats once it is complete); null unless every item was attempted at least twice.
 */
export function passK(items: ItemCounts): { k: number; passAt: number; passHat: number } | null {
  const rows = Object.values(items);
  const k = rows.length ? Math.min(...rows.map(([n]) => n)) : 0;
  if (k < 2) return null;
  const mean = (f: (n: number, c: number) => number) => rows.reduce((s, [n, c]) => s + f(n, c), 0) / rows.length;
  return { k, passAt: mean((n, c) => passAtK(n, c, k)), passHat: mean((n, c) => passHatK(n, c, k)) };
}
