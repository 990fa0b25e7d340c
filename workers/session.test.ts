import { describe, expect, it } from 'vitest';
import type { EnvManifest } from './envs/contract.ts';
import { maze } from './envs/maze/manifest.ts';
import { nodeDataSource } from './node-data-source.ts';
import { EnvSession } from './session.ts';
import { SessionHost } from './session-host.ts';

const broken: EnvManifest = {
  ...maze,
  id: 'broken',
  title: 'Broken',
  load: async () => ({
    http: { resetField: 'game' },
    create: () => ({
      reset: async () => 'start',
      step: () => {
        throw new TypeError("Cannot read properties of undefined (reading 'x')");
      },
      observation: () => 'start',
    }),
  }),
};

const open = (env: string | EnvManifest) => EnvSession.open(env, nodeDataSource);

describe('EnvSession', () => {
  it('turns an exception inside an env into a clear message naming the env and the call', async () => {
    const s = await open(broken);
    await s.reset(0);
    await expect(s.step('go')).rejects.toThrow("Broken failed in step: Cannot read properties of undefined (reading 'x')");
  });

  it('says when an env fails to load', async () => {
    await expect(open({ ...broken, load: () => Promise.reject(new Error('chunk missing')) })).rejects.toThrow('Broken failed in load: chunk missing');
  });

  it('refuses steps before reset and after the end, and out-of-range items', async () => {
    const s = await open('maze');
    await expect(s.step('move up')).rejects.toThrow('Call reset before step.');
    await expect(s.reset(25)).rejects.toThrow('Item index 25 out of range for maze (0..24)');
    await expect(s.reset(1.5)).rejects.toThrow('Item index must be an integer');
    await s.reset(18); // one cell above the goal
    expect((await s.step('move down')).done).toBe(true);
    await expect(s.step('move up')).rejects.toThrow('The episode has finished; reset to play again.');
  });

  it('returns the picture and the available actions with every snapshot', async () => {
    const snap = await (await open('maze')).reset(0);
    expect(snap.availableActions).toEqual(['move left', 'move right', 'move up', 'move down']);
    expect(snap.picture?.kind).toBe('grid');
  });

  it("hands out an env's hidden answer only after a reset, and null for envs without one", async () => {
    const answer = { kind: 'text', body: 'SELECT 42' } as const;
    const revealing: EnvManifest = { ...broken, load: async () => ({ http: { resetField: 'game' }, create: () => ({ reset: () => 'start', step: () => ({ observation: 'x', reward: 0, done: true, info: {} }), observation: () => 'start', reveal: () => answer }) }) };
    const s = await open(revealing);
    await expect(s.reveal()).rejects.toThrow('Call reset before asking for the answer.');
    await s.reset(0);
    expect(await s.reveal()).toEqual(answer);
    const textcraft = await open('textcraft');
    await textcraft.reset(0);
    expect(await textcraft.reveal()).toBeNull();
  });

  it('throws on unknown envs with the list of known ones', async () => {
    await expect(open('nope')).rejects.toThrow(/Unknown environment "nope". Known: maze, /);
  });
});

describe('SessionHost', () => {
  it('keeps many sessions of one env apart and forgets closed ones', async () => {
    const host = new SessionHost(() => nodeDataSource);
    const a = await host.open('maze');
    const b = await host.open('maze');
    await host.reset(a, 18);
    await host.reset(b, 0);
    expect((await host.step(a, 'move down')).done).toBe(true);
    expect((await host.step(b, 'move right')).done).toBe(false);
    expect(host.count()).toBe(2);
    await host.close(a);
    expect(host.count()).toBe(1);
    await expect(host.step(a, 'move up')).rejects.toThrow(`No session ${a} in this host`);
  });

  it("gives every session of an env the same data source, so the env's data loads once per host", async () => {
    // A worker's host makes its sources with fetchDataSource, a new object per call: envs cache
    // per source (BIRD's query worker and databases, WebShop's index), so one per session would
    // load everything again for each episode (and start a sql.js instance per BIRD episode).
    const made: string[] = [];
    const host = new SessionHost((envId) => (made.push(envId), { ...nodeDataSource }));
    for (let i = 0; i < 3; i++) await host.open('maze');
    await host.open('wordle');
    expect(made).toEqual(['maze', 'wordle']);
  });

  it("runs an env's oracle beside the env's data", async () => {
    // BIRD's oracle looks the question up in the data its env loaded: run in the host, it works
    // wherever the caller is (a page driving a worker has none of that data).
    const host = new SessionHost(() => nodeDataSource);
    const sid = await host.open('bird');
    for (let episode = 0; episode < 2; episode++) {
      const snap = await host.reset(sid, 0);
      const last = await host.step(sid, await host.oracle(sid, snap.observation));
      expect(last).toMatchObject({ done: true, reward: 1 });
    }
    const plain = await host.open('babyai');
    await host.reset(plain, 0);
    await expect(host.oracle(plain, 'anything')).rejects.toThrow(/has no oracle/);
  });
});
