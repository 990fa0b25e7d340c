/**
 * The app's handle on a live env: one module worker per episode, driven through comlink.
 * `close()` terminates the worker. workers/local-env.ts is the in-process twin for Node.
 */
import * as Comlink from 'comlink';
import type { EnvHostApi } from '../../workers/host.ts';
import type { EnvHandle } from '../../workers/env-handle.ts';

export async function openWorkerEnv(envId: string): Promise<EnvHandle> {
  const worker = new Worker(new URL('../../workers/host.ts', import.meta.url), { type: 'module', name: `env-${envId}` });
  const remote = Comlink.wrap<EnvHostApi>(worker);
  try {
    await remote.open(envId);
  } catch (e) {
    worker.terminate();
    throw e;
  }
  return {
    reset: (index) => remote.reset(index),
    step: (action) => remote.step(action),
    invalid: (observation) => remote.invalid(observation),
    close: () => {
      remote[Comlink.releaseProxy]();
      worker.terminate();
    },
  };
}
