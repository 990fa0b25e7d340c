import { describe, expect, it } from 'vitest';
import { solve, walkTo } from '../../../testing/sciworld.ts';
import { SciWorldEnv } from './sciworld.ts';
import { firstIndex, TASK_TYPES } from './tasks.ts';
import { thermometerVariations } from './thermometer-task.ts';

const TYPES = [
  ['2-1', 540],
  ['2-2', 436],
  ['2-3', 300],
] as const;

/** Resets `item`, walks to `room`, then runs `actions` there. */
function playIn(item: number, room: string, actions: string[]) {
  const env = new SciWorldEnv();
  walkTo(env, env.reset(item), room);
  return { env, steps: actions.map((a) => env.step(a)) };
}

const reading = (obs: string) => Number(/^the thermometer measures a temperature of (-?\d+) degrees celsius$/.exec(obs)?.[1] ?? NaN);

describe('thermometer tasks: variations', () => {
  it("subsamples each class's combinations within train, dev and test to ScienceWorld's variation counts", () => {
    // 360 objects x 5 points x 15 box pairs at 2%; 35 x 5 x 5 at half; 600 x 5 x 5 at 2%.
    for (const [type, n] of TYPES) {
      expect(thermometerVariations(type)).toBe(n);
      expect(TASK_TYPES.find((t) => t.id === type)?.variations).toBe(n);
    }
  });
});

describe('thermometer tasks: texts', () => {
  it("states each task as the Scala classes build the description, the point printed as a Scala Double", () => {
    const first = (item: number) => new SciWorldEnv().reset(item).split('\n')[0];
    expect(first(firstIndex('2-1'))).toBe(
      'Your task is to measure the temperature of unknown substance B, which is located around the living room. First, focus on the thermometer. Next, focus on the unknown substance B. If the unknown substance B temperature is above 100.0 degrees celsius, place it in the red box. If the unknown substance B temperature is below 100.0 degrees celsius, place it in the green box. The boxes are located around the bathroom.',
    );
    expect(first(firstIndex('2-2'))).toBe(
      'Your task is to measure the melting point of chocolate, which is located around the kitchen. First, focus on the thermometer. Next, focus on the chocolate. If the melting point of chocolate is above -10.0 degrees celsius, focus on the blue box. If the melting point of chocolate is below -10.0 degrees celsius, focus on the orange box. The boxes are located around the kitchen.',
    );
    // The unknown substance is named by its state when made: "solid" at 10 C below its melting point.
    expect(first(firstIndex('2-3') + 1)).toBe(
      'Your task is to measure the melting point of liquid unknown substance J, which is located around the kitchen. First, focus on the thermometer. Next, focus on the liquid unknown substance J. If the melting point of liquid unknown substance J is above -10.0 degrees celsius, focus on the yellow box. If the melting point of liquid unknown substance J is below -10.0 degrees celsius, focus on the purple box. The boxes are located around the kitchen.',
    );
  });

  it('lists the unknown substance by its bare name, a metal fork capitalised, a liquid in its random cup, and reads temperatures', () => {
    const room = playIn(firstIndex('2-1'), 'living room', ['look around']).steps[0].observation;
    expect(room.split('\n')).toContain('\tunknown substance B');
    // Some variation has a metal fork to measure in the bedroom.
    const fork = Array.from({ length: 540 }, (_, v) => firstIndex('2-1') + v).find((i) => new SciWorldEnv().reset(i).startsWith('Your task is to measure the temperature of metal fork, which is located around the bedroom'));
    expect(fork).toBeDefined();
    expect(playIn(fork!, 'bedroom', ['look around']).steps[0].observation.split('\n')).toContain('\tA metal fork');
    const kitchen = playIn(firstIndex('2-3') + 1, 'kitchen', ['look around', 'pick up thermometer', 'use thermometer in inventory on liquid unknown substance J']).steps;
    expect(kitchen[0].observation).toMatch(/\ta [a-z ]+ \(containing liquid unknown substance J\)\n/);
    expect(kitchen[2].observation).toBe('the thermometer measures a temperature of 10 degrees celsius');
  });
});

describe('thermometer tasks: physics', () => {
  it('melts a solid unknown substance on the stove once it passes its melting point, renaming it by its state', () => {
    // Variation 0 of 2-3: solid unknown substance C, which melts at 115 C.
    const names: [string, number][] = [];
    const { env } = playIn(firstIndex('2-3'), 'kitchen', ['pick up thermometer', 'move solid unknown substance C to stove', 'activate stove']);
    for (let tick = 0; tick < 12; tick++) {
      for (const state of ['solid', 'liquid']) {
        const r = reading(env.step(`use thermometer in inventory on ${state} unknown substance C`).observation);
        if (!Number.isNaN(r)) names.push([state, r]);
      }
    }
    const solid = names.filter(([s]) => s === 'solid').map(([, r]) => r);
    const liquid = names.filter(([s]) => s === 'liquid').map(([, r]) => r);
    expect(solid.length).toBeGreaterThan(2);
    expect(liquid.length).toBeGreaterThan(2);
    expect(Math.max(...solid)).toBeLessThan(116);
    expect(Math.min(...liquid)).toBeGreaterThanOrEqual(115);
    // Straight on the stove it moves a tenth of the way to 260 C each tick.
    for (let i = 1; i < solid.length; i++) expect(Math.abs(solid[i] - (solid[i - 1] + (260 - solid[i - 1]) * 0.1))).toBeLessThanOrEqual(1);
  });

  it('cools a poured liquid in the freezer a tenth of the way to -18 C each tick', () => {
    const mercury = Array.from({ length: 40 }, (_, v) => firstIndex('2-2') + v).find((i) => new SciWorldEnv().reset(i).startsWith('Your task is to measure the melting point of mercury'))!;
    const { steps } = playIn(mercury, 'kitchen', ['pick up thermometer', 'open freezer', 'pour mercury into freezer', ...Array(6).fill('use thermometer in inventory on mercury')]);
    const temps = steps.slice(3).map((s) => reading(s.observation));
    for (let i = 1; i < temps.length; i++) expect(Math.abs(temps[i] - (temps[i - 1] + (-18 - temps[i - 1]) * 0.1))).toBeLessThanOrEqual(1);
    expect(temps[temps.length - 1]).toBeLessThan(temps[0]);
  });
});

describe('thermometer tasks: scoring', () => {
  it('fails at -100 on a focus before the thermometer, and on the wrong answer box', () => {
    const env = new SciWorldEnv();
    env.reset(firstIndex('2-1'));
    expect(env.step('focus on orange in inventory')).toMatchObject({ observation: 'You focus on the orange.', reward: -100, done: true });
    // Chocolate melts at 30 C, above -10: the blue box; focusing the orange box fails.
    const { steps } = playIn(firstIndex('2-2'), 'kitchen', ['pick up thermometer', 'focus on thermometer in inventory', 'open fridge', 'focus on chocolate', 'focus on counter', 'focus on orange box']);
    expect(steps.map((s) => s.reward)).toEqual([expect.any(Number), 39, 39, 73, 73, -100]);
    expect(steps[5].done).toBe(true);
  });

  it('takes the thermometer focus off once it counts, and judges the box by the temperature when the object goes in', () => {
    // Variation 0 of 2-1: the object is in the living room, the boxes (red above 100 C) in the bathroom.
    const { env, steps } = playIn(firstIndex('2-1'), 'kitchen', ['pick up thermometer', 'focus on thermometer in inventory']);
    expect(steps[1].reward).toBeGreaterThanOrEqual(33);
    expect(env.goalsText()).toContain('0\ttrue\tfocus on instrument\n1\tfalse\tfocus on object');
    const rest = ['go to hallway', 'open door to living room', 'go to living room', 'pick up unknown substance B', 'focus on unknown substance B in inventory', 'go to hallway', 'go to kitchen', 'open door to bathroom', 'go to bathroom', 'put down thermometer', 'use thermometer on unknown substance B in inventory'];
    const r = reading(rest.map((a) => env.step(a)).pop()!.observation);
    const wrong = r >= 100 ? 'green box' : 'red box';
    expect(env.step(`move unknown substance B in inventory to ${wrong}`)).toMatchObject({ reward: -100, done: true });
  });
});

describe('thermometer tasks: oracle', () => {
  for (const [type, n] of TYPES) {
    it(`scores 100 within 30 rounds on ${type}'s spaced items and a sample of its variations`, () => {
      const f = firstIndex(type);
      const variations = new Set([...Array.from({ length: 25 }, (_, k) => Math.floor((k * n) / 25)), ...Array.from({ length: 10 }, (_, j) => (7 + 37 * j) % n)]);
      for (const v of variations) expect(solve(f + v), `${type} variation ${v}`).toMatchObject({ reward: 100, done: true });
    });
  }
});
