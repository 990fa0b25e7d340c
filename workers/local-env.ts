/** In-process EnvHandle for Node (CLI, HTTP server, tests): same calls as the worker, no worker. */
import { EnvSession } from './session.ts';
import type { EnvHandle } from './env-handle.ts';

export async function openLocalEnv(envId: string): Promise<EnvHandle> {
  const session = new EnvSession(envId);
  return {
    reset: async (index) => session.reset(index),
    step: async (action) => session.step(action),
    invalid: async (observation) => session.invalid(observation),
    close: () => {},
  };
}
