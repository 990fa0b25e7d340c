import { describe, expect, it } from 'vitest';
import { format } from './format.ts';
import { module } from './index.ts';
import { textcraft } from './manifest.ts';
import { TextCraftOracle } from './oracle.ts';
import { craftingTree } from './crafting-tree.ts';
import { TextCraftEnv } from './textcraft.ts';
import { Rng } from '../rng.ts';

const goals = craftingTree().goals();
const indexOf = (id: string) => {
  const i = goals.indexOf(`minecraft:${id}`);
  if (i < 0) throw new Error(`${id} is not a goal`);
  return i;
};

/** Play an item with the oracle; returns the transcript and the final step. */
function solve(index: number, limit: number) {
  const env = new TextCraftEnv();
  const oracle = new TextCraftOracle();
  let snap = { observation: env.reset(index), reward: 0, done: false };
  const transcript = [snap.observation];
  let steps = 0;
  while (!snap.done && steps < limit) {
    const action = oracle.next(snap.observation);
    snap = env.step(action);
    steps++;
    transcript.push(action, snap.observation);
  }
  return { transcript, steps, reward: snap.reward };
}

describe('TextCraft', () => {
  it('shows the goal tree commands plus distractors, then the goal', () => {
    const env = new TextCraftEnv();
    const obs = env.reset(indexOf('crafting_table'));
    expect(obs.startsWith('Crafting commands:\n')).toBe(true);
    expect(obs.endsWith('\n\nGoal: craft crafting table.')).toBe(true);
    const lines = obs.split('\n\n')[0].split('\n').slice(1);
    expect(lines).toContain('craft 1 crafting table using 4 planks');
    for (const wood of ['oak', 'spruce', 'birch', 'jungle', 'acacia', 'dark oak']) expect(lines).toContain(`craft 4 ${wood} planks using 1 ${wood} logs`);
    expect(lines).toContain('craft 4 crimson planks using 1 crimson stems');
    expect(lines.length).toBeLessThanOrEqual(9 + 10);
    expect(new Set(lines).size).toBe(lines.length);
  });

  it('answers get, craft, inventory and unknown actions with AgentGym texts', () => {
    const env = new TextCraftEnv();
    env.reset(indexOf('crafting_table'));
    const obs = (a: string) => env.step(a).observation;
    expect(obs('inventory')).toBe('Inventory: You are not carrying anything.');
    expect(obs('get 2 oak logs')).toBe('Got 2 oak logs');
    expect(obs('get 0 string\nmore')).toBe('Got 0 string');
    expect(obs('get 1 oak planks')).toBe('Could not find oak planks');
    expect(obs('get 1 planks')).toBe('Could not find planks');
    expect(obs('get 1 unobtainium')).toBe('Could not find unobtainium');
    expect(obs('craft 4 oak planks using 2 oak logs')).toBe(
      "Could not find a valid recipe for ItemTagWithCount(item_tag=ItemTag(tag=None, item_id='minecraft:oak_planks'), count=4)",
    );
    // The stated output count is ignored: the recipe says what comes out.
    expect(obs('craft 1 oak planks using 1 oak logs')).toBe('Crafted 4 minecraft:oak_planks');
    expect(obs('inventory')).toBe('Inventory: [oak logs] (1) [string] (0) [oak planks] (4) ');
    expect(obs('craft 1 crafting table using 4 planks')).toBe('Could not find enough items to craft minecraft:crafting_table');
    expect(obs('craft 1 planks using 1 oak logs')).toBe(
      "Could not find a valid recipe for ItemTagWithCount(item_tag=ItemTag(tag='minecraft:planks', item_id=None), count=1)",
    );
    expect(obs('craft 1 crafting table using planks')).toBe('Wrong item format: planks');
    expect(obs('craft 1 crafting table using 5 oak planks')).toBe('Could not find enough items to craft minecraft:crafting_table');
    expect(obs('jump')).toBe('Could not execute jump');
    expect(env.observation()).toBe('Could not execute jump');
    expect(env.step('craft 1 crafting table using 4 oak planks')).toEqual({
      observation: 'Crafted 1 minecraft:crafting_table',
      reward: 1,
      done: true,
      info: { valid: true },
    });
    expect(obs('inventory')).toBe('Inventory: [oak logs] (1) [string] (0) [crafting table] (1) ');
  });

  it('answers look, batches, tag members and Python ints as AgentGym does', () => {
    // Expected texts: AgentGym's environment.py run in-process on the same actions (CPython 3.11).
    const env = new TextCraftEnv();
    env.reset(indexOf('crafting_table'));
    const obs = (a: string) => env.step(a).observation;
    const noRecipe = (tag: string, id: string, n: number) => `Could not find a valid recipe for ItemTagWithCount(item_tag=ItemTag(tag=${tag}, item_id=${id}), count=${n})`;
    expect(obs('look')).toBe('Could not execute look');
    expect(obs('get 007 oak logs')).toBe('Got 7 oak logs');
    // Each input count must be the recipe's own: two batches take two commands.
    expect(obs('craft 8 oak planks using 2 oak logs')).toBe(noRecipe('None', "'minecraft:oak_planks'", 8));
    expect(obs('craft 4 oak planks using 1 oak logs')).toBe('Crafted 4 minecraft:oak_planks');
    expect(obs('craft 4 dark oak planks using 1 oak logs')).toBe(noRecipe('None', "'minecraft:dark_oak_planks'", 4));
    // A member item stands in for the recipe's tag ("2 planks").
    expect(obs('craft 1 stick using 2 oak planks')).toBe('Crafted 4 minecraft:stick');
    expect(obs('craft 1 crafting table using 3 oak planks')).toBe('Could not find enough items to craft minecraft:crafting_table');
    expect(obs('get 99999999999999999999 dirt')).toBe('Got 99999999999999999999 dirt');
    expect(obs('craft 1 crafting\ttable using 1 dirt')).toBe(noRecipe('None', "'minecraft:crafting\\ttable'", 1));
    // str.strip() and repr() as Python's: \x1c is whitespace there, \x85 is unprintable.
    expect(obs('craft 1 a\x85b using  1 dirt\x1c')).toBe(noRecipe('None', "'minecraft:a\\x85b'", 1));
    expect(obs('craft 1 planks using 1 oak logs')).toBe(noRecipe("'minecraft:planks'", 'None', 1));
    expect(obs('inventory')).toBe('Inventory: [oak logs] (6) [oak planks] (2) [stick] (4) [dirt] (99999999999999999999) ');
  });

  it('keeps executing steps after the goal is crafted, as AgentGym\'s server does', () => {
    const env = new TextCraftEnv();
    env.reset(indexOf('crafting_table'));
    env.step('get 1 oak logs');
    env.step('craft 4 oak planks using 1 oak logs');
    expect(env.step('craft 1 crafting table using 4 oak planks')).toMatchObject({ reward: 1, done: true });
    expect(env.step('get 2 oak logs')).toMatchObject({ observation: 'Got 2 oak logs', reward: 0, done: false });
    expect(env.step('inventory').observation).toBe('Inventory: [crafting table] (1) [oak logs] (2) ');
  });

  it('leaves the inventory unchanged on invalid actions, never throwing', () => {
    const env = new TextCraftEnv();
    env.reset(indexOf('crafting_table'));
    env.step('get 3 oak logs');
    const before = env.step('inventory').observation;
    const bad = ['', 'x'.repeat(100_000), '合成 🧱', 'Get 1 oak logs', 'get oak logs', 'get 1 planks', 'craft', 'craft 1 stick using',
      'craft 4 stick using 2 planks', 'craft 4 stick using 1 oak logs', 'craft 1 crafting table using 4 oak logs', 'craft 1 x using 1 oak logs, 1 oak logs, 9',
      'craft 1 oak planks using 1 oak logs, 1 stick', '\u0000'];
    for (const a of bad) {
      const r = env.step(a);
      expect(r, a).toMatchObject({ reward: 0, done: false, info: { valid: false } });
      expect(env.step('inventory').observation).toBe(before);
    }
  });

  it('is deterministic: same item and actions give the same transcript', () => {
    const rng = new Rng('textcraft-determinism');
    for (let k = 0; k < 20; k++) {
      const idx = rng.int(textcraft.itemCount);
      expect(solve(idx, 200).transcript, `item ${idx}`).toEqual(solve(idx, 200).transcript);
    }
  });

  it('oracle solves every item of the game, deep ones too', () => {
    for (let idx = 0; idx < textcraft.itemCount; idx++) {
      const r = solve(idx, 200);
      expect(r.reward, `item ${idx}: ${r.transcript.slice(-6).join(' | ')}`).toBe(1);
    }
  });

  it('extracts the action as AgentGym\'s client does', () => {
    expect(format.extractAction('Thought:\nI need planks.\n\nAction:\nget 1 oak logs')).toEqual({ action: 'get 1 oak logs' });
    expect(format.extractAction('Action: craft 4 oak planks using 1 oak logs.\nmore')).toEqual({ action: 'craft 4 oak planks using 1 oak logs' });
    expect(format.extractAction('Action:  get  2   "dark-oak" logs!</s>')).toEqual({ action: 'get 2 darkoak logss' });
    // AgentGym's client passes "look" on; its server cannot execute it.
    expect(format.extractAction('Action: look')).toEqual({ action: 'look' });
    expect(format.extractAction('no action here')).toEqual({ action: '' });
    expect(format.extractAction('Action: get 1 stick\nAction: inventory')).toEqual({
      invalid: "Error: Only one 'Action' is allowed per response. Please adjust your response.",
    });
  });

  it('draws a picture of goal and inventory, and serves commands and goal over HTTP', () => {
    const env = new TextCraftEnv();
    env.reset(indexOf('crafting_table'));
    env.step('get 1 oak logs');
    expect(env.picture?.()).toEqual({ kind: 'text', title: 'Goal: craft crafting table', body: 'Inventory:\noak logs × 1' });
    expect(module.http.extraGets?.goal(env)).toBe('minecraft:crafting_table');
    expect(String(module.http.extraGets?.commands(env))).toContain('craft 1 crafting table using 4 planks');
    expect(module.http).toMatchObject({ resetField: 'data_idx', createResets: true });
  });
});
