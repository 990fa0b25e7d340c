/**
 * How the perf runs choose actions: the env's oracle when it has one (run by the handle beside
 * the env's data, so in a worker for the browser run), else its available actions in turn, else
 * a fixed action. Shared by the Node run and the browser probe.
 */
import type { EnvManifest } from '../../workers/envs/contract.ts';
import type { EnvHandle } from '../../workers/env-handle.ts';

export type Policy = (observation: string, actions: readonly string[] | null) => string | Promise<string>;

export interface PolicySource {
  /** "oracle" or "available actions". */
  name: string;
  /** A policy for the episode `handle` has just reset. */
  start(handle: EnvHandle): Policy;
}

const FIXED_ACTION = 'look';

export async function policySource(spec: EnvManifest): Promise<PolicySource> {
  if ((await spec.load()).oracle) {
    return { name: 'oracle', start: (handle) => (observation) => handle.oracle(observation) };
  }
  return {
    name: 'available actions',
    start() {
      let turn = 0;
      return (_observation, actions) => (actions && actions.length > 0 ? actions[turn++ % actions.length] : FIXED_ACTION);
    },
  };
}
