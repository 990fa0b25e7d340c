import { describe, expect, it } from 'vitest';
import { format } from './format.ts';
import { GOAL, MazeEnv, shortestPath, STARTS } from './maze.ts';

describe('MAZE', () => {
  it('describes the start as AgentGym does', () => {
    const env = new MazeEnv();
    expect(env.reset(0)).toBe('The goal is at position 8, 6. Your current position is at position 1, 1. There are walls to your left, above you, below you.');
    expect(env.reset(16)).toBe('The goal is at position 8, 6. Your current position is at position 5, 6. There is a wall above you.');
  });

  it('moves, blocks on walls and ends with Success', () => {
    const env = new MazeEnv();
    env.reset(18); // (7, 6)
    expect(env.step('move left')).toMatchObject({ reward: 0, done: false, info: { valid: true } });
    expect(env.observation()).toContain('position 7, 6');
    expect(env.step('move down')).toEqual({ observation: 'Success\n', reward: 1, done: true, info: { valid: true } });
  });

  it('treats bad actions as no-ops with the same description, never throwing', () => {
    const env = new MazeEnv();
    const start = env.reset(3);
    for (const bad of ['', 'x'.repeat(100_000), '向左移动 🧭', 'move  left', 'MOVE LEFT', 'move diagonal', '\u0000']) {
      const r = env.step(bad);
      expect(r.observation).toBe(start);
      expect(r.reward).toBe(0);
      expect(r.info.valid).toBe(false);
    }
  });

  it('fails after 50 moves without reaching the goal', () => {
    const env = new MazeEnv();
    env.reset(0);
    for (let i = 0; i < 50; i++) expect(env.step('move up').done).toBe(false);
    expect(env.step('move up')).toMatchObject({ observation: 'Failure\n', reward: -1, done: true });
  });

  it('keeps the text between the first and second "Action:", as AgentGym HEAD\'s client does', () => {
    expect(format.extractAction('Thought: go down.\nAction: move down')).toEqual({ action: 'move down' });
    expect(format.extractAction('Thought:\nx\n\nAction:\nmove left\nAction: move up')).toEqual({ action: 'move left' });
    // Five characters cut for a four-character "</s>" (AgentGym's slice): "move dow" is a no-op move.
    expect(format.extractAction('Action: move down</s>')).toEqual({ action: 'move dow' });
    expect(format.extractAction('move up')).toEqual({ action: 'move up' });
    expect(format.extractAction('Action: Move Right')).toEqual({ action: 'Move Right' });
  });

  it('a move AgentGym does not accept is a no-op with a hint saying why', () => {
    const env = new MazeEnv();
    const start = env.reset(16);
    const r = env.step('Move Down');
    expect(r).toMatchObject({ observation: start, reward: 0, done: false, info: { valid: false } });
    expect(r.info.hint).toBe('The game takes moves exactly as written, in lower case without extra spaces: "move down".');
    expect(env.step('move  down ').info.hint).toBe('The game takes moves exactly as written, in lower case without extra spaces: "move down".');
    expect(env.step('go south').info.hint).toBe('The game understands only "move up", "move down", "move left" and "move right".');
    expect(env.step('move down').info).toEqual({ valid: true });
  });

  it('reveals the shortest path from the start, which takes the goal in exactly that many moves', () => {
    for (let item = 0; item < STARTS.length; item++) {
      const env = new MazeEnv();
      env.reset(item);
      const [r, c] = STARTS[item];
      const moves = shortestPath(r, c);
      // Never longer than the Manhattan distance plus the detours the double T forces.
      expect(moves.length).toBeGreaterThanOrEqual(Math.abs(r - GOAL[0]) + Math.abs(c - GOAL[1]));
      let last = { done: false, reward: 0 };
      for (const m of moves) last = env.step(m);
      expect(last).toMatchObject({ done: true, reward: 1 });
      const revealed = env.reveal();
      expect(revealed).toMatchObject({ kind: 'stack', parts: [{ kind: 'grid', caption: `Shortest path from (${r}, ${c}): ${moves.length} ${moves.length === 1 ? 'move' : 'moves'}` }, { kind: 'text', body: moves.join('\n') }] });
    }
    expect(shortestPath(1, 1)).toEqual(['move right', 'move right', 'move down', 'move down', 'move down', 'move down', 'move right', 'move right', 'move right', 'move down', 'move down', 'move down']);
  });
});
