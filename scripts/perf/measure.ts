/**
 * One perf run of one env through an EnvHandle (in-process in Node, a comlink worker in the
 * browser): reset time over its eval items and per-step latency, driven by a PolicySource.
 */
import { isSuccess, type DataSource, type EnvManifest } from '../../workers/envs/contract.ts';
import type { EnvHandle } from '../../workers/env-handle.ts';
import type { PolicySource } from './policy.ts';

export interface EnvTiming {
  env: string;
  policy: string;
  episodes: number;
  solved: number;
  steps: number;
  /** The first reset: the env's first use of its data and code paths (JIT, lazy tables). */
  resetFirstUs: number;
  /** Later resets, typical and worst. */
  resetP50Us: number;
  resetP99Us: number;
  stepP50Us: number;
  stepP99Us: number;
  stepsPerSec: number;
}

export interface MeasureOptions {
  /** Clock in milliseconds (performance.now). */
  now: () => number;
  /** Keep playing passes over the eval items until this many steps... */
  minSteps: number;
  /** ...or until this much time has passed (at least one full pass is always made). */
  budgetMs: number;
}

export async function measureEnv(spec: EnvManifest, handle: EnvHandle, policies: PolicySource, opts: MeasureOptions): Promise<EnvTiming> {
  const resets: number[] = [];
  const steps: number[] = [];
  let solved = 0;
  const began = opts.now();
  do {
    for (const item of spec.evalItems) {
      let t = opts.now();
      let snap = await handle.reset(item);
      resets.push(opts.now() - t);
      const policy = policies.start(handle);
      for (let round = 0; !snap.done && round < spec.maxRounds; round++) {
        const action = await policy(snap.observation, snap.availableActions);
        t = opts.now();
        snap = await handle.step(action);
        steps.push(opts.now() - t);
      }
      if (snap.done && isSuccess(spec.scoring, snap.reward)) solved++;
    }
  } while (steps.length < opts.minSteps && opts.now() - began < opts.budgetMs);
  const stepTotalMs = steps.reduce((a, b) => a + b, 0);
  return {
    env: spec.id,
    policy: policies.name,
    episodes: resets.length,
    solved,
    steps: steps.length,
    resetFirstUs: resets[0] * 1000,
    resetP50Us: percentile(resets.slice(1), 0.5) * 1000,
    resetP99Us: percentile(resets.slice(1), 0.99) * 1000,
    stepP50Us: percentile(steps, 0.5) * 1000,
    stepP99Us: percentile(steps, 0.99) * 1000,
    stepsPerSec: stepTotalMs > 0 ? steps.length / (stepTotalMs / 1000) : Infinity,
  };
}

export interface ResetTiming {
  /** The very first reset (cold: first use of the env's code paths and data). */
  firstUs: number;
  p50Us: number;
  p99Us: number;
  p999Us: number;
  /** Each timed reset as [start, end] on the `now` clock, to match against GC pauses. */
  spans: [number, number][];
  /**
   * For an env that reads a file on reset (ALFWorld's game file): the p50 of that read, and of
   * the reset without it. Absent when no timed reset read a file.
   */
  reads?: { readP50Us: number; ownP50Us: number };
}

/** `source` with the time spent in its reads added up (nested reads count once), for `measureResets`. */
export function timedReads(source: DataSource, now: () => number): { source: DataSource; readMs: () => number } {
  let total = 0;
  let depth = 0;
  const timed =
    <A extends unknown[], R>(read: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const t = now();
      depth++;
      try {
        return await read(...args);
      } finally {
        if (--depth === 0) total += now() - t;
      }
    };
  const json = timed((p: string) => source.json<unknown>(p));
  return { source: { ...source, bytes: timed((p: string) => source.bytes(p)), json: <T>(p: string) => json(p) as Promise<T> }, readMs: () => total };
}

export interface ResetRun {
  /** Untimed passes over the eval items after the first reset (JIT warm-up). */
  warmupPasses: number;
  /** Timed passes go on until this many resets... */
  minSamples: number;
  /** ...or this much time (at least one timed pass is always made). */
  budgetMs: number;
}

/** Reset alone over the eval items: the first reset apart, then warm-up passes, then timed passes. */
export async function measureResets(spec: EnvManifest, handle: EnvHandle, now: () => number, run: ResetRun, readMs?: () => number): Promise<ResetTiming> {
  let t = now();
  await handle.reset(spec.evalItems[0]);
  const firstUs = (now() - t) * 1000;
  for (let p = 0; p < run.warmupPasses; p++) for (const item of spec.evalItems) await handle.reset(item);
  const spans: [number, number][] = [];
  const reads: number[] = [];
  const began = now();
  do {
    for (const item of spec.evalItems) {
      const read = readMs?.() ?? 0;
      t = now();
      await handle.reset(item);
      spans.push([t, now()]);
      reads.push((readMs?.() ?? 0) - read);
    }
  } while (spans.length < run.minSamples && now() - began < run.budgetMs);
  const times = spans.map(([a, b]) => b - a);
  const timing: ResetTiming = { firstUs, p50Us: percentile(times, 0.5) * 1000, p99Us: percentile(times, 0.99) * 1000, p999Us: percentile(times, 0.999) * 1000, spans };
  if (reads.some((ms) => ms > 0)) timing.reads = { readP50Us: percentile(reads, 0.5) * 1000, ownP50Us: percentile(times.map((ms, i) => ms - reads[i]), 0.5) * 1000 };
  return timing;
}

/** Nearest-rank percentile; NaN for no samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

/** A fixed-width text table. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export function fmt(n: number, digits = 1): string {
  return Number.isFinite(n) ? n.toFixed(digits) : String(n);
}
