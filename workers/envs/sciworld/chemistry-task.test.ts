import { describe, expect, it } from 'vitest';
import { solve, walkTo } from '../../../testing/sciworld.ts';
import { SciWorldEnv } from './sciworld.ts';
import { firstIndex } from './tasks.ts';

const MIX = firstIndex('6-1');
const SECONDARY = firstIndex('6-2');
const TERTIARY = firstIndex('6-3');

/** Resets `item`, walks to `room` (when given), then plays `actions`. */
function play(item: number, room: string | null, actions: string[]) {
  const env = new SciWorldEnv();
  const first = env.reset(item);
  if (room) walkTo(env, first, room);
  const steps = actions.map((a) => env.step(a));
  return { env, first, steps, last: steps[steps.length - 1] };
}

const lines = (obs: string) => obs.split('\n').map((l) => l.trim());

describe('chemistry tasks: texts', () => {
  it("states the tasks as ScienceWorld does (the tertiary task's last focus names the secondary colour, as there)", () => {
    expect(play(MIX, null, []).first.split('\n')[0]).toBe("Your task is to use chemistry to create the substance 'salt water'. A recipe and some of the ingredients might be found near the kitchen. When you are done, focus on the salt water.");
    expect(play(MIX + 31, null, []).first.split('\n')[0]).toBe("Your task is to use chemistry to create the substance 'red paper'. A recipe and some of the ingredients might be found near the workshop. When you are done, focus on the red paper.");
    expect(play(SECONDARY + 12, null, []).first.split('\n')[0]).toBe('Your task is to use chemistry to create orange paint. When you are done, focus on the orange paint.');
    expect(play(TERTIARY + 35, null, []).first.split('\n')[0]).toBe(
      'Your task is to use chemistry to create blue-violet paint. When you are part-way done, focus on the intermediate (secondary color) paint you created.  When you are completely done, focus on the violet paint.',
    );
  });

  it('lays the missing ingredients and a recipe to read on the floor, each as its class describes it', () => {
    const { steps } = play(MIX + 15, 'workshop', ['look around', 'read recipe', 'look at jam', 'eat bread']);
    expect(lines(steps[0].observation)).toEqual(expect.arrayContaining(['bread', 'red jam', 'peanut', 'A recipe titled instructions to make peanut butter with jam sandwich']));
    expect(steps[1].observation).toBe('The recipe reads:\nTo make peanut butter with jam sandwich, you need to mix peanut, jam, bread.');
    expect(steps[2].observation).toBe('red jam');
    expect(steps[3].observation).toBe('The bread was delicious.');
    const paper = play(MIX + 5, 'kitchen', ['look at paper', 'read paper']);
    expect(paper.steps.map((s) => s.observation)).toEqual(['A blank paper', 'The paper does not have any text on it.']);
  });

  it("adds nothing the room already holds: the kitchen's soap and its bowl of fruit stay single", () => {
    const soap = lines(play(MIX + 1, 'kitchen', ['look around']).last.observation);
    expect(soap.filter((l) => l === 'a substance called soap')).toHaveLength(1);
    const fruit = play(MIX + 18, 'kitchen', ['look around']).last.observation;
    expect(fruit.match(/apple|banana|orange/g)).toEqual(['apple', 'banana', 'orange']);
    expect(fruit).toContain('A recipe titled instructions to make fruit salad');
  });
});

describe('chemistry: mixing', () => {
  it('mixes by the table, counting what the container visibly holds', () => {
    const { steps } = play(SECONDARY, 'art studio', [
      'mix cup containing red paint',
      'pour red paint in cup containing yellow paint',
      'mix cup containing red paint and yellow paint',
      'look around',
      'pour blue paint in cup containing orange paint',
      'mix cup containing blue paint and orange paint',
    ]);
    expect(steps[0].observation).toBe('There is only one thing (red paint)');
    expect(steps[2].observation).toBe('Yellow and red paint mix to produce orange paint.');
    expect(lines(steps[3].observation)).toContain('a wood cup (containing orange paint)');
    // Any paints no rule covers make brown.
    expect(steps[5].observation).toBe('The paints mix to produce brown paint.');
  });

  it("keeps ScienceWorld's texts, slips and all", () => {
    const table = play(MIX + 31, 'workshop', ['mix table']);
    expect(table.last.observation).toBe('Mixing the contents of the table does not appear to produce anything new.');
    const red = play(MIX + 31, 'workshop', ['pick up paper', 'go to hallway', 'open door to art studio', 'go to art studio', 'pour red paint in inventory', 'mix inventory']);
    // The inventory holds the orange too: three things, and no rule for them.
    expect(red.last.observation).toBe('Mixing the contents of the inventory does not appear to produce anything new.');
    const green = play(TERTIARY, 'art studio', ['pour yellow paint in cup containing blue paint', 'mix cup containing blue paint and yellow paint', 'open large cupboard', 'pour blue paint in cup containing green paint', 'mix cup containing blue paint and green paint']);
    expect(green.last.observation).toBe('Blue and green paint mix to produce blue green paint.');
  });

  it('makes salt water from the kitchen salt and sink water', () => {
    const { steps } = play(MIX, 'kitchen', ['open cupboard', 'pick up metal pot', 'open glass jar', 'move sodium chloride to metal pot', 'move metal pot to sink', 'activate sink', 'deactivate sink', 'mix metal pot', 'look at metal pot']);
    expect(steps[7].observation).toBe('Sodium chloride and water mix to produce salt water.');
    expect(steps[8].observation).toBe('a metal pot (containing a substance called salt water)');
  });
});

describe('chemistry tasks: variations', () => {
  it("puts the extra paint where ScienceWorld does: only the desk's cups keep their paint", () => {
    const cupboard = play(SECONDARY, 'art studio', ['open paint cupboard', 'look at paint cupboard']).last.observation;
    expect(cupboard).toBe('a paint cupboard. The paint cupboard door is open. In the paint cupboard is: \n\ta drawer\n\ta wood cup (containing nothing)\n\ta wood cup (containing nothing)\n\ta wood cup (containing nothing)');
    const desk = lines(play(SECONDARY + 2, 'art studio', ['look around']).last.observation);
    expect(desk).toContain('a desk. On the desk is: a drawer, a tin cup (containing red paint), a tin cup (containing blue paint), a tin cup (containing yellow paint).');
  });

  it("gives the workshop sets a mixing container from the mode's own shuffle, unless a thing so named is already there", () => {
    const container = (item: number) => lines(play(item, 'workshop', ['look around']).last.observation).find((l) => /^a (glass cup|bowl|jug) \(containing nothing\)$/.test(l));
    // Variation 3 of each paint mode: the same seed, but 6-3 draws after 6-2's shuffle.
    expect(container(SECONDARY + 3)).toBe('a glass cup (containing nothing)');
    expect(container(TERTIARY + 3)).toBe('a jug (containing nothing)');
    // Beside the paint closet a glass cup is not added: the closet's cups are glass cups already.
    expect(container(SECONDARY + 4)).toBeUndefined();
    expect(container(TERTIARY + 5)).toBe('a bowl (containing nothing)');
  });
});

describe('chemistry tasks: scoring', () => {
  it('fails at -100 on a focus on anything but the result', () => {
    expect(play(MIX, null, ['focus on orange']).last).toMatchObject({ observation: 'You focus on the orange.', reward: -100, done: true });
    expect(play(SECONDARY, 'art studio', ['focus on red paint']).last).toMatchObject({ reward: -100, done: true });
  });

  it('clears the focus after the intermediate colour, so a second focus on it fails the final step', () => {
    const steps = ['pour yellow paint in cup containing blue paint', 'mix cup containing blue paint and yellow paint', 'focus on green paint'];
    const good = play(TERTIARY, 'art studio', steps).last;
    expect(good.reward).toBeGreaterThanOrEqual(50);
    expect(good.done).toBe(false);
    expect(play(TERTIARY, 'art studio', [...steps, 'focus on green paint']).last).toMatchObject({ reward: -100, done: true });
  });

  it('counts reading the recipe as an optional subgoal', () => {
    const env = new SciWorldEnv();
    env.reset(MIX + 2);
    walkTo(env, env.step('look around').observation, 'kitchen');
    expect(env.goalsText()).toContain('\tfalse\tread recipe');
    env.step('read recipe');
    expect(env.goalsText()).toContain('\ttrue\tread recipe');
  });
});

describe('chemistry tasks: oracle', () => {
  it('scores 100 within 30 rounds on the split-candidate items of each type', () => {
    for (const [type, first, n] of [
      ['6-1', MIX, 32],
      ['6-2', SECONDARY, 36],
      ['6-3', TERTIARY, 36],
    ] as const) {
      for (let k = 0; k < 25; k++) {
        const v = Math.floor((k * n) / 25);
        expect(solve(first + v), `${type} variation ${v}`).toMatchObject({ reward: 100, done: true });
      }
    }
  });
});
