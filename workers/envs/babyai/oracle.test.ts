import { describe, expect, it } from 'vitest';
import { babyai } from './manifest.ts';
import { BabyAIEnv } from './babyai.ts';
import { BabyAIOracle } from './oracle.ts';
import { levelOf } from './levels.ts';
import { excludedItems } from '../splits.ts';

async function run(index: number, oracle: BabyAIOracle, cap: number): Promise<{ rounds: number; reward: number; done: boolean }> {
  const env = new BabyAIEnv();
  await env.reset(index);
  let r = { reward: 0, done: false };
  let rounds = 0;
  while (!r.done && rounds < cap) {
    const action = oracle.next(env);
    expect(env.availableActions()).toContain(action);
    r = await env.step(action);
    rounds++;
  }
  return { rounds, reward: r.reward, done: r.done };
}

describe('BabyAI oracle', () => {
  it('solves every eval item within AgentGym\'s 20 rounds', { timeout: 120_000 }, async () => {
    expect(babyai.maxRounds).toBe(20);
    for (const index of babyai.evalItems) {
      const r = await run(index, new BabyAIOracle(babyai.maxRounds), babyai.maxRounds);
      expect(r.done && r.reward > 0.5, `item ${index} (${levelOf(index).level.name}): ${JSON.stringify(r)}`).toBe(true);
    }
  });

  it('shortens a greedy plan that runs over the budget (item 197 takes 22 rounds greedily)', { timeout: 60_000 }, async () => {
    expect((await run(197, new BabyAIOracle(), 40)).rounds).toBe(22);
    const fit = await run(197, new BabyAIOracle(20), 40);
    expect(fit.done).toBe(true);
    expect(fit.rounds).toBeLessThanOrEqual(20);
  });

  it('follows its plan step by step, and replans when someone else moved', async () => {
    const env = new BabyAIEnv();
    await env.reset(36 + 40); // SynthLoc, seed 1
    const oracle = new BabyAIOracle(babyai.maxRounds);
    await env.step(oracle.next(env));
    await env.step(env.availableActions().includes('turn left') ? 'turn left' : 'turn right');
    let r = { done: false, reward: 0 };
    for (let n = 0; n < 40 && !r.done; n++) r = await env.step(oracle.next(env));
    expect(r.done && r.reward > 0.5).toBe(true);
  });

  it('leaves out of the split exactly the items listed as unsolvable or with no known 20-round solution', () => {
    const excluded = excludedItems('babyai');
    expect([...excluded.keys()].sort((a, b) => a - b)).toEqual([25, 36, 38, 39, 65, 77]);
    const last = babyai.evalItems[babyai.evalItems.length - 1];
    const expected = Array.from({ length: last + 1 }, (_, i) => i).filter((i) => !excluded.has(i));
    expect(babyai.evalItems).toEqual(expected);
    for (const why of excluded.values()) expect(why.length).toBeGreaterThan(20);
  });

  it('cannot solve KeyInBox: the only key is inside a box', async () => {
    const keyInBox = [...excludedItems('babyai').keys()].filter((i) => levelOf(i).level.name === 'BabyAI-KeyInBox-v0');
    expect(keyInBox).toEqual([25, 65]);
    for (const index of keyInBox) {
      const env = new BabyAIEnv();
      await env.reset(index);
      const w = env.episode.world;
      const keysOnGrid = w.objs.filter((o, id) => o.type === 'key' && w.cells.includes(id));
      expect(keysOnGrid).toEqual([]);
      expect(env.availableActions().some((a) => a.includes('box') && !a.startsWith('pickup') && !a.startsWith('go to'))).toBe(false);
      expect(() => new BabyAIOracle().next(env)).toThrow(/no reachable .* key/);
    }
  });
});
