/**
 * What the Benchmark view shows of a run, from the run's running totals alone: no episode is read,
 * so the view costs the same after the 1,000th finished episode as after the first.
 */
import { allHeadline } from './metrics.ts';
import { mergeTallies, summaryOf, type Tally } from './tally.ts';
import type { EnvSummary, RunRecord } from './types.ts';

export interface ModelView {
  /** Index of the model in the run's config (as in task keys). */
  index: number;
  label: string;
  /** One row per env played so far, then "all". */
  rows: { summary: EnvSummary; tally: Tally }[];
  /** Finished episodes of this model, and how many it has to play. */
  finished: number;
  total: number;
}

const cache = new WeakMap<RunRecord, ModelView[]>();

/** Per-model rows of a run (computed once per saved version of the run). */
export function modelViews(run: RunRecord): ModelView[] {
  let views = cache.get(run);
  if (!views) cache.set(run, (views = run.config.models.map((m, i) => modelView(run, i, m.label))));
  return views;
}

function modelView(run: RunRecord, index: number, label: string): ModelView {
  const byEnv = run.tally?.[String(index)] ?? {};
  const envs = Object.keys(byEnv).sort();
  const all = mergeTallies(envs.map((e) => byEnv[e]));
  const items = Object.values(run.config.items).reduce((n, xs) => n + xs.length, 0);
  const rows = envs.map((e) => ({ summary: summaryOf(e, byEnv[e]), tally: byEnv[e] }));
  return {
    index,
    label,
    rows: [...rows, { summary: summaryOf('all', all, allHeadline(rows.map((r) => r.summary))), tally: all }],
    finished: all.episodes,
    total: items * run.config.repeats,
  };
}

/** Final rewards in up to ten buckets from the lowest to the highest seen. */
export function histogram(rewards: Record<string, number>): { label: string; value: number }[] {
  const seen = Object.keys(rewards).map(Number);
  if (seen.length === 0) return [];
  const lo = Math.min(...seen), hi = Math.max(...seen);
  const buckets = lo === hi ? 1 : 10;
  const width = (hi - lo) / buckets || 1;
  const counts: number[] = Array(buckets).fill(0);
  for (const [r, n] of Object.entries(rewards)) counts[Math.min(buckets - 1, Math.floor((Number(r) - lo) / width))] += n;
  return counts.map((c, i) => ({ label: buckets === 1 ? String(lo) : `${(lo + i * width).toFixed(2)}–${(lo + (i + 1) * width).toFixed(2)}`, value: c }));
}
