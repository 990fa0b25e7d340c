/** AgentGym's ALFWorld routes and bodies through our HTTP server, as its AlfWorldEnvClient calls them. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp } from '../../../server/http-app.ts';
import { alfworld } from './manifest.ts';
import { game } from './testing.ts';

let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer(createHttpApp());
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/alfworld`;
});
afterAll(() => new Promise((done) => server.close(done)));

async function post(route: string, body: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(`${base}/${route}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, json: await res.json() };
}

describe('ALFWorld over HTTP', () => {
  it('answers create, reset and step in AgentGym shapes', async () => {
    const { json: created } = await post('create', {});
    expect(created).toEqual({ id: expect.any(Number) });
    const id: number = created.id;
    const reset = await post('reset', { id, game: 2618, world_type: 'Text' });
    expect(reset.json).toEqual({
      id,
      observation: expect.stringMatching(/^You are in the middle of a room\. .*\nYour task is to: put a keychain in sofa\.$/),
      available_actions: expect.arrayContaining(['go to armchair 1', 'inventory', 'look']),
      task_type: 'pick_and_place_simple-KeyChain-None-Sofa-229/trial_T20190908_123359_988104',
    });
    expect(reset.json.available_actions).toHaveLength(14);
    const step = await post('step', { id, action: 'go to coffeetable 1' });
    expect(step.json).toEqual({ observation: expect.stringMatching(/^On the coffeetable 1, you see /), reward: 0, available_actions: expect.arrayContaining(['take keychain 2 from coffeetable 1']), done: false });
    const listed = await (await fetch(`${base}/available_actions?id=${id}`)).json();
    expect(listed).toEqual(step.json.available_actions);
  });

  it('answers a reset of a missing training game with an error saying so', async () => {
    const { json: created } = await post('create', {});
    const reset = await post('reset', { id: created.id, game: 103, world_type: 'Text' });
    expect(reset.status).toBeGreaterThanOrEqual(400);
    expect(reset.json.error).toContain('ALFWorld item 103 is a training game missing');
  });

  it('says done at the 50th step, then refuses steps as AgentGym does', async () => {
    const { json: created } = await post('create', {});
    await post('reset', { id: created.id, game: 2420, world_type: 'Text' });
    let last: any;
    for (let i = 0; i < 50; i++) last = (await post('step', { id: created.id, action: 'jump' })).json;
    expect(last).toMatchObject({ observation: 'Nothing happens.', reward: 0, done: true });
    const after = await post('step', { id: created.id, action: 'look' });
    expect(after.status).toBe(409);
    expect(after.json.error).toContain(`The task with environment ${created.id} has finished.`);
  });

  it('wins every test game with the walkthrough sent as the client sends actions', async () => {
    const { json: created } = await post('create', {});
    const lost: number[] = [];
    for (const item of alfworld.evalItems) {
      await post('reset', { id: created.id, game: item, world_type: 'Text' });
      let last: any;
      for (const action of (await game(item)).walkthrough) last = (await post('step', { id: created.id, action })).json;
      if (!(last.reward === 1 && last.done === true)) lost.push(item);
    }
    expect(lost).toEqual([]);
  });
});
