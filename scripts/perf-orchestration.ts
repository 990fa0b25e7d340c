/**
 * `npm run perf:orchestration`: throughput of the benchmark runner itself, with an LLM that
 * answers instantly, over every env's eval split.
 * 1. Node: in-process envs, episodes kept in memory; episodes/s at concurrency 8 and 64, and the
 *    peak heap/RSS while 64 episodes run at once.
 * 2. Headless Chromium: one module worker per episode and IndexedDB writes after every step, as in
 *    the app; episodes/s and the peak JS heap (CDP Performance metrics) at 8 and 64.
 * Prints numbers only.
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { openLocalEnv } from '../workers/local-env.ts';
import { orchestrate, type OrchestrationResult } from './perf/orchestrate.ts';
import { table, fmt } from './perf/measure.ts';
import { withProbePage } from './perf/browser.ts';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const MB = 1024 * 1024;
const HEADER = ['where', 'parallel', 'episodes', 'solved', 'steps', 'seconds', 'episodes/s', 'peak heap MB', 'peak RSS MB'];

function row(where: string, r: OrchestrationResult, heap: number, rss: number | null): string[] {
  return [where, String(r.concurrency), String(r.episodes), String(r.solved), String(r.steps), fmt(r.seconds, 2), fmt(r.episodesPerSec, 1), fmt(heap / MB, 1), rss === null ? '-' : fmt(rss / MB, 1)];
}

async function nodeRuns(): Promise<string[][]> {
  const rows: string[][] = [];
  for (const concurrency of [8, 64]) {
    const base = process.memoryUsage();
    let heap = base.heapUsed, rss = base.rss;
    const timer = setInterval(() => {
      const m = process.memoryUsage();
      heap = Math.max(heap, m.heapUsed);
      rss = Math.max(rss, m.rss);
    }, 5);
    const r = await orchestrate({ openEnv: openLocalEnv, recordWith: openLocalEnv, save: async () => {}, saveRun: async () => {}, concurrency, repeats: 1, now: () => performance.now() });
    clearInterval(timer);
    rows.push(row('Node', r, heap, rss));
  }
  return rows;
}

async function browserRuns(): Promise<string[][]> {
  return withProbePage(join(ROOT, 'scripts/perf/probe'), async (page, errors) => {
    await page.waitForFunction(() => typeof window.probeBench === 'function');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const rows: string[][] = [];
    for (const concurrency of [8, 64]) {
      let peak = 0;
      let sampling = true;
      const sample = (async () => {
        while (sampling) {
          const { metrics } = await cdp.send('Performance.getMetrics');
          peak = Math.max(peak, metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0);
          await new Promise((r) => setTimeout(r, 20));
        }
      })();
      const r = await page.evaluate((c) => window.probeBench(c, 1), concurrency);
      sampling = false;
      await sample;
      rows.push(row('Chromium (page heap; workers apart)', r, peak, null));
    }
    if (errors.length) console.log(`page errors: ${errors.join('; ')}`);
    return rows;
  });
}

const rows = [...(await nodeRuns()), ...(await browserRuns())];
console.log('Benchmark runner with an instant LLM over every env\'s eval split:\n');
console.log(table(HEADER, rows));
