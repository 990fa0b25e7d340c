/**
 * `npm run perf:history`: how the stored history scales.
 * 1. Headless Chromium: 10,000 episodes stored through the app's store, then (after a reload) the
 *    real History view opened, scrolled through, paged ten times, filtered twice, searched, sorted
 *    by reward and paged, and a page ticked, with the longest task the page saw (PerformanceObserver 'longtask'; the goal is none over 100 ms).
 * 2. Node: what one finished episode costs the Benchmark view of a 1,000-episode run, from the
 *    run's running totals, beside re-summarising every finished episode (what it did before).
 * Prints numbers only.
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { cpus, loadavg } from 'node:os';
import { withProbePage } from './perf/browser.ts';
import { fmt, table } from './perf/measure.ts';
import { episode, rng } from './perf-history/seed.ts';
import type { HistoryTiming } from './perf-history/main.ts';
import { tallyTask } from '../src/lib/bench/tally.ts';
import { modelViews } from '../src/lib/bench/run-view.ts';
import { summarizeRun } from '../src/lib/bench/metrics.ts';
import type { RunRecord } from '../src/lib/bench/types.ts';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
// HISTORY_EPISODES=500 for a quick try of the script itself.
const EPISODES = Number(process.env.HISTORY_EPISODES ?? 10_000);
const RUN_SIZE = 1_000;
const ROUNDS = 3;

async function browser(): Promise<void> {
  await withProbePage(join(ROOT, 'scripts/perf-history'), async (page, errors) => {
    await page.waitForFunction(() => typeof window.seedHistory === 'function');
    const seedMs = await page.evaluate((n) => window.seedHistory(n), EPISODES);
    // This machine's CPU may be shared: a task that other processes delay looks long too. Each
    // round opens History in a freshly loaded page; a cost of our own shows up in every round.
    const rounds: (HistoryTiming & { cpu: TaskCpu })[] = [];
    const chromium = page.context().browser()!;
    for (let i = 0; i < ROUNDS; i++) {
      await page.reload();
      await page.waitForFunction(() => typeof window.openHistory === 'function');
      await chromium.startTracing(page, { categories: ['toplevel', 'disabled-by-default-devtools.timeline'] });
      const h = await page.evaluate(() => window.openHistory());
      rounds.push({ ...h, cpu: mainThreadTasks(await chromium.stopTracing()) });
    }
    console.log(`History in Chromium with ${EPISODES.toLocaleString('en')} stored episodes (seeded in ${fmt(seedMs / 1000, 1)} s), ${ROUNDS} rounds:\n`);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    console.log(table(['round', 'open ms', 'older page ms (median, max of 10)', 'filter env ms', 'then outcome ms', 'search ms*', 'sort by reward ms', 'its next pages ms (max of 3)', 'tick page ms', 'long tasks', 'longest task ms (phase)', 'longest task CPU ms'], rounds.map((h, i) => {
      const longest = h.longTasks.reduce<[string, number, number] | null>((a, l) => (!a || l[2] > a[2] ? l : a), null);
      return [String(i + 1), fmt(h.openMs), `${fmt(median(h.pageMs))}, ${fmt(Math.max(...h.pageMs))}`, fmt(h.filterEnvMs), fmt(h.filterOutcomeMs), fmt(h.searchMs), fmt(h.sortRewardMs), fmt(Math.max(...h.sortPageMs)), fmt(h.selectPageMs), String(h.longTasks.length), longest ? `${longest[2]} (${longest[0]})` : '-', fmt(h.cpu.longestCpuMs)];
    })));
    console.log('* from the last key typed, including the 250 ms the search box waits for more typing; a search reads every header.');
    const best = Math.min(...rounds.map((h) => h.longestTaskMs));
    const cpu = Math.max(...rounds.map((h) => h.cpu.longestCpuMs));
    console.log(`\nLongest task (PerformanceObserver 'longtask', wall time) in the best round: ${fmt(best)} ms; the most CPU time any one main-thread task took in any round (Chromium trace): ${fmt(cpu)} ms.`);
    console.log(`Load average now ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${cpus().length} CPUs: wall times include waiting for a CPU.`);
    if (errors.length) console.log(`page errors: ${errors.join('; ')}`);
  });
}

interface TaskCpu {
  longestCpuMs: number;
}

/** The renderer main thread's tasks in a Chromium trace: the most thread (CPU) time one took. */
function mainThreadTasks(trace: Buffer): TaskCpu {
  type Ev = { name: string; ph: string; pid: number; tid: number; dur?: number; tdur?: number; args?: { name?: string } };
  const { traceEvents } = JSON.parse(trace.toString('utf8')) as { traceEvents: Ev[] };
  const main = new Set(traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const tasks = traceEvents.filter((e) => e.ph === 'X' && e.name === 'RunTask' && main.has(`${e.pid}:${e.tid}`));
  return { longestCpuMs: Math.max(0, ...tasks.map((e) => (e.tdur ?? 0) / 1000)) };
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
