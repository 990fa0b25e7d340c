/**
 * The app's handle on a live env: one module worker per episode, driven through comlink.
 * `close()` terminates the worker. workers/local-env.ts is the in-process twin for Node.
 * A worker that dies (script error, out of memory) rejects every pending and later call with a
 * message instead of leaving the page waiting forever.
 */
import * as Comlink from 'comlink';
import type { EnvHostApi } from '../../workers/host.ts';
import type { EnvHandle } from '../../workers/env-handle.ts';

export async function openWorkerEnv(envId: string): Promise<EnvHandle> {
  const worker = new Worker(new URL('../../workers/host.ts', import.meta.url), { type: 'module', name: `env-${envId}` });
  const remote = Comlink.wrap<EnvHostApi>(worker);
  const died = new Promise<never>((_, reject) => {
    const fail = (why: string) => reject(new Error(`The ${envId} environment worker stopped: ${why}`));
    worker.addEventListener('error', (e) => fail(e.message || 'script error'));
    worker.addEventListener('messageerror', () => fail('a message could not be read'));
  });
  died.catch(() => {}); // observed through `call`
  const call = <T>(p: Promise<T>): Promise<T> => Promise.race([p, died]);
  try {
    await call(remote.open(envId));
  } catch (e) {
    worker.terminate();
    throw e;
  }
  return {
    reset: (index) => call(remote.reset(index)),
    step: (action) => call(remote.step(action)),
    invalid: (observation) => call(remote.invalid(observation)),
    close: () => {
      remote[Comlink.releaseProxy]();
      worker.terminate();
    },
  };
}
