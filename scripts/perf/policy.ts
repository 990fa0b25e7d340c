/**
 * How the perf runs choose actions: the env's observation-only oracle when it has one, else its
 * available actions in turn, else a fixed action. Shared by the Node run and the browser probe.
 */
import type { EnvManifest } from '../../workers/envs/contract.ts';

export type Policy = (observation: string, actions: readonly string[] | null) => string;

export interface PolicySource {
  /** "oracle" or "available actions". */
  name: string;
  /** A fresh policy for one episode. */
  start(): Policy;
}

const FIXED_ACTION = 'look';

export async function policySource(spec: EnvManifest): Promise<PolicySource> {
  const oracle = (await spec.load()).oracle;
  if (oracle) {
    return {
      name: 'oracle',
      start() {
        const o = oracle();
        return (observation) => o.next(observation);
      },
    };
  }
  return {
    name: 'available actions',
    start() {
      let turn = 0;
      return (_observation, actions) => (actions && actions.length > 0 ? actions[turn++ % actions.length] : FIXED_ACTION);
    },
  };
}
