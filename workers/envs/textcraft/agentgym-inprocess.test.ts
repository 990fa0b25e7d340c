import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { craftingTree } from './crafting-tree.ts';
import { TextCraftEnv } from './textcraft.ts';
// AgentGym's own TextCraft code run in-process under CPython 3.11.7, PYTHONHASHSEED=0
// (testdata/agentgym-inprocess.gen.py; no Python at test time).
import inprocess from './testdata/agentgym-inprocess.json';
// The data_idx -> goal order recorded from AgentGym's server (copied from the shared goldens).
import recorded from './testdata/agentgym-goal-order.json';

const sha = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 16);

describe('TextCraft against AgentGym', () => {
  it('has the 544 goals in the order of the recorded server', () => {
    expect(craftingTree().goals()).toEqual(recorded.goals);
    expect(recorded.n_goals).toBe(544);
  });

  it('gives every reset text exactly, 544 and 545 wrapping to items 0 and 1', () => {
    const env = new TextCraftEnv();
    expect(inprocess.resetSha256).toHaveLength(546);
    const wrong = inprocess.resetSha256.flatMap((h, i) => (sha(env.reset(i)) === h ? [] : [i]));
    expect(wrong).toEqual([]);
    expect(env.reset(545)).toBe(env.reset(1));
  });

  it('answers random play as AgentGym does (gets, crafts with tag members and wrong counts, junk)', () => {
    for (const { item, actions, steps } of inprocess.episodes) {
      const env = new TextCraftEnv();
      env.reset(item);
      actions.forEach((a, i) => {
        const r = env.step(a);
        expect([r.observation, r.reward, r.done], `item ${item} step ${i}: ${a}`).toEqual(steps[i]);
      });
    }
  });
});
