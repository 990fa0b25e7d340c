/** In-process EnvHandle for Node (CLI, HTTP server, tests): same calls as the worker pool, no worker. */
import type { DataSource } from './envs/contract.ts';
import type { EnvHandle, OpenOptions } from './env-handle.ts';
import { nodeDataFor } from './node-data-source.ts';
import { EnvSession } from './session.ts';

/** `data`: where the env reads its files (perf scripts pass one that times the reads). */
export async function openLocalEnv(envId: string, options?: OpenOptions, data: DataSource = nodeDataFor(envId)): Promise<EnvHandle> {
  const session = await EnvSession.open(envId, data, options);
  return {
    reset: (index) => session.reset(index),
    step: (action) => session.step(action),
    invalid: (observation) => session.invalid(observation),
    oracle: (observation) => session.oracle(observation),
    hiddenState: () => session.hiddenState(),
    reveal: () => session.reveal(),
    // Nothing waits on a close (as with a worker's): a failing one (a proxy gone first) must not be an unhandled rejection.
    close: () => void session.close().catch(() => {}),
  };
}
