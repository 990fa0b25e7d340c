import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp } from '../../../server/http-app.ts';

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer(createHttpApp());
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/bird`;
});

afterAll(() => new Promise((done) => server.close(done)));

async function post(path: string, body?: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(`${base}/${path}`, { method: 'POST', ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }) });
  return { status: res.status, json: await res.json() };
}

async function get(path: string): Promise<{ status: number; json: any }> {
  const res = await fetch(`${base}/${path}`);
  return { status: res.status, json: await res.json() };
}

describe("BIRD over HTTP in agentenv-sqlgym's shapes", () => {
  it('create -> bare id; reset {env_idx, item_id} -> [observation, null]; step -> {state, reward, done, info}', async () => {
    const created = await post('create');
    expect(created.status).toBe(200);
    expect(typeof created.json).toBe('number');
    const env_idx: number = created.json;

    const reset = await post('reset', { env_idx, item_id: 1 });
    expect(reset.status).toBe(200);
    expect(reset.json).toHaveLength(2);
    expect(reset.json[0]).toMatch(/^us_flights contains tables such as airports, flights, routes\. [\s\S]*\n\nWhat is the name of the airport with the code LAX\?$/);
    expect(reset.json[1]).toBeNull();
    expect((await get(`observation?env_idx=${env_idx}`)).json).toBe(reset.json[0]);

    // The text AgentGym's client sends: the SQL it took out of the fenced block.
    const step = await post('step', { env_idx, action: "SELECT name FROM airports WHERE iata = 'LAX'" });
    expect(step).toEqual({
      status: 200,
      json: { state: "[('Los Angeles International',)]", reward: 1, done: true, info: { ground_truth: "SELECT name FROM airports WHERE iata = 'LAX'" } },
    });
    // sqlgym's observation is still the task after the step.
    expect((await get(`observation?env_idx=${env_idx}`)).json).toBe(reset.json[0]);

    const again = await post('reset', { env_idx, item_id: 0 });
    const wrong = await post('step', { env_idx, action: "INSERT INTO airports (iata) VALUES ('ZZZ')" });
    expect(again.status).toBe(200);
    expect(wrong.json).toMatchObject({ state: 'attempt to write a readonly database', reward: 0, done: true });
    expect(await post('close', { env_idx })).toEqual({ status: 200, json: true });
  });

  it('names env_idx and item_id in its 422s', async () => {
    expect((await post('reset', { id: 0, item_id: 0 })).json.error).toContain('"env_idx"');
    const { json: env_idx } = await post('create');
    expect((await post('reset', { env_idx, data_idx: 0 })).json.error).toContain('"item_id"');
    expect((await post('reset', { env_idx, item_id: 9428 })).status).toBe(422);
    await post('close', { env_idx });
  });
});
