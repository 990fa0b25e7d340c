/**
 * Scripts for the mock LLM server: the replies a strong model (an observation-only oracle) or a
 * hopeless one would give on an env item, found by playing the item in-process. A script is
 * matched by the item's first observation, so it only tells items apart where that differs.
 */
import { requireEnv } from '../workers/envs/registry.ts';
import { openLocalEnv } from '../workers/local-env.ts';
import type { MockScript } from './mock-llm.ts';

export async function oracleScript(envId: string, index: number): Promise<MockScript> {
  const makeOracle = (await requireEnv(envId).load()).oracle;
  if (!makeOracle) throw new Error(`No observation-only oracle for ${envId}`);
  const oracle = makeOracle();
  const env = await openLocalEnv(envId);
  try {
    let snap = await env.reset(index);
    const match = snap.observation;
    const replies: string[] = [];
    while (!snap.done) {
      const action = oracle.next(snap.observation);
      replies.push(`Thought: I plan the next step from what I have seen.\nAction: ${action}`);
      snap = await env.step(action);
    }
    return { match, replies };
  } finally {
    env.close();
  }
}

/** A script that repeats one reply on the item (e.g. an action that never solves it). */
export async function repeatScript(envId: string, index: number, reply: string, times: number): Promise<MockScript> {
  const env = await openLocalEnv(envId);
  try {
    return { match: (await env.reset(index)).observation, replies: Array(times).fill(reply) };
  } finally {
    env.close();
  }
}
