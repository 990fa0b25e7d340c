/**
 * `npm run perf:envs`: how fast every registered env runs.
 * 1. In Node, in-process: each env's load (first open), its reset alone (first, then p50/p99 over
 *    its eval items) and per-step latency driven by its oracle (or its available actions).
 *    WebShop's search engine alone: catalogue build and search p50/p99.
 * 2. In headless Chromium, through the app's worker pool (openWorkerEnv): the cold and warm cost
 *    of opening an episode, and the reset and step round trip. The probe page is built apart from the app into a temp
 *    folder, so no perf code ships in the app's bundle.
 * Prints numbers only, no pass/fail.
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance, PerformanceObserver } from 'node:perf_hooks';
import { cpus, loadavg } from 'node:os';
import { ENVS } from '../workers/envs/registry.ts';
import { openLocalEnv } from '../workers/local-env.ts';
import { fmt, measureEnv, measureResets, percentile, table, timedReads, type EnvTiming, type ResetRun } from './perf/measure.ts';
import { nodeDataFor } from '../workers/node-data-source.ts';
import { policySource } from './perf/policy.ts';
import type { ProbeResult } from './perf/probe/main.ts';
import { withProbePage } from './perf/browser.ts';
import { webshopSearch } from './perf/webshop-search.ts';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const NODE_RUN = { minSteps: 5000, budgetMs: 3000 };
const WORKER_RUN = { minSteps: 1000, budgetMs: 5000 };
const RESET_RUN: ResetRun = { warmupPasses: 5, minSamples: 10_000, budgetMs: 3000 };

/** V8's garbage-collection pauses in this process, as [start, end] on performance.now()'s clock. */
const gcPauses: [number, number][] = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcPauses.push([e.startTime, e.startTime + e.duration]);
}).observe({ entryTypes: ['gc'] });

/** Which timed spans a GC pause overlapped; GC entries arrive a task later, so wait for them. */
async function touchedByGc(spans: readonly [number, number][]): Promise<boolean[]> {
  await new Promise((r) => setTimeout(r, 50));
  return spans.map(([a, b]) => gcPauses.some(([s, e]) => s < b && e > a));
}

/**
 * The slowest eval item by its fastest reset over the passes: what the env's own code costs for its
 * hardest item; waiting for a CPU or a GC pause would have to hit that item in every pass to
 * inflate it. Spans come in item order, pass after pass.
 */
function slowestItemUs(spans: readonly [number, number][], items: number): number {
  const best = Array<number>(items).fill(Infinity);
  spans.forEach(([a, b], k) => (best[k % items] = Math.min(best[k % items], b - a)));
  return Math.max(...best.filter(Number.isFinite)) * 1000;
}

async function nodeRun(): Promise<void> {
  const now = () => performance.now();
  const header = ['env', 'load ms', 'reset first µs', 'resets', 'reset p50 µs', 'p99 µs', 'p99.9 µs', 'in a GC', 'p99 w/o GC µs', 'slowest item µs', 'file read p50 µs', 'w/o read p50 µs', ...STEP_HEADER];
  const rows: string[][] = [];
  const errors: string[] = [];
  for (const spec of ENVS) {
    try {
      // The first open imports the env's code and builds its data: its load cost.
      const t = now();
      const data = timedReads(nodeDataFor(spec.id), now);
      const bare = await openLocalEnv(spec.id, { views: false }, data.source);
      const loadMs = now() - t;
      const resets = await measureResets(spec, bare, now, RESET_RUN, data.readMs);
      const gc = await touchedByGc(resets.spans);
      const clean = resets.spans.filter((_, i) => !gc[i]).map(([a, b]) => b - a);
      bare.close();
      const handle = await openLocalEnv(spec.id);
      const timing = await measureEnv(spec, handle, await policySource(spec), { ...NODE_RUN, now });
      handle.close();
      const resetCells = [String(resets.spans.length), fmt(resets.p50Us), fmt(resets.p99Us), fmt(resets.p999Us), String(gc.filter(Boolean).length), fmt(percentile(clean, 0.99) * 1000), fmt(slowestItemUs(resets.spans, spec.evalItems.length)), resets.reads ? fmt(resets.reads.readP50Us) : '-', resets.reads ? fmt(resets.reads.ownP50Us) : '-'];
      rows.push([spec.id, fmt(loadMs, 1), fmt(resets.firstUs), ...resetCells, ...stepCells(timing)]);
    } catch (e) {
      rows.push([spec.id, 'error (below)']);
      errors.push(`${spec.id}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  console.log(`Node ${process.version}, in-process EnvSession. Load: the first open (import and create). Resets: the env alone over its eval`);
  console.log(`items, after ${RESET_RUN.warmupPasses} untimed warm-up passes, until ${RESET_RUN.minSamples.toLocaleString('en')} resets or ${RESET_RUN.budgetMs / 1000} s; "in a GC": resets a V8 garbage-collection`);
  console.log('pause overlapped (perf_hooks "gc" entries), left out of "p99 w/o GC"; "slowest item": the eval item whose fastest reset');
  console.log('is slowest, that fastest time. An env that reads a file on every reset (ALFWorld\'s game file) has that read and the reset');
  console.log('without it apart. WebArena (needsProxy) drives a real Chromium: its reset opens fresh pages and logs in, so it is');
  console.log('timed in milliseconds, not against the other envs (`perf:webarena` splits it up). Steps: driven by a policy, each with');
  console.log('its picture and available actions, as Play shows them.\n');
  console.log(table(header, pad(rows, header.length)));
  for (const e of errors) console.log(`error, ${e}`);
  console.log(`Load average at the end ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${cpus().length} CPUs: times include waiting for a CPU.`);
}

const STEP_HEADER = ['policy', 'episodes', 'solved', 'steps', 'step p50 µs', 'step p99 µs', 'steps/s'];

function stepCells(t: EnvTiming): string[] {
  return [t.policy, String(t.episodes), String(t.solved), String(t.steps), fmt(t.stepP50Us), fmt(t.stepP99Us), fmt(t.stepsPerSec, 0)];
}

function pad(rows: string[][], width: number): string[][] {
  return rows.map((r) => [...r, ...Array<string>(width - r.length).fill('')]);
}

async function workerRun(): Promise<void> {
  await withProbePage(join(ROOT, 'scripts/perf/probe'), async (page, pageErrors) => {
    await page.waitForFunction(() => typeof window.probeEnvs === 'function');
    const result: ProbeResult = await page.evaluate((opts) => window.probeEnvs(opts), WORKER_RUN);
    if (pageErrors.length > 0) console.log(`page errors: ${pageErrors.join('; ')}`);
    console.log(`\n${result.userAgent.match(/Chrome\/[\d.]+/)?.[0] ?? result.userAgent}, through the app's worker pool (crossOriginIsolated: ${result.crossOriginIsolated}).`);
    console.log('Open cold: the first session (worker start, env import and create); warm: a session on the running worker.');
    console.log('Reset and step: the round trip from the page, with picture and available actions.\n');
    const header = ['env', 'open cold ms', 'open warm ms', 'reset p50 µs', ...STEP_HEADER];
    const rows = result.envs.map((t) => ('error' in t ? [t.env, 'error (below)'] : [t.env, fmt(t.openColdMs, 2), fmt(t.openWarmMs, 2), fmt(t.resetP50Us), ...stepCells(t)]));
    console.log(table(header, pad(rows, header.length)));
    for (const t of result.envs) if ('error' in t) console.log(`error, ${t.env}: ${t.error}`);
    console.log(`Load average at the end ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${cpus().length} CPUs.`);
  });
}

await nodeRun();
console.log(`\n${await webshopSearch()}`);
await workerRun();
