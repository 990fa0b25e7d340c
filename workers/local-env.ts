/** In-process EnvHandle for Node (CLI, HTTP server, tests): same calls as the worker pool, no worker. */
import type { EnvHandle, OpenOptions } from './env-handle.ts';
import { nodeDataFor } from './node-data-source.ts';
import { EnvSession } from './session.ts';

export async function openLocalEnv(envId: string, options?: OpenOptions): Promise<EnvHandle> {
  const session = await EnvSession.open(envId, nodeDataFor(envId), options);
  return {
    reset: (index) => session.reset(index),
    step: (action) => session.step(action),
    invalid: (observation) => session.invalid(observation),
    close: () => void session.close(),
  };
}
