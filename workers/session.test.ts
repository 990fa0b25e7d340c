import { describe, expect, it } from 'vitest';
import { EnvSession } from './session.ts';
import { maze } from './envs/maze/index.ts';
import type { EnvSpec } from './envs/contract.ts';

const broken: EnvSpec = {
  ...maze,
  id: 'broken',
  title: 'Broken',
  create: () => ({
    reset: () => 'start',
    step: () => {
      throw new TypeError("Cannot read properties of undefined (reading 'x')");
    },
    observation: () => 'start',
  }),
};

describe('EnvSession', () => {
  it('turns an exception inside an env into a clear message naming the env and the call', () => {
    const s = new EnvSession(broken);
    s.reset(0);
    expect(() => s.step('go')).toThrow("Broken failed in step: Cannot read properties of undefined (reading 'x')");
  });

  it('refuses steps before reset and after the end, and out-of-range items', () => {
    const s = new EnvSession('maze');
    expect(() => s.step('move up')).toThrow('Call reset before step.');
    expect(() => s.reset(25)).toThrow('Item index 25 out of range for maze (0..24)');
    expect(() => s.reset(1.5)).toThrow('Item index must be an integer');
    s.reset(18); // one cell above the goal
    expect(s.step('move down').done).toBe(true);
    expect(() => s.step('move up')).toThrow('The episode has finished; reset to play again.');
  });

  it('returns the picture and the available actions with every snapshot', () => {
    const snap = new EnvSession('maze').reset(0);
    expect(snap.availableActions).toEqual(['move left', 'move right', 'move up', 'move down']);
    expect(snap.picture?.kind).toBe('grid');
  });

  it('throws on unknown envs with the list of known ones', () => {
    expect(() => new EnvSession('nope')).toThrow(/Unknown environment "nope". Known: maze, /);
  });
});
