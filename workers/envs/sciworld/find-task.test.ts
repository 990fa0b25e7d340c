import { describe, expect, it } from 'vitest';
import { startRoom, walk } from './oracle-walk.ts';
import { SciWorldEnv } from './sciworld.ts';

function play(item: number, actions: string[]) {
  const env = new SciWorldEnv();
  const first = env.reset(item);
  const steps = actions.map((a) => env.step(a));
  return { env, first, steps, last: steps[steps.length - 1] };
}

// Variation 0 of each find task: the agent starts in the hallway; the box is red, in the kitchen.
const toGreenhouse = ['open door to greenhouse', 'go to greenhouse'];
const toOutside = [...toGreenhouse, 'open door to outside', 'go to outside'];
const lines = (obs: string) => obs.split('\n').map((l) => l.trim());

describe('find tasks: texts', () => {
  it('states the task as ScienceWorld does, naming the box and its room', () => {
    expect(play(2936, []).first.split('\n')[0]).toBe('Your task is to find a(n) living thing. First, focus on the thing. Then, move it to the red box in the kitchen.');
    expect(play(3236 + 29, []).first.split('\n')[0]).toBe('Your task is to find a(n) non-living thing. First, focus on the thing. Then, move it to the purple box in the workshop.');
    expect(play(3836 + 7, []).first.split('\n')[0]).toBe('Your task is to find a(n) animal. First, focus on the thing. Then, move it to the green box in the bathroom.');
  });

  it('pots three adult plants with soil and leaves two pots empty in the greenhouse; they flower in ten ticks', () => {
    const { steps } = play(2936, [...toGreenhouse, 'look around', 'wait', 'look around', 'look at flower']);
    const seen = lines(steps[2].observation);
    expect(seen.filter((l) => l.startsWith('a flower pot'))).toEqual([
      'a flower pot 2 (containing nothing)',
      'a flower pot 5 (containing a pea plant in the adult stage with a tall height, soil)',
      'a flower pot 6 (containing a cherry tree in the adult stage, soil)',
      'a flower pot 8 (containing a apple tree in the adult stage, soil)',
      'a flower pot 9 (containing nothing)',
    ]);
    const later = lines(steps[4].observation);
    expect(later).toContain('a flower pot 5 (containing a pea plant in the reproducing stage with a tall height. On the pea plant you see: a purple flower. , soil)');
    expect(later).toContain('a flower pot 8 (containing a apple tree in the reproducing stage. On the apple tree you see: a flower. , soil)');
    // Three flowers answer to "flower": the numbered choice lists them.
    expect(steps[5].observation).toMatch(/^Ambiguous request: Please enter the number for the action you intended \(or blank to cancel\):/);
  });

  it('grows the animals outside through their life stages, each named as its species names it', () => {
    const { steps } = play(3836, [...toOutside, 'look around', 'wait', 'wait', 'look around']);
    const before = lines(steps[4].observation);
    expect(before).toEqual(expect.arrayContaining(['a blue jay egg', 'a butterfly egg', 'a dove egg']));
    const after = lines(steps[7].observation);
    expect(after).toEqual(expect.arrayContaining(['a hatchling blue jay', 'a caterpillar', 'a hatchling dove']));
    expect(after).not.toContain('a butterfly egg');
  });

  it('shows the bees as adult bees: five in the hive, flying out into the room once it is open', () => {
    const { steps } = play(2936, [...toGreenhouse, 'open bee hive', 'look around']);
    const look = steps[3].observation;
    expect(look).toMatch(/^\ta bee hive\. The bee hive door is open\. In the bee hive is: (a adult bee(, a adult bee)*|nothing)\.$/m);
    expect(look.match(/a adult bee/g)).toHaveLength(5);
  });

  it('lets a plant taken from its soil sicken, then die', () => {
    const { steps } = play(3536, [...toGreenhouse, 'pick up apple tree', 'look at apple tree', 'wait1', 'look at apple tree', 'wait1', 'wait1', 'look at apple tree']);
    expect([3, 5, 8].map((i) => steps[i].observation)).toEqual(['a apple tree in the adult stage', 'a apple tree in the adult stage (that looks unwell)', 'a dead apple tree']);
  });
});

describe('find tasks: scoring', () => {
  it('scores focus then the answer box, with the optional subgoals between', () => {
    const { steps } = play(2936, [...toGreenhouse, 'focus on pea plant', 'pick up flower pot 5', 'go to hallway', 'open door to kitchen', 'go to kitchen', 'move flower pot 5 to red box']);
    expect(steps.map((s) => s.reward)).toEqual([8, 17, 67, 75, 75, 75, 83, 100]);
    expect(steps[7]).toMatchObject({ observation: 'You move the flower pot 5 to the red box.', done: true });
  });

  it('fails at -100 on a focus on the wrong kind of thing', () => {
    expect(play(3836, [...toGreenhouse, 'focus on apple tree']).last).toMatchObject({ observation: 'You focus on the apple tree.', reward: -100, done: true });
    expect(play(3536, [...toGreenhouse, 'focus on sink']).last).toMatchObject({ reward: -100, done: true });
    expect(play(3236, [...toGreenhouse, 'open bee hive', 'focus on bee 0']).last).toMatchObject({ observation: 'You focus on the adult bee.', reward: -100, done: true });
  });

  it('counts a bee as a living thing and an animal', () => {
    expect(play(2936, [...toGreenhouse, 'open bee hive', 'focus on bee 0']).last).toMatchObject({ reward: 67, done: false });
    expect(play(3836, [...toGreenhouse, 'open bee hive', 'focus on bee 0']).last).toMatchObject({ reward: 67, done: false });
  });

  it('takes a fixed thing as no answer (no failure) when a non-living thing is asked for, then a movable one', () => {
    const { steps } = play(3236, ['focus on door to kitchen', 'focus on orange in inventory', 'open door to kitchen', 'go to kitchen', 'move orange in inventory to red box']);
    expect(steps.map((s) => [s.reward, s.done])).toEqual([
      [0, false],
      [58, false],
      [67, false],
      [83, false],
      [100, true],
    ]);
  });
});

/** Walks from wherever the item starts to `room` and looks around there. */
function lookIn(item: number, room: string): string {
  const env = new SciWorldEnv();
  const walker = { room: startRoom(env.reset(item)), opened: new Set<string>() };
  const steps = walk(walker, room);
  for (let next = steps.next(''); !next.done; next = steps.next(env.step(next.value).observation));
  return env.step('look around').observation;
}

describe('find tasks: variations', () => {
  it('gives each of the ten living-thing sets three animals, three plants of different kinds and five numbered pots', () => {
    const fixtures = /^(the agent|a substance called|an axe|a fire pit|a fountain|the ground|a shovel)/;
    const animalSets = new Set<string>();
    for (let group = 0; group < 10; group++) {
      const pots = lines(lookIn(2936 + 30 * group, 'greenhouse')).flatMap((l) => {
        const m = /^a flower pot (\d) \(containing (?:nothing|a ([a-z]+ (?:tree|plant)) in the .*)\)$/.exec(l);
        return m ? [{ n: m[1], plant: m[2] }] : [];
      });
      expect(new Set(pots.map((p) => p.n)).size, `set ${group}`).toBe(5);
      const plants = pots.flatMap((p) => (p.plant ? [p.plant] : []));
      expect(new Set(plants).size, `set ${group}`).toBe(3);
      const outside = lookIn(2936 + 30 * group, 'outside');
      const animals = lines(outside.split('You also see:')[0]).slice(1).filter((l) => l && !fixtures.test(l));
      expect(animals, `set ${group}`).toHaveLength(3);
      animalSets.add(animals.join(','));
    }
    expect(animalSets.size).toBeGreaterThan(5);
  });
});
