/**
 * `npm run perf:envs`: how fast every registered env runs.
 * 1. In Node, in-process: reset time and per-step latency over each env's eval items, driven by
 *    its oracle (or its available actions).
 * 2. In headless Chromium, through the app's comlink worker (openWorkerEnv): worker open time,
 *    reset time and step round trip. The probe page is built apart from the app into a temp
 *    folder, so no perf code ships in the app's bundle.
 * Prints numbers only, no pass/fail.
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { ENVS } from '../workers/envs/registry.ts';
import { openLocalEnv } from '../workers/local-env.ts';
import { fmt, measureEnv, table, type EnvTiming } from './perf/measure.ts';
import { policySource } from './perf/policy.ts';
import type { ProbeResult } from './perf/probe/main.ts';
import { withProbePage } from './perf/browser.ts';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const NODE_RUN = { minSteps: 5000, budgetMs: 3000 };
const WORKER_RUN = { minSteps: 1000, budgetMs: 5000 };

async function nodeRun(): Promise<void> {
  const rows: string[][] = [];
  for (const spec of ENVS) {
    const policies = await policySource(spec);
    const handle = await openLocalEnv(spec.id);
    try {
      rows.push(timingRow(await measureEnv(spec, handle, policies, { ...NODE_RUN, now: () => performance.now() })));
    } catch (e) {
      rows.push([spec.id, `error: ${e instanceof Error ? e.message : String(e)}`]);
    } finally {
      handle.close();
    }
  }
  console.log(`Node ${process.version}, in-process EnvSession (reset and step include picture and available actions):\n`);
  console.log(table(TIMING_HEADER, pad(rows, TIMING_HEADER.length)));
}

const TIMING_HEADER = ['env', 'policy', 'episodes', 'solved', 'steps', 'reset µs', 'step p50 µs', 'step p99 µs', 'steps/s'];

function timingRow(t: EnvTiming): string[] {
  return [t.env, t.policy, String(t.episodes), String(t.solved), String(t.steps), fmt(t.resetMeanUs), fmt(t.stepP50Us), fmt(t.stepP99Us), fmt(t.stepsPerSec, 0)];
}

function pad(rows: string[][], width: number): string[][] {
  return rows.map((r) => [...r, ...Array<string>(width - r.length).fill('')]);
}

async function workerRun(): Promise<void> {
  await withProbePage(join(ROOT, 'scripts/perf/probe'), async (page, pageErrors) => {
    await page.waitForFunction(() => typeof window.probeEnvs === 'function');
    const result: ProbeResult = await page.evaluate((opts) => window.probeEnvs(opts), WORKER_RUN);
    if (pageErrors.length > 0) console.log(`page errors: ${pageErrors.join('; ')}`);
    console.log(`\n${result.userAgent.match(/Chrome\/[\d.]+/)?.[0] ?? result.userAgent}, comlink worker round trip (crossOriginIsolated: ${result.crossOriginIsolated}):\n`);
    const header = [...TIMING_HEADER, 'open cold ms', 'open warm ms'];
    const rows = result.envs.map((t) => ('error' in t ? [t.env, `error: ${t.error}`] : [...timingRow(t), fmt(t.openColdMs, 2), fmt(t.openWarmMs, 2)]));
    console.log(table(header, pad(rows, header.length)));
  });
}

await nodeRun();
await workerRun();
