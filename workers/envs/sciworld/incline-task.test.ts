import { describe, expect, it } from 'vitest';
import { solve, walkTo } from '../../../testing/sciworld.ts';
import { SciWorldOracle } from './families.ts';
import { variationCount } from './incline-task.ts';
import { SciWorldEnv } from './sciworld.ts';
import { EXTRA_TYPES, firstIndex } from './tasks.ts';

const A = firstIndex('9-1');
const N = firstIndex('9-2');
const U = firstIndex('9-3');

/** Resets `item` and walks to the workshop; `obs` runs one action and returns its observation. */
function inWorkshop(item: number) {
  const env = new SciWorldEnv();
  const first = env.reset(item);
  walkTo(env, first, 'workshop');
  return { env, first, obs: (action: string) => env.step(action).observation };
}

const met = (env: SciWorldEnv, goal: string) => new RegExp(`^\\d+\\ttrue\\t${goal.replace(/[()]/g, '\\$&')}$`, 'm').test(env.goalsText());

describe('inclined planes: variations and texts', () => {
  it("has ScienceWorld's variation counts once too-alike pairs are dropped", () => {
    for (const t of EXTRA_TYPES.filter((t) => t.id.startsWith('9-'))) expect(variationCount(t.id), t.id).toBe(t.variations);
  });

  it('states the task as TaskInclinedPlane1/2/3 do and puts two planes, a block and a stopwatch in the workshop', () => {
    const angle = inWorkshop(A);
    expect(angle.first.split('\n')[0]).toBe(
      'Your task is to determine which of the two inclined planes (C, B) has the shallowest angle. After completing your experiment, focus on the inclined plane with the shallowest angle.',
    );
    const seen = angle.obs('look around').split('\n');
    expect(seen).toEqual(expect.arrayContaining(['\tan inclined plane B', '\tan inclined plane C', '\ta stopwatch, which is deactivated. ', '\ta wood block']));
    const named = inWorkshop(N);
    expect(named.first.split('\n')[0]).toBe(
      'Your task is to determine which of the two inclined planes (paper, cloth) has the most friction. After completing your experiment, focus on the inclined plane with the most friction.',
    );
    expect(named.obs('look around')).toContain('\tan inclined plane with a cloth surface\n\tan inclined plane with a paper surface\n');
    const unnamed = inWorkshop(U + 1);
    expect(unnamed.first.split('\n')[0]).toMatch(/^Your task is to determine which of the two inclined planes \(unknown material [CH], unknown material [CH]\) has the least friction\./);
    expect(unnamed.obs('look around')).toContain('\tan inclined plane with a unknown material H surface\n\tan inclined plane with a unknown material C surface\n\ta steel block\n');
  });
});

describe('inclined planes: sliding', () => {
  // 9-2 variation 1137: plane 1 has a sandpaper surface (friction 0.98), plane 2 titanium (0).
  const item = N + 1137;
  const ti = 'inclined plane with a titanium surface';

  it('slides a block down a frictionless 45-degree plane 7.07% per tick, to the bottom in 15 ticks', () => {
    const { obs } = inWorkshop(item);
    expect(obs(`move wood block to ${ti}`)).toBe('You move the wood block to the inclined plane.');
    expect(obs(`look at ${ti}`)).toBe(`an ${ti}, with: a wood block approximately 7% down the plane`);
    obs('wait'); // eleven ticks
    expect(obs(`look at ${ti}`)).toBe(`an ${ti}, with: a wood block approximately 92% down the plane`);
    expect(obs(`look at ${ti}`)).toBe(`an ${ti}, with: a wood block approximately 99% down the plane`);
    expect(obs(`look at ${ti}`)).toBe(`an ${ti}, with: a wood block at the bottom of the plane`);
    // Put on again, it starts from the top.
    obs('pick up wood block');
    obs(`move wood block to ${ti}`);
    expect(obs(`look at ${ti}`)).toBe(`an ${ti}, with: a wood block approximately 7% down the plane`);
  });

  it('barely moves a block on sandpaper: still at the top after 7 ticks, 1% down after 8', () => {
    const { obs } = inWorkshop(item);
    const sand = 'inclined plane with a sandpaper surface';
    obs(`move wood block to ${sand}`);
    for (let i = 0; i < 6; i++) obs('look at stopwatch');
    expect(obs(`look at ${sand}`)).toBe(`an ${sand}, with: a wood block at the top of the plane`);
    expect(obs(`look at ${sand}`)).toBe(`an ${sand}, with: a wood block approximately 1% down the plane`);
  });

  it('slides faster down the steeper plane (9-1: 70 and 80 degrees, friction 0.5)', () => {
    const { obs } = inWorkshop(A);
    obs('move wood block to inclined plane B');
    expect(obs('look at inclined plane B')).toBe('an inclined plane B, with: a wood block approximately 5% down the plane');
    obs('move wood block to inclined plane C');
    obs('wait');
    expect(obs('look at inclined plane C')).toBe('an inclined plane C, with: a wood block approximately 59% down the plane');
  });
});

describe('inclined planes: goals', () => {
  it('counts the stopwatch as read only when looked at after it was stopped', () => {
    const { env, obs } = inWorkshop(A);
    obs('pick up stopwatch');
    obs('move wood block to inclined plane B');
    obs('activate stopwatch');
    expect(met(env, 'activate time keeping device')).toBe(true);
    obs('wait1');
    expect(obs('look at stopwatch')).toMatch(/^a stopwatch, which is activated\. The time reads \d+ ticks\.$/);
    expect(met(env, 'read time keeping device')).toBe(false);
    expect(obs('deactivate stopwatch')).toBe('The stopwatch is now deactivated.');
    expect(obs('look at stopwatch')).toBe('a stopwatch, which is deactivated. The time reads 4 ticks.');
    expect(met(env, 'read time keeping device')).toBe(true);
    expect(env.detail().score).toBeGreaterThan(0);
  });

  it('fails at -100 and ends on a focus on the wrong plane or on anything else', () => {
    // 9-1 variation 0 asks for the shallower plane, B (70 degrees) rather than C (80).
    for (const target of ['inclined plane C', 'stopwatch']) {
      const { env } = inWorkshop(A);
      const last = env.step(`focus on ${target}`);
      expect(last.reward, target).toBe(-100);
      expect(last.done, target).toBe(true);
    }
    const { env } = inWorkshop(A);
    expect(env.step('focus on inclined plane B')).toMatchObject({ reward: 100, done: true });
  });
});

describe('inclined planes: oracle', () => {
  it('scores 100 within 30 rounds on the split grid and a spread sample of every type', () => {
    for (const id of ['9-1', '9-2', '9-3']) {
      const f = firstIndex(id);
      const n = variationCount(id);
      const items = new Set<number>();
      for (let k = 0; k < 25; k++) items.add(f + Math.floor((k * n) / 25));
      // And ten more off that grid (an odd offset into each tenth).
      for (let k = 0; k < 10; k++) items.add(f + Math.floor((k * n) / 10) + 1 + (k % 2));
      for (const item of items) expect(solve(item), `${id} item ${item}`).toMatchObject({ reward: 100, done: true });
    }
  });

  it('meets every experiment subgoal on its way', () => {
    const env = new SciWorldEnv();
    const oracle = new SciWorldOracle();
    let obs = env.reset(U + 40);
    let rounds = 0;
    for (let done = false; !done; rounds++) {
      done = env.step(oracle.next(obs)).done;
      obs = env.observation();
    }
    expect(env.detail().score).toBe(100);
    expect(rounds).toBeLessThanOrEqual(30);
    expect(env.goalsText()).not.toMatch(/\tfalse\t/);
  });
});
