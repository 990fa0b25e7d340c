import { describe, expect, it } from 'vitest';
import { solve } from '../../../testing/sciworld.ts';
import { startRoom, walk } from './oracle-walk.ts';
import { SciWorldEnv } from './sciworld.ts';
import { firstIndex, TASK_TYPES } from './tasks.ts';

const at = (type: string, variation: number) => firstIndex(type) + variation;

function play(item: number, actions: string[]) {
  const env = new SciWorldEnv();
  const first = env.reset(item);
  const steps = actions.map((a) => env.step(a));
  return { env, first, steps, last: steps[steps.length - 1] };
}

/** Walks from wherever the item starts to the outside; the env and what a look there shows. */
function outside(item: number) {
  const env = new SciWorldEnv();
  const walker = { room: startRoom(env.reset(item)), opened: new Set<string>() };
  const steps = walk(walker, 'outside');
  for (let next = steps.next(''); !next.done; next = steps.next(env.step(next.value).observation));
  return { env, look: env.step('look around').observation };
}

const FIXTURES = /^(the agent|a substance called|an axe|a fire pit|a fountain|the ground|a shovel)/;
/** The living things a look outside lists, one per line. */
const living = (look: string) =>
  look
    .split('You also see:')[0]
    .split('\n')
    .slice(1)
    .map((l) => l.trim())
    .filter((l) => l && !FIXTURES.test(l));

describe('life tasks: texts', () => {
  it("states each task as ScienceWorld's templates do", () => {
    const first = (item: number) => play(item, []).first.split('\n')[0];
    expect(first(at('7-1', 0))).toBe("Your task is to find the animal with the longest life span.  The animals are in the 'outside' location.  Focus on the animal with the longest life span.");
    expect(first(at('7-2', 0))).toBe("Your task is to find the animal with the shortest life span.  The animals are in the 'outside' location.  Focus on the animal with the shortest life span.");
    expect(first(at('7-3', 0))).toBe(
      "Your task is to find the animal with the longest life span, then the shortest life span. First, focus on the animal with the longest life span.  Then, focus on the animal with the shortest life span. The animals are in the 'outside' location.",
    );
    expect(first(at('8-1', 0))).toBe('Your task is to focus on the 4 life stages of the turtle, starting from earliest to latest.');
    expect(first(at('8-2', 0))).toBe('Your task is to focus on the life stages of the apple plant, starting from earliest to latest. The plants are located outside.');
  });

  it('names each task type as AgentGym does', () => {
    const env = new SciWorldEnv();
    for (const id of ['7-1', '7-2', '7-3', '8-1', '8-2']) {
      env.reset(at(id, 0));
      expect(env.detail().task_name).toBe(TASK_TYPES.find((t) => t.id === id)!.name);
    }
  });
});

describe('lifespans: variations', () => {
  it('puts one long-, one medium- and one short-lived animal outside, every combination once over the 125 variations', () => {
    const long = /giant tortoise|parrot|elephant|crocodile|brown bear/;
    const medium = /beaver|wolf|chipmunk|frog|rabbit/;
    const short = /hedgehog|mouse|chameleon|dragonfly|\bant\b/;
    const seen = new Set<string>();
    for (let v = 0; v < 125; v++) {
      const { env } = outside(at('7-1', v));
      const animals = living(env.step('look around').observation);
      expect(animals, `variation ${v}`).toHaveLength(3);
      expect([long, medium, short].map((re) => animals.filter((a) => re.test(a)).length), `variation ${v}`).toEqual([1, 1, 1]);
      seen.add([...animals].sort().join(','));
    }
    expect(seen.size).toBe(125);
  });

  it('shows the animals young, named by their stage (a toad hatches from a frog egg)', () => {
    const names = new Set<string>();
    for (let v = 0; v < 125; v += 3) for (const a of living(outside(at('7-2', v)).look)) names.add(a);
    expect(names).toContain('a giant tortoise egg');
    expect(names).toContain('a baby elephant');
    expect(names).toContain('a frog egg');
    expect(names).toContain('a chameleon egg');
    expect(names).toContain('a baby ant');
  });
});

describe('lifespans: scoring', () => {
  /** Variation 0 of 7-1/7-2/7-3: the agent starts in the hallway; outside are a brown bear, a wolf and a mouse. */
  const toOutside = ['open door to kitchen', 'go to kitchen', 'open door to outside', 'go to outside'];

  it('holds the variation-0 animals this suite relies on', () => {
    expect(living(outside(at('7-1', 0)).look)).toEqual(['a baby brown bear', 'a baby mouse', 'a baby wolf']);
  });

  it('scores the move outside as the optional goals, then the focus on the longest-lived', () => {
    const { steps } = play(at('7-1', 0), [...toOutside, 'focus on brown bear']);
    expect(steps.map((s) => s.reward)).toEqual([0, 25, 25, 50, 100]);
    expect(steps[4]).toMatchObject({ observation: 'You focus on the baby brown bear.', done: true });
  });

  it('fails at -100 on a focus on any other animal', () => {
    expect(play(at('7-1', 0), [...toOutside, 'focus on wolf']).last).toMatchObject({ observation: 'You focus on the baby wolf.', reward: -100, done: true });
    expect(play(at('7-2', 0), [...toOutside, 'focus on brown bear']).last).toMatchObject({ reward: -100, done: true });
    expect(play(at('7-2', 0), [...toOutside, 'focus on mouse']).last).toMatchObject({ reward: 100, done: true });
  });

  it('takes the longest-lived, lets go of it, then wants the shortest-lived (the same animal twice fails)', () => {
    const { steps } = play(at('7-3', 0), [...toOutside, 'focus on brown bear', 'focus on mouse']);
    expect(steps.slice(4).map((s) => [s.reward, s.done])).toEqual([
      [83, false],
      [100, true],
    ]);
    expect(play(at('7-3', 0), [...toOutside, 'focus on brown bear', 'focus on brown bear']).last).toMatchObject({ reward: -100, done: true });
    expect(play(at('7-3', 0), [...toOutside, 'focus on mouse']).last).toMatchObject({ reward: -100, done: true });
  });
});

describe('life stages 1: an animal grows up', () => {
  it('adds the animal and up to five other species, never a second of its own', () => {
    for (let v = 0; v < 14; v++) {
      const { env } = outside(at('8-1', v));
      const species = /the \d life stages of the (.+?),/.exec(env.step('task').observation)![1];
      const all = living(env.step('look around').observation);
      expect(all.length, `variation ${v}`).toBeGreaterThanOrEqual(5);
      expect(all.length, `variation ${v}`).toBeLessThanOrEqual(6);
      expect(env.step(`look at ${species}`).observation, `variation ${v}`).toMatch(/^a /);
    }
  });

  it('names the stages as the species does: a moth looks like a butterfly; its egg hatches into a caterpillar after 20 ticks', () => {
    // Variation 0 (a turtle) has a moth among its distractors; the walk outside takes four ticks.
    const { env, look } = outside(at('8-1', 0));
    expect(living(look)).toEqual(['a baby beaver', 'a giant tortoise egg', 'a butterfly egg', 'a parrot egg', 'a turtle egg', 'a baby wolf']);
    expect(env.step('look at moth').observation).toBe('a butterfly egg');
    for (let i = 0; i < 14; i++) env.step('look at ground');
    expect(env.step('look at moth').observation).toBe('a butterfly egg');
    expect(env.step('look at moth').observation).toBe('a caterpillar');
    expect(env.step('look at turtle').observation).toBe('a hatchling turtle');
  });

  it('scores each stage in order, the focus let go after each; a focus on the wrong stage or animal fails at -100', () => {
    const toOutside = ['open door to kitchen', 'go to kitchen', 'open door to outside', 'go to outside'];
    const { steps } = play(at('8-1', 0), [...toOutside, 'focus on turtle', 'wait', 'wait', 'focus on turtle']);
    expect(steps.slice(4).map((s) => s.observation)).toEqual(['You focus on the turtle egg.', 'You decide to wait for 10 iterations.', 'You decide to wait for 10 iterations.', 'You focus on the hatchling turtle.']);
    // Four stages, five optional goals (there, then 10, 20 and 30 steps there).
    expect(steps.slice(4).map((s) => s.reward)).toEqual([33, 41, 45, 70]);
    expect(steps[7].done).toBe(false);
    expect(play(at('8-1', 0), [...toOutside, 'focus on turtle', 'focus on turtle']).last).toMatchObject({ reward: -100, done: true });
    expect(play(at('8-1', 0), [...toOutside, 'focus on moth']).last).toMatchObject({ reward: -100, done: true });
  });
});

describe('life stages 2: a fruit tree from seed', () => {
  it('pots the tree in each stage in numbered self-watering pots, beside one species in each of its stages', () => {
    const pots = (look: string) => living(look).filter((l) => l.startsWith('a self watering flower pot'));
    const { look } = outside(at('8-2', 0));
    expect(pots(look)).toEqual([
      'a self watering flower pot 4 (containing a apple seed, soil, a substance called water)',
      'a self watering flower pot 5 (containing a dead apple tree, soil, a substance called water)',
      'a self watering flower pot 6 (containing a apple tree in the seedling stage, soil, a substance called water)',
      'a self watering flower pot 7 (containing a apple tree in the adult stage, soil)',
      'a self watering flower pot 9 (containing a apple tree in the reproducing stage, soil)',
    ]);
    expect(living(look).filter((l) => /blue jay/.test(l))).toEqual(['a blue jay egg', 'a hatchling blue jay', 'a juvenile blue jay', 'a adult blue jay', 'a dead blue jay']);
    for (let v = 1; v < 10; v++) {
      const numbers = pots(outside(at('8-2', v)).look).map((p) => /pot (\d)/.exec(p)![1]);
      expect(new Set(numbers).size, `variation ${v}`).toBe(5);
    }
  });

  it('grows a seed with water and soil: a seedling on the 10th tick, an adult 10 ticks later, reproducing 5 after that', () => {
    // Variation 0 starts in the hallway: four steps (four ticks) to the outside; each 'look at' is a tick, a look around none.
    const { env } = outside(at('8-2', 0));
    const seedPot = () => env.step('look around').observation.split('\n').find((l) => l.includes('self watering flower pot 4'))!;
    const ticks = (n: number) => {
      for (let i = 0; i < n; i++) env.step('look at ground');
    };
    ticks(5);
    expect(seedPot()).toContain('a apple seed');
    ticks(1);
    expect(seedPot()).toContain('a apple tree in the seedling stage');
    ticks(9);
    expect(seedPot()).toContain('a apple tree in the seedling stage');
    ticks(1);
    expect(seedPot()).toContain('a apple tree in the adult stage');
    ticks(5);
    expect(seedPot()).toContain('a apple tree in the reproducing stage');
  });

  it('scores seed, seedling, adult, reproducing in order; a focus on the dead tree fails at -100', () => {
    const toOutside = ['open door to kitchen', 'go to kitchen', 'open door to outside', 'go to outside'];
    // Ticks: four to walk, one per focus, two per wait1; the seedling in pot 6 grows up on the 10th.
    const focus = ['focus on apple seed', 'focus on seedling apple tree', 'focus on adult apple tree'];
    expect(play(at('8-2', 0), [...toOutside, ...focus]).last.observation).toBe('No known action matches that input.');
    const { steps } = play(at('8-2', 0), [...toOutside, ...focus.slice(0, 2), 'wait1', 'wait1', focus[2], 'focus on apple tree in self watering flower pot 9']);
    expect(steps.slice(4).map((s) => s.reward)).toEqual([33, 58, 62, 62, 87, 100]);
    expect(steps[steps.length - 1]).toMatchObject({ observation: 'You focus on the apple tree.', done: true });
    expect(play(at('8-2', 0), [...toOutside, 'focus on dead apple tree']).last).toMatchObject({ reward: -100, done: true });
    expect(play(at('8-2', 0), [...toOutside, 'focus on apple seed', 'focus on blue jay egg']).last).toMatchObject({ reward: -100, done: true });
  });
});


describe('life tasks: oracle', () => {
  it('scores 100 within 30 rounds on the split candidates of every life task type (all of 8-1 and 8-2)', () => {
    for (const id of ['7-1', '7-2', '7-3', '8-1', '8-2']) {
      const n = TASK_TYPES.find((t) => t.id === id)!.variations;
      const variations = new Set(Array.from({ length: 25 }, (_, k) => Math.floor((k * n) / 25)));
      if (n < 25) for (let v = 0; v < n; v++) variations.add(v);
      for (const v of variations) expect(solve(at(id, v)), `${id} variation ${v}`).toMatchObject({ reward: 100, done: true });
    }
  });

  it('scores 100 on a further sample of the lifespan tasks', () => {
    for (const id of ['7-1', '7-2', '7-3']) for (let v = 2; v < 125; v += 11) expect(solve(at(id, v)), `${id} variation ${v}`).toMatchObject({ reward: 100, done: true });
  });
});
