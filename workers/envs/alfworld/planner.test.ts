import { describe, expect, it } from 'vitest';
import priors from '../../../static-data/alfworld/priors.json' with { type: 'json' };
import { MAX_STEPS } from './alfworld.ts';
import { alfworld } from './manifest.ts';
import { AlfWorldOracle } from './oracle.ts';
import { ObservationPlanner } from './planner.ts';
import { newEnv } from './testing.ts';

describe('ALFWorld without the answer key', () => {
  it('a planner reading only observations wins every test game within the 50 steps', async () => {
    const env = await newEnv();
    const lost: number[] = [];
    const steps: number[] = [];
    for (const item of alfworld.evalItems) {
      const planner = new ObservationPlanner(priors);
      let observation = await env.reset(item);
      let result = null;
      for (let n = 0; n < MAX_STEPS && !(result?.done || result?.truncated); n++) {
        result = env.step(planner.next(observation));
        observation = result.observation;
      }
      if (result?.reward === 1) steps.push(env.detail().steps as number);
      else lost.push(item);
    }
    expect(lost).toEqual([]);
    expect(Math.max(...steps)).toBeLessThanOrEqual(MAX_STEPS);
  });

  it('reads every goal template', () => {
    const intro = (goal: string) => `You are in the middle of a room. Looking quickly around you, you see a desk 1, and a sinkbasin 1.\nYour task is to: ${goal}.`;
    // Pens are looked for at the sink first: a goal read right sends the planner there.
    const first = (goal: string) => new ObservationPlanner({ pen: ['sinkbasin'] }).next(intro(goal));
    for (const goal of ['put a pen in desk', 'put some pen on desk', 'put a clean pen in desk', 'clean some pen and put it in desk', 'put two pen in desk', 'find two pen and put them in desk', 'look at pen under the desklamp', 'examine the pen with the desklamp']) {
      expect(first(goal), goal).toBe('go to sinkbasin 1');
    }
    expect(first('dance a pen')).toBe('go to desk 1');
  });
});

describe('ALFWorld oracle', () => {
  it('plays the walkthrough after a reset it can see, else plans from observations', async () => {
    const env = await newEnv();
    const first = await env.reset(2618);
    expect(new AlfWorldOracle().next(first)).toBe('go to coffeetable 1');
    const unseen = first.replace('put a keychain in sofa', 'put a pillow in sofa');
    // Pillows are looked for on sofas and beds first; the walkthrough would go to the coffee table.
    expect(new AlfWorldOracle().next(unseen)).toBe(new ObservationPlanner(priors).next(unseen));
    expect(new AlfWorldOracle().next(unseen)).not.toBe('go to coffeetable 1');
  });
});
