import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createHttpApp } from '../../../server/http-app.ts';
import { solve } from '../../../testing/sciworld.ts';
import { isPlayable, type TreeNode } from '../contract.ts';
import { format } from './format.ts';
import { JavaRandom } from './java-random.ts';
import { sciworld } from './manifest.ts';
import { BUILT_TYPES } from './families.ts';
import { BEYOND_ROUND_CAP } from './grow-task.ts';
import { NO_MATCH, SciWorldEnv } from './sciworld.ts';
import { AGENTGYM_ITEM_COUNT, ALL_TYPES, firstIndex, ITEM_COUNT, TASK_TYPES, taskOf } from './tasks.ts';

function play(item: number, actions: string[]) {
  const env = new SciWorldEnv();
  const first = env.reset(item);
  const steps = actions.map((a) => env.step(a));
  return { env, first, steps, last: steps[steps.length - 1] };
}

describe("AgentGym's data_idx table", () => {
  it('maps 4,639 items over the 23 reachable task types in order', () => {
    expect(AGENTGYM_ITEM_COUNT).toBe(4639);
    expect(taskOf(0)).toMatchObject({ type: { id: '1-1' }, variation: 0 });
    expect(taskOf(119)).toMatchObject({ type: { id: '1-4' }, variation: 29 });
    expect(taskOf(120)).toMatchObject({ type: { id: '2-1' }, variation: 0 });
    expect(taskOf(1396)).toMatchObject({ type: { id: '3-1' }, variation: 0 });
    expect(taskOf(2936)).toMatchObject({ type: { id: '4-1' }, variation: 0 });
    expect(taskOf(4136)).toMatchObject({ type: { id: '6-1' }, variation: 0 });
    expect(taskOf(4638)).toMatchObject({ type: { id: '8-2' }, variation: 9 });
    expect(TASK_TYPES.map((t) => t.id)).not.toContain('5-1');
  });

  it("numbers the seven types AgentGym skips after its table, in ScienceWorld's order", () => {
    expect(ITEM_COUNT).toBe(4639 + 2568);
    expect(sciworld.itemCount).toBe(ITEM_COUNT);
    expect(taskOf(4639)).toMatchObject({ type: { id: '5-1' }, variation: 0 });
    expect(taskOf(4639 + 252)).toMatchObject({ type: { id: '9-1' }, variation: 0 });
    expect(taskOf(ITEM_COUNT - 1)).toMatchObject({ type: { id: '10-2' }, variation: 479 });
  });

  it('declares exactly the built task types as playable (but those beyond the round cap)', () => {
    for (const type of ALL_TYPES) {
      const at = firstIndex(type.id);
      const playable = BUILT_TYPES.has(type.id) && !BEYOND_ROUND_CAP.has(type.id);
      expect(isPlayable(sciworld, at), type.id).toBe(playable);
      expect(isPlayable(sciworld, at + type.variations - 1), type.id).toBe(playable);
    }
  });

  it('refuses to reset an item past the table', () => {
    expect(() => new SciWorldEnv().reset(ITEM_COUNT)).toThrow('list index out of range');
  });
});

describe('java.util.Random', () => {
  it("draws what the JVM draws for the same seed (checked against jshell's java.util.Random(42))", () => {
    const r = new JavaRandom(42);
    expect([r.nextInt(10), r.nextInt(100), r.nextBoolean(), r.nextInt(7), r.nextInt(1 << 20)]).toEqual([0, 63, true, 3, 323715]);
  });
});

describe('texts', () => {
  it("shows the task description then ScienceWorld's look-around layout", () => {
    const { first } = play(2, []);
    expect(first.split('\n').slice(0, 6)).toEqual([
      'Your task is to boil water. For compounds without a boiling point, combusting the substance is also acceptable. First, focus on the substance. Then, take actions that will cause it to change its state of matter.',
      'This room is called the kitchen. In it, you see: ',
      '\tthe agent',
      '\ta substance called air',
      '\ta chair. On the chair is: nothing.',
      '\ta counter. On the counter is: a bowl (containing a red apple, a banana, an orange, a potato), a drawer.',
    ]);
    expect(first).toContain('\ta cupboard. The cupboard door is closed. \n');
    expect(first).toContain('\ta fridge. The fridge door is closed. \n');
    expect(first).toContain('\ta thermometer, currently reading a temperature of 10 degrees celsius\n');
    expect(first.endsWith('You also see:\n\tA door to the bathroom (that is closed)\n\tA door to the hallway (that is closed)\n\tA door to the outside (that is closed)')).toBe(true);
  });

  it('answers the core actions with their ScienceWorld replies', () => {
    const { steps } = play(2, ['open fridge', 'open fridge', 'look in fridge', 'pick up thermometer', 'inventory', 'go to hallway', 'open door to hallway', 'go to hallway', 'task']);
    expect(steps.map((s) => s.observation)).toEqual([
      'The fridge is now open.',
      'The fridge is already open.',
      'Inside the fridge is: \n\ta wood cup (containing orange juice)',
      'You move the thermometer to the inventory.',
      'In your inventory, you see:\n\tan orange\n\ta thermometer, currently reading a temperature of 10 degrees celsius',
      'The door is not open.',
      'The door is now open.',
      'You move to the hallway.',
      'Task description:\nYour task is to boil water. For compounds without a boiling point, combusting the substance is also acceptable. First, focus on the substance. Then, take actions that will cause it to change its state of matter.',
    ]);
  });

  it('asks which one is meant with numbered choices, and takes the number as the answer', () => {
    const { steps } = play(0, ['open door', '1', 'look around']);
    expect(steps[0].observation).toBe(
      'Ambiguous request: Please enter the number for the action you intended (or blank to cancel):\n0:\topen door between kitchen and hallway\n1:\topen door between living room and hallway\n2:\topen door between bedroom and hallway\n3:\topen door between workshop and hallway\n4:\topen door between greenhouse and hallway\n5:\topen door between art studio and hallway\n',
    );
    expect(steps[1].observation).toBe('The door is now open.');
    expect(steps[2].observation).toContain('A door to the living room (that is open)');
  });
});

describe('help', () => {
  it("lists ScienceWorld's action phrasings, letting no time pass", () => {
    const { env, last } = play(0, ['help']);
    expect(last.observation.split('\n\t').slice(0, 8)).toEqual(['Possible actions: ', 'activate OBJ', 'close OBJ', 'connect OBJ to OBJ', 'deactivate OBJ', 'disconnect OBJ', 'dunk OBJ in OBJ', 'eat OBJ']);
    expect(last.observation).toContain('\n\tgo OBJ\n\t');
    expect(env.detail()).toMatchObject({ moves: 0 });
  });
});

describe('household actions', () => {
  it('eats, reads, flushes, dunks and mixes as ScienceWorld answers', () => {
    const { steps } = play(1, ['open door to hallway', 'go to hallway', 'open door to living room', 'go to living room', 'read sherlock holmes book', 'read couch', 'eat orange in inventory', 'eat couch']);
    expect(steps[4].observation.startsWith('Sherlock Holmes\nTo Sherlock Holmes she is always the woman.')).toBe(true);
    expect(steps.slice(5).map((s) => s.observation)).toEqual(["It's not clear how to read that.", 'The orange was delicious.', 'The couch is not edible.']);
    const bath = play(2, ['open door to bathroom', 'go to bathroom', 'flush toilet', 'flush toilet', 'pick up glass cup', 'dunk glass cup in sink', 'look around']);
    expect(bath.steps.slice(2, 6).map((s) => s.observation)).toEqual([
      'The toilet is now flushing.',
      'That is already flushing.',
      'You move the glass cup to the inventory.',
      'The sink does not contain any liquids to dunk into.',
    ]);
    expect(bath.last.observation).toContain('a toilet, which is flushing.');
    // Item 11 starts in the kitchen, with a working sink.
    const salt = play(11, ['open cupboard', 'pick up metal pot', 'move metal pot to sink', 'activate sink', 'deactivate sink', 'mix metal pot', 'open glass jar', 'move sodium chloride to metal pot', 'mix metal pot', 'look in metal pot']);
    expect(salt.steps[6].observation).toBe('The glass jar is now open.');
    expect([salt.steps[5], ...salt.steps.slice(7)].map((s) => s.observation)).toEqual([
      'There is only one thing (water)',
      'You move the sodium chloride to the metal pot.',
      'Sodium chloride and water mix to produce salt water.',
      'Inside the metal pot is: \n\ta substance called salt water',
    ]);
  });
});

describe('actions and time', () => {
  it('answers unknown input with the no-match message and lets no time pass', () => {
    const { env, steps } = play(0, ['jump over the moon', '', 'look at unicorn']);
    for (const s of steps) expect(s).toMatchObject({ observation: NO_MATCH, reward: 0, done: false, info: { valid: false, moves: 0 } });
    expect(env.step('wait1').info.moves).toBe(2);
    expect(env.step('wait').info.moves).toBe(13);
    expect(env.step('look around').info.moves).toBe(13);
  });

  it('ends past 100 moves as a truncation, unsolved', () => {
    const { steps } = play(0, Array(10).fill('wait'));
    expect(steps[8]).toMatchObject({ done: false, truncated: false, info: { moves: 99 } });
    expect(steps[9]).toMatchObject({ done: false, truncated: true, info: { moves: 110 } });
  });

  it('ends at -100 on a focus on the wrong thing', () => {
    const { last } = play(0, ['focus on air']);
    expect(last).toMatchObject({ observation: 'You focus on the air.', reward: -100, done: true });
  });

  it('draws the room and which subgoals are met', () => {
    const { env } = play(2, ['open freezer']);
    const before = env.picture();
    expect(before).toMatchObject({ kind: 'stack', parts: [{ kind: 'tree' }, { kind: 'cards', summary: 'score 0 · 0 of 3 in order' }] });
    env.step('focus on thermometer');
    const after = env.picture();
    const subgoals = after?.kind === 'stack' ? after.parts[1] : null;
    expect(subgoals).toMatchObject({ kind: 'cards', summary: 'score -100 · 0 of 3 in order · failed' });
    expect(subgoals?.kind === 'cards' ? subgoals.cards[0] : null).toMatchObject({ title: 'focus on substance', tone: 'neutral' });
  });

  it('draws the room as a tree: open containers show what they hold, closed ones do not; doors, inventory and thermometer readings', () => {
    const { env } = play(2, ['pick up thermometer', 'use thermometer on soap']);
    const view = env.picture();
    const tree = view?.kind === 'stack' && view.parts[0].kind === 'tree' ? view.parts[0] : null;
    const [room, inventory] = tree!.nodes;
    const child = (n: TreeNode, label: string) => n.children?.find((c) => c.label === label);
    expect(room.label).toBe('kitchen');
    expect(child(room, 'soap')).toMatchObject({ notes: [expect.stringMatching(/^read -?\d+ °C$/)] });
    expect(child(room, 'fridge')).toMatchObject({ notes: ['closed', 'on'] });
    expect(child(room, 'fridge')?.children).toBeUndefined();
    expect(child(room, 'door between kitchen and hallway')).toMatchObject({ notes: ['closed'] });
    expect(inventory.children?.map((c) => c.label)).toContain('thermometer');
    env.step('open fridge');
    const opened = env.picture();
    const fridge = opened?.kind === 'stack' && opened.parts[0].kind === 'tree' ? child(opened.parts[0].nodes[0], 'fridge') : null;
    expect(fridge?.notes).toEqual(['open', 'on']);
    expect(fridge?.children?.length).toBeGreaterThan(0);
  });

  it('plays the same item the same way twice', () => {
    const actions = ['open door to kitchen', 'go to kitchen', 'open cupboard', 'pick up metal pot', 'wait', 'look around'];
    expect(play(0, actions).steps).toEqual(play(0, actions).steps);
  });
});

describe('physics', () => {
  // Item 4 is "boil ice" with a working stove; the agent starts in the hallway.
  const toKitchen = ['open door to kitchen', 'go to kitchen'];

  it('melts ice on a hot stove within a few ticks, and boils it after', () => {
    const { env, steps } = play(4, [...toKitchen, 'open freezer', 'look in freezer', 'focus on ice', 'pick up ice', 'move ice to stove', 'activate stove', 'look at stove']);
    expect(steps[3].observation).toBe('Inside the freezer is: \n\ta substance called ice');
    expect(steps[8].observation).toBe('a stove, which is turned on. On the stove is: a substance called water.');
    const after = env.step('wait');
    expect(after).toMatchObject({ reward: 100, done: true });
  });

  it('freezes water in the freezer but not in the room', () => {
    const { env } = play(60, [...toKitchen, 'open cupboard', 'pick up metal pot', 'move metal pot to sink', 'activate sink', 'deactivate sink', 'look in sink']);
    expect(env.observation()).toBe('Inside the sink is: \n\ta metal pot (containing a substance called water)\n\n You also see: A drain, which is open.');
    env.step('focus on water in metal pot');
    env.step('pick up metal pot');
    env.step('wait');
    expect(env.step('look in inventory').observation).toContain('a metal pot (containing a substance called water)');
    env.step('open freezer');
    env.step('move metal pot in inventory to freezer');
    let last = env.step('wait');
    for (let i = 0; i < 3 && !last.done; i++) last = env.step('wait');
    expect(last).toMatchObject({ reward: 100, done: true });
  });
});

// The eval split is played by the conformance suite; each family's test plays its own samples.
describe('oracle', { timeout: 120_000 }, () => {
  it('scores 100 on every variation of the four matter tasks', () => {
    for (let item = 0; item < 120; item++) expect(solve(item), `item ${item}`).toMatchObject({ reward: 100, done: true });
  });

  it('scores 100 on a sample of every find task: each living-thing set, each answer box', () => {
    for (const type of ['4-1', '4-2', '4-3', '4-4']) {
      for (let v = 0; v < 300; v += 7) expect(solve(firstIndex(type) + v), `${type} variation ${v}`).toMatchObject({ reward: 100, done: true });
    }
  });
});

describe('agent format', () => {
  it("reads the action as AgentGym's client does", () => {
    expect(format.extractAction('Thought:\nhot.\n\nAction:\nactivate stove')).toEqual({ action: 'activate stove' });
    expect(format.extractAction('Action: open door to kitchen</s>')).toEqual({ action: 'open door to kitche' });
    expect(format.extractAction('I think I will wait')).toEqual({ action: '' });
  });
});

describe("AgentGym's HTTP routes", () => {
  it('resets by data_idx with the task fields, steps with the delta and the score, observes the last reply', async () => {
    const server = createServer(createHttpApp({ epoch: 0 }));
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sciworld`;
    const post = async (route: string, body: unknown) => (await fetch(`${base}/${route}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })).json();
    try {
      const { id } = (await post('create', {})) as { id: number };
      const reset = (await post('reset', { id, data_idx: 95 })) as Record<string, unknown>;
      expect(reset).toMatchObject({ task_name: 'change-the-state-of-matter-of', var_num: 5, task_description: expect.stringMatching(/^Your task is to change the state of matter of ice\. /), reward: 0, score: 0, deleted: false, done: false });
      expect(String(reset.observation)).toMatch(/^This (room|outside location) is called the /);
      expect(await (await fetch(`${base}/observation?id=${id}`)).json()).toBe(reset.observation);
      expect(await post('step', { id, action: 'look around' })).toMatchObject({ reward: expect.any(Number), score: expect.any(Number), done: false });
      const wrong = (await post('step', { id, action: 'focus on agent' })) as { reward: number; score: number; done: boolean };
      expect(wrong).toMatchObject({ observation: 'You focus on the agent.', score: -100, done: true });
      expect(wrong.reward).toBeLessThan(0);
    } finally {
      await new Promise((done) => server.close(done));
    }
  });
});
