/**
 * How the perf runs choose actions: the env's own oracle when its folder has one (an exported
 * class with `next(observation)`, like MazeOracle), else its available actions in turn, else a
 * fixed action. Shared by the Node run and the browser probe; each loads oracle modules its way.
 */
import type { EnvSpec } from '../../workers/envs/contract.ts';

export type Policy = (observation: string, actions: readonly string[] | null) => string;

export interface PolicySource {
  /** "oracle MazeOracle", "available actions" or "fixed action". */
  name: string;
  /** A fresh policy for one episode. */
  start(): Policy;
}

interface OracleInstance {
  next(observation: string): string;
}

type OracleClass = new () => OracleInstance;

const FIXED_ACTION = 'look';

export function policySource(oracleModule: Record<string, unknown> | null): PolicySource {
  const found = oracleModule ? findOracle(oracleModule) : null;
  if (found) {
    const [exportName, Oracle] = found;
    return {
      name: `oracle ${exportName}`,
      start() {
        const o = new Oracle();
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

/** The first export that is a class taking no arguments with a `next` method, by export name. */
function findOracle(mod: Record<string, unknown>): [string, OracleClass] | null {
  for (const [name, value] of Object.entries(mod)) {
    if (typeof value === 'function' && typeof value.prototype?.next === 'function' && value.length === 0) return [name, value as OracleClass];
  }
  return null;
}

/** Where a spec's oracle module lives, relative to the repository root. */
export function oraclePath(spec: EnvSpec): string {
  return `workers/envs/${spec.id}/oracle.ts`;
}
