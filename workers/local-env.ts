/** In-process EnvHandle for Node (CLI, HTTP server, tests): same calls as the worker pool, no worker. */
import type { EnvHandle, OpenOptions } from './env-handle.ts';
import { nodeDataSource } from './node-data-source.ts';
import { EnvSession } from './session.ts';

export async function openLocalEnv(envId: string, options?: OpenOptions): Promise<EnvHandle> {
  const session = await EnvSession.open(envId, nodeDataSource, options);
  return {
    reset: (index) => session.reset(index),
    step: (action) => session.step(action),
    invalid: (observation) => session.invalid(observation),
    reveal: () => session.reveal(),
    close: () => void session.close(),
  };
}
