/**
 * The app's handle on live envs: one worker pool per env (workers/host.ts behind comlink), each
 * bounded by the machine's cores, or by a benchmark's parallelism when that is lower (more
 * workers than episodes in flight only cost boot time and memory). workers/local-env.ts is the
 * in-process twin for Node.
 */
import type { EnvHandle, OpenOptions } from '../../workers/env-handle.ts';
import { requireEnv } from '../../workers/envs/registry.ts';
import { activeDataset } from '../../workers/user-data/active.ts';
import { dataDownloads } from './data-progress.svelte.ts';
import { proxyForEnv } from './webarena-proxy.ts';
import { WorkerPool, type PoolOptions } from './worker-pool.ts';

const pools = new Map<string, WorkerPool>();

const CORES = Math.max(1, Math.min(8, globalThis.navigator?.hardwareConcurrency ?? 4));

/** Settings shared by every pool; tests and the perf probe may change them before first use. */
export const poolDefaults: Omit<PoolOptions, 'spawn'> = {
  maxWorkers: CORES,
  idleMs: 30_000,
  watchdogMs: 30_000,
};

/**
 * Bound every pool by `parallelism` episodes in flight (a benchmark's concurrency), never above
 * the cores; without an argument, back to the cores.
 */
export function sizePools(parallelism?: number): void {
  poolDefaults.maxWorkers = Math.max(1, Math.min(CORES, parallelism ?? CORES));
  for (const pool of pools.values()) pool.maxWorkers = poolDefaults.maxWorkers;
}

export function envPool(envId: string): WorkerPool {
  let pool = pools.get(envId);
  if (!pool) {
    requireEnv(envId);
    pool = new WorkerPool(envId, {
      ...poolDefaults,
      spawn: () => new Worker(new URL('../../workers/host.ts', import.meta.url), { type: 'module', name: `env-${envId}` }),
      onProgress: (m) => dataDownloads.report(m),
    });
    pools.set(envId, pool);
  }
  return pool;
}

/**
 * A live env on the env's active data (the built-in data, or the user's dataset chosen for it); an
 * env that drives a browser gets the proxy from Settings (or a message saying to set it).
 */
export async function openWorkerEnv(envId: string, options?: OpenOptions): Promise<EnvHandle> {
  const proxy = await proxyForEnv(envId);
  try {
    const dataset = activeDataset(envId);
    return await envPool(envId).open({ ...options, ...(dataset && { dataset }), ...(proxy && { proxy }) });
  } finally {
    dataDownloads.done(envId);
  }
}
