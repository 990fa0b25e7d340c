/**
 * The app's handle on live envs: one worker pool per env (workers/host.ts behind comlink), sized
 * to the machine's cores. workers/local-env.ts is the in-process twin for Node.
 */
import type { EnvHandle } from '../../workers/env-handle.ts';
import { requireEnv } from '../../workers/envs/registry.ts';
import { WorkerPool, type PoolOptions } from './worker-pool.ts';

const pools = new Map<string, WorkerPool>();

/** Settings shared by every pool; tests and the perf probe may change them before first use. */
export const poolDefaults: Omit<PoolOptions, 'spawn'> = {
  maxWorkers: Math.max(1, Math.min(8, (globalThis.navigator?.hardwareConcurrency ?? 4) - 1)),
  idleMs: 30_000,
  watchdogMs: 30_000,
};

export function envPool(envId: string): WorkerPool {
  let pool = pools.get(envId);
  if (!pool) {
    requireEnv(envId);
    pool = new WorkerPool(envId, {
      ...poolDefaults,
      spawn: () => new Worker(new URL('../../workers/host.ts', import.meta.url), { type: 'module', name: `env-${envId}` }),
    });
    pools.set(envId, pool);
  }
  return pool;
}

export function openWorkerEnv(envId: string): Promise<EnvHandle> {
  return envPool(envId).open();
}
