import { describe, expect, it } from 'vitest';
import { isSuccess } from '../contract.ts';
import { format } from './format.ts';
import { babyai } from './manifest.ts';
import { BabyAIEnv, NOT_RECOGNIZED, goalText } from './babyai.ts';
import { BabyAIOracle } from './oracle.ts';
import { textView } from './agentgym.ts';
import { LEVELS, levelOf } from './levels.ts';
import { Act, addObj, newWorld, setCell, type World } from './world.ts';
import { Rng } from '../rng.ts';

/** An 8x8 room with walls all round and the agent at (3, 6) facing up. */
function room(): World {
  const w = newWorld(8, 8);
  const wall = addObj(w, { type: 'wall', color: 'grey' });
  for (let k = 0; k < 8; k++) {
    setCell(w, k, 0, wall); setCell(w, k, 7, wall); setCell(w, 0, k, wall); setCell(w, 7, k, wall);
  }
  w.agent = [3, 6];
  w.dir = 3;
  return w;
}

async function play(index: number, actions: (env: BabyAIEnv, n: number) => string, rounds: number): Promise<string[]> {
  const env = new BabyAIEnv();
  const out = [await env.reset(index)];
  for (let n = 0; n < rounds; n++) {
    const r = await env.step(actions(env, n));
    out.push(`${r.observation}|${r.reward}|${r.done}`);
    if (r.done) break;
  }
  return out;
}

describe('BabyAI observation text (hand-checked states)', () => {
  it('describes a ball ahead and offers walking to it', () => {
    const w = room();
    setCell(w, 3, 3, addObj(w, { type: 'ball', color: 'red' }));
    const v = textView(w);
    expect(v.description).toBe('In front of you in this room, you can see several objects: There is a red ball 1 right in front of you 3 steps away.  The room has walls around you. You are facing a wall 6 steps away. You are not carrying anything.');
    expect([...v.actions.keys()]).toEqual(['turn left', 'turn right', 'move forward', 'pickup red ball 1', 'go to red ball 1', 'check available actions']);
    expect(v.actions.get('pickup red ball 1')).toEqual([Act.Forward, Act.Forward, Act.Pickup]);
    expect(v.actions.get('go to red ball 1')).toEqual([Act.Forward, Act.Forward]);
  });

  it('numbers same-named objects by distance and gives side offsets', () => {
    const w = room();
    w.dir = 0; // facing right: forward is +x, right is +y
    setCell(w, 5, 6, addObj(w, { type: 'box', color: 'green' }));
    setCell(w, 4, 4, addObj(w, { type: 'box', color: 'green' }));
    const v = textView(w);
    expect(v.description).toBe('In front of you in this room, you can see several objects: There is a green box 1 right in front of you 2 steps away.  There is a green box 2 1 steps in front of you and 2 steps to your left.  The room has walls around you. You are facing a box 2 steps away. You are not carrying anything.');
    expect(v.actions.has('move forward')).toBe(true);
  });

  it('explains why a locked door cannot be opened with a key of another colour', () => {
    const w = room();
    const wall = w.cells[0];
    for (let x = 1; x < 7; x++) setCell(w, x, 4, wall);
    setCell(w, 3, 4, addObj(w, { type: 'door', color: 'blue', door: 'locked' }));
    w.carrying = addObj(w, { type: 'key', color: 'red' });
    const v = textView(w);
    expect(v.description).toBe('In front of you in this room, you can see several objects: There is a blue locked door 1 right in front of you 2 steps away.  The room has walls around you. You are carrying a red key.');
    expect([...v.actions.keys()]).toEqual(['turn left', 'turn right', 'move forward', 'drop', 'go to blue locked door 1', 'check available actions']);
    expect(v.errors.get('toggle and go through blue locked door 1')).toBe('You cannot toggle and go through blue locked door 1, as the color of the key you are carrying does not match the color of door.');
  });

  it('offers toggle and going through a closed door in front', () => {
    const w = room();
    const wall = w.cells[0];
    for (let x = 1; x < 7; x++) setCell(w, x, 5, wall);
    setCell(w, 3, 5, addObj(w, { type: 'door', color: 'purple', door: 'closed' }));
    const v = textView(w);
    expect([...v.actions.keys()]).toEqual(['turn left', 'turn right', 'move forward', 'toggle and go through purple closed door 1', 'toggle', 'go to purple closed door 1', 'check available actions']);
    expect(v.actions.get('toggle and go through purple closed door 1')).toEqual([Act.Toggle, Act.Forward]);
    expect(v.errors.get('go through purple closed door 1')).toBe('You cannot go through purple closed door 1, as it is closed. You should toggle it first.');
    expect(v.errors.get('drop')).toBe('You cannot drop the object, as you are not carrying anything.');
  });
});

describe('BabyAI env', () => {
  it('maps data_idx to level and seed as AgentGym does', () => {
    expect(LEVELS).toHaveLength(40);
    expect(levelOf(0).level.name).toBe('BabyAI-GoToRedBallGrey-v0');
    expect(levelOf(39).level.name).toBe('BabyAI-BossLevelNoUnlock-v0');
    expect(levelOf(81)).toMatchObject({ seed: 2, level: { name: 'BabyAI-GoToRedBall-v0' } });
  });

  it('lays out AgentGym\'s rooms: item 37 (MiniBossLevel, seed 0) opens the green door in 5 rounds', async () => {
    const env = new BabyAIEnv();
    expect((await env.reset(37)).startsWith('Your goal: open the green door\n')).toBe(true);
    let r = { reward: 0, done: false };
    for (const a of ['turn left', 'pickup red ball 1', 'toggle and go through red closed door 1', 'go to green closed door 1', 'toggle']) {
      expect(r.done).toBe(false);
      r = await env.step(a);
    }
    expect(r.done && r.reward > 0.5).toBe(true);
  });

  it('starts with the goal, the view and the action list', async () => {
    const env = new BabyAIEnv();
    const obs = await env.reset(2);
    expect(obs.startsWith('Your goal: go to the red ball\n')).toBe(true);
    expect(obs).toMatch(/\nAvailable actions: \["turn left", "turn right", .*"check available actions"\]$/);
    expect(goalText('open the red door, then open the blue door')).toBe('open the red door, and open the blue door');
    expect(goalText('go to a box after you pick up the key')).toBe('go to a box and pick up the key');
  });

  it('answers bad actions with the env message and changes nothing', async () => {
    for (const index of [0, 13, 38, 57]) {
      const env = new BabyAIEnv();
      await env.reset(index);
      const before = JSON.stringify(env.episode.world);
      const list = `\nAvailable actions: [${env.availableActions().map((a) => `"${a}"`).join(', ')}]`;
      const cases: [string, string][] = [
        ['fly to the moon', NOT_RECOGNIZED],
        ['', 'No change in state.'],
        ['drop', 'You cannot drop the object, as you are not carrying anything.'],
        ['x'.repeat(10_000), NOT_RECOGNIZED],
      ];
      for (const [action, message] of cases) {
        const r = await env.step(action);
        expect(r).toEqual({ observation: message + list, reward: 0, done: false, info: { valid: false, score: 0 } });
      }
      expect(JSON.stringify(env.episode.world)).toBe(before);
    }
  });

  it('lists the actions on "check available actions", case and spaces ignored', async () => {
    const env = new BabyAIEnv();
    await env.reset(5);
    const r = await env.step('  Check Available Actions ');
    expect(r.observation.startsWith(`You can take the following actions: ${env.availableActions().join(', ')}\nAvailable actions: [`)).toBe(true);
    expect(r.info.valid).toBe(true);
  });

  it('is deterministic: same item and actions give the same transcript (20 random items)', async () => {
    const rng = new Rng('babyai-determinism');
    for (let k = 0; k < 20; k++) {
      const index = rng.int(babyai.itemCount);
      const policy = (seed: number) => {
        const r = new Rng(seed);
        return (env: BabyAIEnv) => r.pick(env.availableActions());
      };
      const a = await play(index, policy(k), 15);
      const b = await play(index, policy(k), 15);
      expect(b).toEqual(a);
    }
  });

  it('rewards success with 1 - 0.9 * steps / max_steps and ends the episode', async () => {
    const env = new BabyAIEnv();
    await env.reset(2); // go to the red ball, no distractors
    const oracle = new BabyAIOracle();
    let r = await env.step(oracle.next(env));
    let score = r.reward;
    while (!r.done) {
      r = await env.step(oracle.next(env));
      score += r.reward;
    }
    const w = env.episode.world;
    expect(w.maxSteps).toBe(64);
    expect(r.reward).toBeCloseTo(1 - 0.9 * (w.stepCount / w.maxSteps), 12);
    expect(r.observation).toContain('\n The task is completed.\nAvailable actions: [');
    expect(r.info.score).toBeCloseTo(score, 12);
    expect(isSuccess(babyai.scoring, r.reward)).toBe(true);
  });

  it('keeps playing past MiniGrid\'s step budget, as AgentGym does: a late success scores below 0 and does not end', async () => {
    // MiniGrid only flags truncation at max_steps (BabyAI registers no TimeLimit) and AgentGym
    // ignores the flag, so _reward's 1 - 0.9 * step_count / max_steps goes on falling.
    const solved = new BabyAIEnv();
    await solved.reset(2);
    const oracle = new BabyAIOracle();
    const plan: string[] = [];
    for (let r = { done: false }; !r.done; ) {
      plan.push(oracle.next(solved));
      r = await solved.step(plan.at(-1)!);
    }
    // The same plan after 80 left turns, which leave the agent where and as it started.
    const env = new BabyAIEnv();
    await env.reset(2);
    for (let k = 0; k < 80; k++) await env.step('turn left');
    let r = await env.step(plan[0]);
    for (const action of plan.slice(1)) r = await env.step(action);
    const w = env.episode.world;
    expect(w.stepCount).toBeGreaterThan(w.maxSteps);
    expect(r.reward).toBeCloseTo(1 - 0.9 * (w.stepCount / w.maxSteps), 12);
    expect(r.reward).toBeLessThan(0);
    expect(r.done).toBe(false);
    // AgentGym's reply adds env.reward, kept from the last low-level step, to the score on every
    // step, an invalid one too.
    const before = r.info.score as number;
    const bad = await env.step('fly to the moon');
    expect(bad.info).toEqual({ valid: false, score: before + r.reward });
    expect(bad.reward).toBe(r.reward);
  });

  it('draws the whole grid with the agent and coloured objects', async () => {
    const env = new BabyAIEnv();
    await env.reset(1);
    const p = env.picture();
    const w = env.episode.world;
    expect(p).toMatchObject({ kind: 'grid', rows: w.height, cols: w.width });
    expect(p.kind === 'grid' && p.cells[w.agent[1] * w.width + w.agent[0]]).toMatchObject({ shape: 'agent', dir: w.dir });
    expect(p.kind === 'grid' && p.cells.filter((c) => c.shape === 'circle' && c.ink === '#ef4444').length).toBeGreaterThanOrEqual(1);
  });

  it('extracts the action as AgentGym\'s client does', () => {
    expect(format.extractAction('Thought:\nthe ball is ahead\n\nAction:\ngo to red ball 1')).toEqual({ action: 'go to red ball 1' });
    expect(format.extractAction('turn left')).toEqual({ action: 'turn left' });
    expect(format.extractAction('Action: move forward\n</s>')).toEqual({ action: 'move forward' });
  });
});
