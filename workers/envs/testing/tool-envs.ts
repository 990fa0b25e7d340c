/** Test helpers for the tool envs: a loaded env, one tool call, an oracle run, the shared tests. Test-only. */
import { statSync } from 'node:fs';
import { expect, it } from 'vitest';
import type { EnvManifest, StepResult } from '../contract.ts';
import { nodeDataSource } from '../../node-data-source.ts';
import type { ToolEnv } from '../tools/engine.ts';
import type { Template } from '../tools/program.ts';

export async function openToolEnv(spec: EnvManifest): Promise<ToolEnv<unknown>> {
  return (await (await spec.load()).create(nodeDataSource)) as ToolEnv<unknown>;
}

/** The result text of one call (without "Observation: " and "Give me one action."). */
export function call(env: ToolEnv<unknown>, tool: string, input: string): string {
  const out = env.step(`Thought: x\nAction: ${tool} with Action Input: ${input}`).observation;
  return out.replace(/^Observation: /, '').replace(/\nGive me one action\.$/, '');
}

/** Plays the env's oracle on an item until done or the round limit; returns the last step. */
export async function playOracle(spec: EnvManifest, env: ToolEnv<unknown>, item: number): Promise<{ last: StepResult | null; rounds: number }> {
  const oracle = (await spec.load()).oracle!();
  let obs = env.reset(item);
  let last: StepResult | null = null;
  let rounds = 0;
  while (rounds < spec.maxRounds && !last?.done) {
    last = env.step(oracle.next(obs));
    obs = last.observation;
    rounds++;
  }
  return { last, rounds };
}

/**
 * The tests every tool env shares: its download's size as announced, the oracle solving the eval
 * split, and, where the split is chosen from more tasks (`templates` given), one task per template.
 */
export function toolEnvBasics(spec: EnvManifest, templates?: readonly Template[]): void {
  if (templates) it('splits one recomputed task per goal template', async () => {
    const env = await openToolEnv(spec);
    const used = spec.evalItems.map((i) => {
      env.reset(i);
      expect(env.detail().recomputed, `item ${i}`).toBe(true);
      const goal = env.detail().goal as string;
      return templates.findIndex((t) => t.pattern.test(goal));
    });
    expect(new Set(used).size).toBe(spec.evalItems.length);
  });

  it('ships the download size its manifest announces', () => {
    const { path, bytes } = spec.downloads[0];
    expect(bytes).toBe(statSync(new URL(`../../../static-data/${path}`, import.meta.url)).size);
  });

  it(`the oracle solves the whole eval split within ${spec.maxRounds} rounds, on recomputed answers`, async () => {
    const env = await openToolEnv(spec);
    for (const i of spec.evalItems) {
      const { last } = await playOracle(spec, env, i);
      expect(env.detail().recomputed, `item ${i}`).toBe(true);
      expect(last, `item ${i}`).toMatchObject({ reward: 1, done: true });
    }
  });
}

/**
 * The oracle reaches 1.0 on every task whose answer is recomputed (not just the split), the number
 * of recomputed tasks is the one the README announces, and the tasks left out are exactly those
 * listed (id -> why no answer can be defined in our world): a template that stops matching, or a
 * world change that breaks a program, shows up here.
 */
export function oracleOnAllRecomputed(spec: EnvManifest, recomputed: number, undefinable: Record<number, string> = {}): void {
  it(`the oracle solves all ${recomputed} of ${spec.itemCount} tasks with a recomputed answer`, async () => {
    const env = await openToolEnv(spec);
    const solved: number[] = [];
    const left: number[] = [];
    for (let i = 0; i < spec.itemCount; i++) {
      env.reset(i);
      if (!env.detail().recomputed) {
        left.push(i);
        continue;
      }
      const { last } = await playOracle(spec, env, i);
      expect(last, `item ${i}`).toMatchObject({ reward: 1, done: true });
      solved.push(i);
    }
    console.log(`${spec.id}: ${solved.length}/${spec.itemCount} tasks recomputed, oracle at 1.0 on all`);
    expect(solved.length).toBe(recomputed);
    expect(left).toEqual(Object.keys(undefinable).map(Number));
  }, 60_000);
}
