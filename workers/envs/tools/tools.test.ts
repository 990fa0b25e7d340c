import { describe, expect, it } from 'vitest';
import { ToolEnv, type ToolSuite, type ToolTask } from './engine.ts';
import { BAD_INPUT, FORMAT_ERROR, NOT_ACTION, parseCall } from './grammar.ts';
import { parseLiteral } from './literal.ts';
import { extractToolCall } from './format.ts';
import { ProgramOracle, type Program } from './program.ts';
import { dict, floatRepr, PyError, pyEquals, pyRepr, pySorted, type PyValue } from './py.ts';

describe('Python values', () => {
  it('prints like Python repr/str', () => {
    expect(pyRepr(dict({ a: 1n, b: 26, c: [1.5, 'x', null, true], d: "it's" }))).toBe(`{'a': 1, 'b': 26.0, 'c': [1.5, 'x', None, True], 'd': "it's"}`);
    expect([1e16, 1e-5, 0.1 + 0.2, -0.0, 123456789012345.6].map(floatRepr)).toEqual(['1e+16', '1e-05', '0.30000000000000004', '-0.0', '123456789012345.6']);
    expect(pyRepr('a\'b"c\n')).toBe(`'a\\'b"c\\n'`);
  });

  it('compares like Python ==: numbers across int/float/bool, nothing across str', () => {
    expect(pyEquals(2n, 2.0)).toBe(true);
    expect(pyEquals(true, 1n)).toBe(true);
    expect(pyEquals(2n, '2')).toBe(false);
    expect(pyEquals('Yes', 'yes')).toBe(false);
    expect(pyEquals(6.4, 6.399999999999999)).toBe(false);
    expect(pyEquals([1n, 'a'], [1.0, 'a'])).toBe(true);
    expect(pyEquals(dict({ a: 1n }), dict({ a: 1n, b: 2n }))).toBe(false);
  });

  it("sorts like Python's sorted: lists item by item, a TypeError across kinds", () => {
    expect(pySorted([[2n, 'b'], [1.5, 'z'], [2n, 'a'], [2n]])).toEqual([[1.5, 'z'], [2n], [2n, 'a'], [2n, 'b']]);
    expect(pySorted(['b', 'a', 'B'])).toEqual(['B', 'a', 'b']);
    expect(() => pySorted([1n, 'a'])).toThrow("'<' not supported between instances of 'str' and 'int'");
    expect(() => pySorted([dict({}), dict({})])).toThrow("'<' not supported between instances of 'dict' and 'dict'");
  });

  it('reads Python and JSON literals, keeping int and float apart', () => {
    expect(parseLiteral(`{'a': True, "b": None, 'c': (1, -2.5), 'd': 'x' "y", 'e': 26.0,}`)).toEqual(
      dict({ a: true, b: null, c: [1n, -2.5], d: 'xy', e: 26 }),
    );
    expect(typeof parseLiteral('26')).toBe('bigint');
    expect(() => parseLiteral('{"a": true}')).toThrow();
    expect(parseLiteral('{"a": true}', { json: true })).toEqual(dict({ a: true }));
    for (const bad of ['{"a": 1 + 2}', "{'a': x}", '{1: 2}', '[1, 2', "'abc", '{"a": 1} trailing']) expect(() => parseLiteral(bad), bad).toThrow();
  });
});

describe('the tool-call grammar', () => {
  it('takes the call from the last line, as AgentGym does', () => {
    expect(parseCall('Thought: hm\n\nAction: get_x with Action Input: {"a": 1}')).toMatchObject({ kind: 'call', name: 'get_x', input: dict({ a: 1n }) });
    expect(parseCall('Action: get_x with Action Input: {}\n')).toMatchObject({ kind: 'call', name: 'get_x' });
    // Anything after the call line (two newlines, a hallucinated observation) is a format error.
    expect(parseCall('Action: get_x with Action Input: {}\n\n')).toEqual({ kind: 'format-error' });
    expect(parseCall('Action: get_x with Action Input: {}\nObservation: 3')).toEqual({ kind: 'format-error' });
    expect(parseCall('Action: get_x')).toEqual({ kind: 'format-error' });
    expect(parseCall('get_x with Action Input: {}')).toMatchObject({ kind: 'error', text: NOT_ACTION });
    expect(parseCall('Action: get_x with Action Input: {"a": tru}')).toMatchObject({ kind: 'error', text: BAD_INPUT });
    expect(parseCall('Action: get_x with Action Input: {"a": 1 + 1}')).toMatchObject({ kind: 'error', text: BAD_INPUT });
    // JSON's constants as well as Python's (AgentGym's eval would reject the JSON ones).
    expect(parseCall('Action: get_x with Action Input: {"a": true, "b": None}')).toMatchObject({ kind: 'call', input: dict({ a: true, b: null }) });
  });
});

interface Counter {
  n: number;
}

const suite: ToolSuite<Counter> = {
  validActions: ['add', 'fail', 'check_valid_actions', 'finish'],
  tools: {
    add: {
      args: ['x', 'y'],
      run: ([x, y], s) => {
        if (typeof x !== 'bigint' || typeof y !== 'bigint') throw new PyError('TypeError', 'ints only');
        s.n++;
        return { ok: true, result: x + y };
      },
    },
    fail: { args: [], run: () => ({ ok: false, result: 'Error: no' }) },
  },
  start: () => ({ n: 0 }),
};

const tasks: ToolTask[] = [
  { id: 0, goal: 'Add 2 and 3.', subgoals: [5n], init: null, agentgymSubgoals: [], recomputed: true },
  { id: 1, goal: 'Two things.', subgoals: [5n, 'done'], init: null, agentgymSubgoals: [], recomputed: true },
];

const act = (tool: string, input: string) => `Thought: t\nAction: ${tool} with Action Input: ${input}`;

describe('ToolEnv', () => {
  it('answers with AgentGym texts and a monotone, type-strict progress reward', () => {
    const env = new ToolEnv(suite, tasks);
    expect(env.reset(1)).toBe('Now new trial starts.\nYou should perform actions to accomplish the goal: Two things.\nGive me one action.');
    expect(env.step('no call here')).toMatchObject({ observation: FORMAT_ERROR, reward: 0, done: false, info: { valid: false } });
    expect(env.step(act('nope', '{}')).observation).toBe('Observation: ERROR | Invalid action: nope.\nGive me one action.');
    expect(env.step(act('add', '{"x": 1}')).observation).toBe("Observation: ERROR | KeyError('y')\nGive me one action.");
    expect(env.step(act('add', '[1]')).observation).toBe('Observation: ERROR | TypeError(list indices must be integers or slices, not str)\nGive me one action.');
    expect(env.step(act('add', '{"x": 1, "y": "4"}')).observation).toBe('Observation: ERROR | TypeError(ints only)\nGive me one action.');
    expect(env.step(act('check_valid_actions', '{}')).observation).toBe(
      "Observation: You can use following valid actions: ['add', 'fail', 'check_valid_actions', 'finish']\nGive me one action.",
    );
    const half = env.step(act('add', "{'x': 2, 'y': 3}"));
    expect(half).toMatchObject({ observation: 'Observation: 5\nGive me one action.', reward: 0.5, done: false });
    // A failed call is logged but matches nothing; the reward never goes down.
    expect(env.step(act('fail', '{}'))).toMatchObject({ observation: 'Observation: Error: no\nGive me one action.', reward: 0.5 });
    // One card per call that reached a tool name, with its input and what came back.
    expect(env.picture()).toEqual({
      kind: 'cards',
      title: 'Two things.',
      summary: 'Subgoals reached: 1 of 2',
      cards: [
        { title: 'nope', body: '{}\n→ ERROR | Invalid action: nope.', tone: 'error', badge: 'call 1' },
        { title: 'add', body: "{'x': 1}\n→ ERROR | KeyError('y')", tone: 'error', badge: 'call 2' },
        { title: 'add', body: '[1]\n→ ERROR | TypeError(list indices must be integers or slices, not str)', tone: 'error', badge: 'call 3' },
        { title: 'add', body: "x=1, y='4'\n→ ERROR | TypeError(ints only)", tone: 'error', badge: 'call 4' },
        { title: 'add', body: 'x=2, y=3\n→ 5', tone: 'ok', badge: 'call 5' },
        { title: 'fail', body: '(no arguments)\n→ Error: no', tone: 'error', badge: 'call 6' },
      ],
    });
    // "done" as a string, not 5.0 twice: one gold subgoal per path entry.
    expect(env.step(act('finish', '{"answer": "done"}'))).toMatchObject({ observation: 'Observation: done\nGive me one action.', reward: 1, done: true });
  });

  it('is type-strict and sorts list answers', () => {
    const env = new ToolEnv(suite, [{ id: 0, goal: 'g', subgoals: [['a', 'b']], init: null, agentgymSubgoals: [], recomputed: true }, ...tasks]);
    env.reset(1);
    expect(env.step(act('finish', '{"answer": "5"}'))).toMatchObject({ reward: 0, done: true });
    env.reset(0);
    expect(env.step(act('finish', '{"answer": ["b", "a"]}'))).toMatchObject({ observation: "Observation: ['a', 'b']\nGive me one action.", reward: 1 });
  });

  it('ends the episode on any call whose text contains "finish", as AgentGym does', () => {
    const env = new ToolEnv(suite, tasks);
    env.reset(0);
    expect(env.step(act('finish_up', '{}'))).toMatchObject({ observation: 'Observation: ERROR | Invalid action: finish_up.\nGive me one action.', done: true });
    env.reset(0);
    // A call that raises does not end it.
    expect(env.step(act('add', '{"x": "finish"}')).done).toBe(false);
  });

  it('restores a fresh state on reset', () => {
    const states: Counter[] = [];
    const env = new ToolEnv({ ...suite, start: () => (states.push({ n: 0 }), states.at(-1)!) }, tasks);
    env.reset(0);
    env.step(act('add', '{"x": 1, "y": 1}'));
    env.reset(0);
    expect(states.map((s) => s.n)).toEqual([1, 0]);
  });
});

describe('ToolSuite hooks (for state-scored envs such as Sheet and TODOList)', () => {
  it('scores from the state, reports on done, ends and refuses as the suite says', () => {
    const env = new ToolEnv<Counter>(
      {
        ...suite,
        validActions: ['add', 'finish'],
        // Progress is the state's own measure; the done step reports 1 only at full progress.
        progress: (s) => Math.min(1, s.n / 2),
        report: (reward, { done }) => (done ? (reward === 1 ? 1 : 0) : reward),
        ends: (call) => call.toLowerCase().includes('finish'),
        unknownTool: (name) => `ERROR | Invalid action: ${name}. Please choose another valid action from ['add']`,
      },
      tasks,
    );
    env.reset(0);
    expect(env.step(act('check_valid_actions', '{}')).observation).toBe("Observation: ERROR | Invalid action: check_valid_actions. Please choose another valid action from ['add']\nGive me one action.");
    expect(env.step(act('add', '{"x": 1, "y": 1}'))).toMatchObject({ reward: 0.5, done: false });
    expect(env.picture()).toMatchObject({ kind: 'cards', summary: 'Progress: 50%', cards: [{ title: 'check_valid_actions', tone: 'error' }, { title: 'add', tone: 'ok' }] });
    expect(env.step(act('FINISH', '{}'))).toMatchObject({ reward: 0, done: true });
    env.reset(0);
    env.step(act('add', '{"x": 1, "y": 1}'));
    env.step(act('add', '{"x": 1, "y": 1}'));
    expect(env.step(act('finish', '{"answer": 0}'))).toMatchObject({ reward: 1, done: true });
  });
});

describe('ProgramOracle', () => {
  it('runs a reference program from observations and finishes with its answer', () => {
    function* solve(): Program {
      const a = yield { tool: 'add', args: { x: 2n, y: 1n } };
      const b: PyValue = BigInt(a) + 2n;
      return b;
    }
    const env = new ToolEnv(suite, tasks);
    const oracle = new ProgramOracle((goal) => (goal === 'Add 2 and 3.' ? solve() : null));
    let obs = env.reset(0);
    let last;
    for (let i = 0; i < 5 && !last?.done; i++) {
      last = env.step(oracle.next(obs));
      obs = last.observation;
    }
    expect(last).toMatchObject({ reward: 1, done: true });
  });
});

describe('extractToolCall', () => {
  it('gives the call string, which the env answers exactly as the whole reply', () => {
    const replies = [
      'Thought: easy.\n\nAction: add with Action Input: {"x": 2, "y": 3}',
      'Thought: x\nAction: add with Action Input: {"x": 2, "y": 3}\n',
      'Thought: x\nAction: add with Action Input: {"x": 2, "y": 3}\n\n',
      'Thought: x\nAction: add\nwith Action Input: {"x": 2, "y": "z"}',
      'Thought: I will finish.\nAction: finish with Action Input: {"answer": "Action: 5"}',
      'Thought: x\nAction: add',
      'add with Action Input: {}',
    ];
    for (const reply of replies) {
      const a = new ToolEnv(suite, tasks);
      const b = new ToolEnv(suite, tasks);
      a.reset(0);
      b.reset(0);
      expect(b.step(extractToolCall(reply)), reply).toEqual(a.step(reply));
    }
    expect(extractToolCall('Thought: t\nAction: get_x with Action Input: {}')).toBe('Action: get_x with Action Input: {}');
    expect(extractToolCall('Thought: t\nAction: inventory')).toBe('inventory');
  });
});
