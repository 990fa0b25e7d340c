/**
 * `npm run perf:envs`: how fast every registered env runs.
 * 1. In Node, in-process: reset time and per-step latency over each env's eval items, driven by
 *    its oracle (or its available actions).
 * 2. In headless Chromium, through the app's comlink worker (openWorkerEnv): worker open time,
 *    reset time and step round trip. The probe page is built apart from the app into a temp
 *    folder, so no perf code ships in the app's bundle.
 * Prints numbers only, no pass/fail.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { chromium } from '@playwright/test';
import { build, mergeConfig, preview, type InlineConfig } from 'vite';
import baseConfig from '../vite.config.ts';
import { ENVS } from '../workers/envs/registry.ts';
import { openLocalEnv } from '../workers/local-env.ts';
import { fmt, measureEnv, table, type EnvTiming } from './perf/measure.ts';
import { policySource } from './perf/policy.ts';
import type { ProbeResult } from './perf/probe/main.ts';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const NODE_RUN = { minSteps: 5000, budgetMs: 3000 };
const WORKER_RUN = { minSteps: 1000, budgetMs: 5000 };
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

async function nodeRun(): Promise<void> {
  const rows: string[][] = [];
  for (const spec of ENVS) {
    const policies = policySource(spec);
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
  const outDir = mkdtempSync(join(tmpdir(), 'agentgym-perf-'));
  const config: InlineConfig = mergeConfig(baseConfig, {
    configFile: false,
    root: join(ROOT, 'scripts/perf/probe'),
    base: './',
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, sourcemap: false },
    // Cross-origin isolation gives performance.now() 5 µs resolution instead of 100 µs.
    preview: { host: '127.0.0.1', port: 0, headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' } },
  });
  let server: Awaited<ReturnType<typeof preview>> | null = null;
  let browser: Awaited<ReturnType<typeof chromium.launch>> | null = null;
  try {
    await build(config);
    server = await preview(config);
    const url = server.resolvedUrls?.local[0];
    if (!url) throw new Error('vite preview did not report a URL');
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const page = await browser.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(url);
    await page.waitForFunction(() => typeof window.probeEnvs === 'function');
    const result: ProbeResult = await page.evaluate((opts) => window.probeEnvs(opts), WORKER_RUN);
    if (pageErrors.length > 0) console.log(`page errors: ${pageErrors.join('; ')}`);
    console.log(`\n${result.userAgent.match(/Chrome\/[\d.]+/)?.[0] ?? result.userAgent}, comlink worker round trip (crossOriginIsolated: ${result.crossOriginIsolated}):\n`);
    const header = [...TIMING_HEADER, 'open cold ms', 'open warm ms'];
    const rows = result.envs.map((t) => ('error' in t ? [t.env, `error: ${t.error}`] : [...timingRow(t), fmt(t.openColdMs, 2), fmt(t.openWarmMs, 2)]));
    console.log(table(header, pad(rows, header.length)));
  } finally {
    await browser?.close();
    await server?.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}

await nodeRun();
await workerRun();
