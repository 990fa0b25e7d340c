/**
 * `npm run perf:orchestration`: throughput of the benchmark runner itself, with an LLM that
 * answers instantly, over every deterministic env's eval split, at 8 and 64 parallel episodes.
 * 1. Node: in-process envs, episodes kept in memory; peak heap and RSS.
 * 2. Headless Chromium, as in the app: env worker pools sized by the parallelism, sessions
 *    without views, each finished episode written once to IndexedDB and the run record saved
 *    behind them; peak page JS heap (CDP) and peak renderer RSS (the page and its workers).
 * Each row first plays one untimed pass (worker boot, env loading, JIT: its rate is the "first
 * pass" column), then times REPEATS passes. CPU per episode is split by thread (Linux /proc), so
 * the cost of each part shows even when other programs share the machine. Prints numbers only.
 * Options: `--only node|chromium`, `--parallel 8,64`, `--envs maze,bird` (some envs only), and `--profile DIR` to write the page's and
 * the workers' CPU profiles of each timed Chromium run there and print where the time went.
 */
import { cpus, loadavg } from 'node:os';
import { mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ENVS } from '../workers/envs/registry.ts';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { openLocalEnv } from '../workers/local-env.ts';
import { benchEnvs, BENCH_ENVS, instantClient, orchestrate, type OrchestrationResult } from './perf/orchestrate.ts';
import { table, fmt } from './perf/measure.ts';
import { withProbePage } from './perf/browser.ts';
import { startProfiles } from './perf/cpu-profile.ts';
import { chromiumCpu, rendererRss, type CpuSeconds } from './perf/proc-stats.ts';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const MB = 1024 * 1024;
const { values: args } = parseArgs({ options: { only: { type: 'string' }, parallel: { type: 'string', default: '8,64' }, profile: { type: 'string' }, envs: { type: 'string' } } });
const PARALLEL = args.parallel.split(',').map(Number);
if (PARALLEL.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--parallel takes whole numbers, e.g. 8,64 (got ${args.parallel})`);
if (args.only !== undefined && args.only !== 'node' && args.only !== 'chromium') throw new Error('--only takes node or chromium');
if (args.profile) mkdirSync(args.profile, { recursive: true });
const ENV_IDS = args.envs?.split(',');
const RUN_ENVS = benchEnvs(ENV_IDS);
const REPEATS = 3;
/** How often memory is sampled during a timed run (each sample costs the machine a little CPU). */
const SAMPLE_MS = 100;
const HEADER = ['where', 'parallel', 'episodes', 'steps', 'seconds', 'episodes/s', 'first pass ep/s', 'peak heap MB', 'peak RSS MB', 'CPU ms/ep: main', 'workers', 'browser', 'other'];

interface Peaks {
  heap: number;
  rss: number | null;
}

/** `cpu` has only `page` in Node (one thread does everything), nothing where /proc is missing. */
function row(where: string, first: OrchestrationResult, r: OrchestrationResult, peaks: Peaks, cpu: Partial<CpuSeconds>): string[] {
  const perEpisode = (s: number | undefined) => (s === undefined ? '-' : fmt((s * 1000) / r.episodes, 2));
  return [
    where, String(r.concurrency), String(r.episodes), String(r.steps), fmt(r.seconds, 2), fmt(r.episodesPerSec, 1), fmt(first.episodesPerSec, 1),
    fmt(peaks.heap / MB, 1), peaks.rss === null ? '-' : fmt(peaks.rss / MB, 1),
    perEpisode(cpu.page), perEpisode(cpu.workers), perEpisode(cpu.browser), perEpisode(cpu.other),
  ];
}

/** Run `work` while `sample` is polled every `everyMs`; the peaks of what it returns. */
async function withPeaks<T>(sample: () => Promise<Peaks>, everyMs: number, work: () => Promise<T>): Promise<[T, Peaks]> {
  const peaks: Peaks = { heap: 0, rss: null };
  let running = true;
  const poll = (async () => {
    while (running) {
      const s = await sample();
      peaks.heap = Math.max(peaks.heap, s.heap);
      if (s.rss !== null) peaks.rss = Math.max(peaks.rss ?? 0, s.rss);
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  try {
    return [await work(), peaks];
  } finally {
    running = false;
    await poll;
  }
}

function cpuSince(before: CpuSeconds | null, after: CpuSeconds | null): Partial<CpuSeconds> {
  if (!before || !after) return {};
  return { page: after.page - before.page, workers: after.workers - before.workers, browser: after.browser - before.browser, other: after.other - before.other };
}

async function nodeRuns(): Promise<string[][]> {
  const rows: string[][] = [];
  const client = await instantClient(openLocalEnv, RUN_ENVS);
  const run = (concurrency: number, repeats: number) =>
    orchestrate({ openEnv: openLocalEnv, client, save: async () => {}, saveRun: async () => {}, concurrency, repeats, envs: RUN_ENVS, now: () => performance.now() });
  for (const concurrency of PARALLEL) {
    const first = await run(concurrency, 1);
    const before = process.cpuUsage();
    const [r, peaks] = await withPeaks(async () => ({ heap: process.memoryUsage().heapUsed, rss: process.memoryUsage().rss }), SAMPLE_MS, () => run(concurrency, REPEATS));
    const used = process.cpuUsage(before);
    rows.push(row('Node', first, r, peaks, { page: (used.user + used.system) / 1e6 }));
  }
  return rows;
}

async function browserRuns(): Promise<string[][]> {
  return withProbePage(join(ROOT, 'scripts/perf/probe'), async (page, errors) => {
    await page.waitForFunction(() => typeof window.probeBench === 'function');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const rss = rendererRss();
    const sample = async (): Promise<Peaks> => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      return { heap: metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0, rss: rss() };
    };
    const rows: string[][] = [];
    for (const concurrency of PARALLEL) {
      const first = await page.evaluate(([c, n, e]) => window.probeBench(c, n, e), [concurrency, 1, ENV_IDS] as const);
      const stopProfiles = args.profile ? await startProfiles(page, args.profile, `chromium-${concurrency}`) : null;
      const before = chromiumCpu();
      const [r, peaks] = await withPeaks(sample, SAMPLE_MS, () => page.evaluate(([c, n, e]) => window.probeBench(c, n, e), [concurrency, REPEATS, ENV_IDS] as const));
      rows.push(row('Chromium', first, r, peaks, cpuSince(before, chromiumCpu())));
      if (stopProfiles) console.log((await stopProfiles()).join('\n'));
    }
    if (errors.length) console.log(`page errors: ${errors.join('; ')}`);
    return rows;
  });
}

const loadBefore = loadavg();
const rows = [...(args.only === 'chromium' ? [] : await nodeRuns()), ...(args.only === 'node' ? [] : await browserRuns())];
console.log(`Benchmark runner with an instant LLM over the eval splits of ${RUN_ENVS.map((e) => e.id).join(', ')} (${REPEATS} timed passes after one untimed), ${cpus().length} cores;`);
console.log(`left out, not deterministic: ${ENVS.filter((e) => !BENCH_ENVS.includes(e)).map((e) => e.id).join(', ') || 'none'}. Load average (1, 5, 15 min) before ${loadBefore.map((x) => x.toFixed(1)).join(' ')}, after ${loadavg().map((x) => x.toFixed(1)).join(' ')}.`);
console.log("Chromium: peak heap is the page's JS heap, peak RSS its renderer process (the page and its env workers);");
console.log('CPU per episode: main is the page (or Node) thread, browser is IndexedDB\'s backend and IPC.\n');
console.log(table(HEADER, rows));
