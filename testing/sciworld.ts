/** SciWorld test helpers. */
import { SciWorldOracle } from '../workers/envs/sciworld/families.ts';
import { SciWorldEnv } from '../workers/envs/sciworld/sciworld.ts';

/** Plays the oracle on an item for up to 30 rounds (AgentGym's limit); the last step. */
export function solveWithOracle(item: number): { reward: number; done: boolean } {
  const env = new SciWorldEnv();
  const oracle = new SciWorldOracle();
  let obs = env.reset(item);
  let last = { reward: 0, done: false };
  for (let round = 0; round < 30 && !last.done; round++) {
    last = env.step(oracle.next(obs));
    obs = env.observation();
  }
  return last;
}
