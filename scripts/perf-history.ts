/**
 * `npm run perf:history`: how the stored history scales.
 * 1. Headless Chromium: 10,000 episodes stored through the app's store, then (after a reload) the
 *    real History view opened, scrolled through, paged ten times and filtered twice, with the
 *    longest task the page saw (PerformanceObserver 'longtask'; the goal is none over 100 ms).
 * 2. Node: what one finished episode costs the Benchmark view of a 1,000-episode run, from the
 *    run's running totals, beside re-summarising every finished episode (what it did before).
 * Prints numbers only.
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { withProbePage } from './perf/browser.ts';
import { fmt, table } from './perf/measure.ts';
import { episode, rng } from './perf-history/seed.ts';
import { tallyTask } from '../src/lib/bench/tally.ts';
import { modelViews } from '../src/lib/bench/run-view.ts';
import { summarizeRun } from '../src/lib/bench/metrics.ts';
import type { RunRecord } from '../src/lib/bench/types.ts';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const EPISODES = 10_000;
const RUN_SIZE = 1_000;

async function browser(): Promise<void> {
  await withProbePage(join(ROOT, 'scripts/perf-history'), async (page, errors) => {
    await page.waitForFunction(() => typeof window.seedHistory === 'function');
    const seedMs = await page.evaluate((n) => window.seedHistory(n), EPISODES);
    await page.reload();
    await page.waitForFunction(() => typeof window.openHistory === 'function');
    const h = await page.evaluate(() => window.openHistory());
    console.log(`History in Chromium with ${EPISODES.toLocaleString('en')} stored episodes (seeded in ${fmt(seedMs / 1000, 1)} s):\n`);
    console.log(table(['measure', 'ms'], [
      ['open (first 50 rows shown)', fmt(h.openMs)],
      ['older page of 50, median of 10', fmt([...h.pageMs].sort((a, b) => a - b)[5])],
      ['older page of 50, slowest', fmt(Math.max(...h.pageMs))],
      ['filter by env', fmt(h.filterEnvMs)],
      ['then by outcome', fmt(h.filterOutcomeMs)],
      [`longest task (of ${h.longTasks.length} over 50 ms)`, fmt(h.longestTaskMs)],
    ]));
    if (h.longTasks.length) console.log(`\nlong tasks [phase, start ms, ms]: ${h.longTasks.map((l) => `[${l.join(', ')}]`).join(' ')}`);
    console.log(`\n${h.longestTaskMs <= 100 ? 'No' : 'A'} long task over 100 ms.`);
    if (errors.length) console.log(`page errors: ${errors.join('; ')}`);
  });
}

/** Median microseconds per finished episode over a window of the run, both ways. */
function benchView(): void {
  const r = rng(7);
  const eps = Array.from({ length: RUN_SIZE }, (_, i) => ({ ...episode(i, r), env: 'maze', itemId: `maze_${i % 25}` }));
  let run: RunRecord = {
    id: 'r', name: 'r', createdAt: 0, status: 'running', finished: {}, appVersion: '0', dataVersions: {}, promptsHash: '0',
    config: { envs: ['maze'], items: { maze: eps.map((_, i) => i) }, models: [{ providerId: 'p', label: 'M', model: 'm' }], concurrency: 8, params: {}, repeats: 1 },
  };
  // Two loops apart, so neither pays for the other's garbage.
  const incremental: number[] = [], resummed: number[] = [];
  for (let i = 0; i < RUN_SIZE; i++) {
    const t = performance.now();
    run = { ...run, tally: tallyTask(run.tally, `0:maze_${i}:0`, eps[i]) };
    modelViews(run);
    incremental.push((performance.now() - t) * 1000);
  }
  for (let i = 0; i < RUN_SIZE; i++) {
    const t = performance.now();
    summarizeRun(eps.slice(0, i + 1));
    resummed.push((performance.now() - t) * 1000);
  }
  // Medians: a garbage collection now and then would swamp a mean of such short times.
  const median = (xs: number[], from: number, to: number) => fmt(xs.slice(from, to).sort((a, b) => a - b)[Math.floor((to - from) / 2)]);
  console.log(`\nBenchmark view, cost of one more finished episode in a ${RUN_SIZE.toLocaleString('en')}-episode run (Node, median µs):\n`);
  console.log(table(['episodes finished', 'running totals (now)', 're-summarise all (before)'], [
    ['1-100', median(incremental, 0, 100), median(resummed, 0, 100)],
    ['451-550', median(incremental, 450, 550), median(resummed, 450, 550)],
    ['901-1,000', median(incremental, 900, 1000), median(resummed, 900, 1000)],
  ]));
  console.log('(before, the view also read every finished episode back from IndexedDB each time)');
}

benchView();
await browser();
