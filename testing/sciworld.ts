/**
 * Test helpers for SciWorld: play the oracle on an item as the harness does (30 rounds), and walk
 * an env to a room with the oracles' floor plan.
 */
import { SciWorldOracle } from '../workers/envs/sciworld/families.ts';
import { startRoom, walk } from '../workers/envs/sciworld/oracle-walk.ts';
import { SciWorldEnv } from '../workers/envs/sciworld/sciworld.ts';

/** Plays the oracle on an item for up to 30 rounds (or as many as asked); the last step and the rounds played. */
export function solve(item: number, rounds = 30): { reward: number; done: boolean; rounds: number } {
  const env = new SciWorldEnv();
  const oracle = new SciWorldOracle();
  let obs = env.reset(item);
  let last = { reward: 0, done: false };
  let round = 0;
  for (; round < rounds && !last.done; round++) {
    last = env.step(oracle.next(obs));
    obs = env.observation();
  }
  return { reward: last.reward, done: last.done, rounds: round };
}

/** Walks `env` (whose first observation was `first`) to `room`, opening doors on the way. */
export function walkTo(env: SciWorldEnv, first: string, room: string): void {
  const steps = walk({ room: startRoom(first), opened: new Set() }, room);
  for (let next = steps.next(''); !next.done; next = steps.next(env.step(next.value).observation));
}
