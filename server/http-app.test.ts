import { createServer, request, type Server } from 'node:http';
import { networkInterfaces } from 'node:os';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHttpApp, type HttpAppOptions } from './http-app.ts';
import { craftingTree } from '../workers/envs/textcraft/crafting-tree.ts';
import { module as maze } from '../workers/envs/maze/index.ts';
import { ENVS } from '../workers/envs/registry.ts';
import { MazeOracle } from '../workers/envs/maze/oracle.ts';
import type { HttpCompat } from '../workers/envs/contract.ts';

const servers: Server[] = [];
const mazeHttp: HttpCompat = maze.http;

afterEach(async () => {
  vi.restoreAllMocks();
  maze.http = mazeHttp;
  await Promise.all(servers.splice(0).map((s) => new Promise((done) => s.close(done))));
});

/** A server on a free port; returns its base URL. Epoch 0 keeps ids 0, 1, ... readable in these tests. */
async function serve(options?: HttpAppOptions): Promise<string> {
  const server = createServer(createHttpApp({ epoch: 0, ...options }));
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function post(url: string, body?: unknown): Promise<{ status: number; json: any }> {
  const init: RequestInit = { method: 'POST' };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    init.headers = { 'Content-Type': 'application/json' };
  }
  const res = await fetch(url, init);
  return { status: res.status, json: await res.json() };
}

async function get(url: string): Promise<{ status: number; json: any }> {
  const res = await fetch(url);
  return { status: res.status, json: await res.json() };
}

describe('AgentGym HTTP API over MAZE', () => {
  it('plays a full episode with the oracle in AgentGym shapes', async () => {
    const base = `${await serve()}/maze`;
    expect(await get(`${base}/`)).toEqual({ status: 200, json: 'This is environment MAZE.' });
    const a = await post(`${base}/create`);
    const b = await post(`${base}/create`);
    expect(a).toEqual({ status: 200, json: { id: 0 } });
    expect(b.json).toEqual({ id: 1 });

    const reset = await post(`${base}/reset`, { id: 0, game: 0 });
    expect(reset).toEqual({ status: 200, json: { observation: 'The goal is at position 8, 6. Your current position is at position 1, 1. There are walls to your left, above you, below you.' } });
    expect((await get(`${base}/observation?id=0`)).json).toBe(reset.json.observation);
    expect((await get(`${base}/available_actions?id=0`)).json).toEqual(['move left', 'move right', 'move up', 'move down']);

    const oracle = new MazeOracle();
    let obs: string = reset.json.observation;
    let steps = 0;
    let last: any;
    do {
      const r = await post(`${base}/step`, { id: 0, action: oracle.next(obs) });
      expect(r.status).toBe(200);
      expect(Object.keys(r.json).sort()).toEqual(['done', 'observation', 'reward']);
      last = r.json;
      obs = last.observation;
      steps++;
      if (!last.done) expect((await get(`${base}/observation?id=0`)).json).toBe(obs);
    } while (!last.done && steps < 50);
    expect(last).toEqual({ observation: 'Success\n', reward: 1, done: true });

    const detail = (await get(`${base}/detail?id=0`)).json;
    expect(detail).toMatchObject({ game: 0, observation: 'Success\n', reward: 1, done: true, deleted: false });
    // The other env is untouched and still unreset.
    expect((await get(`${base}/detail?id=1`)).json).toMatchObject({ game: null, observation: null, reward: 0, done: false });

    // Reset after the end starts over; close frees the id.
    expect((await post(`${base}/reset`, { id: 0, game: 18 })).json.observation).toContain('position 7, 6');
    expect(await post(`${base}/close`, { id: 0 })).toEqual({ status: 200, json: true });
    expect((await get(`${base}/observation?id=0`)).status).toBe(404);
    expect((await post(`${base}/create`)).json).toEqual({ id: 2 });
  });

  it("lists the envs at the root and answers CORS preflights from the app's own origin only", async () => {
    const root = await serve();
    const list = await fetch(`${root}/`);
    expect(list.headers.get('access-control-allow-origin')).toBeNull();
    const body = await list.json();
    expect(body.name).toBe('agentgym-web');
    expect(body.envs).toContainEqual({ id: 'maze', title: 'MAZE', base: '/maze' });
    expect(body.envs).toHaveLength(ENVS.length);
    const preflight = (origin: string) => fetch(`${root}/maze/step`, { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' } });
    const pre = await preflight('http://localhost:5173');
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(pre.headers.get('access-control-allow-methods')).toContain('POST');
    expect(pre.headers.get('access-control-allow-headers')).toBe('Content-Type, Authorization');
    const other = await preflight('http://127.0.0.1:9999');
    expect(other.status).toBe(403);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('errors', () => {
  it('404 for unknown envs, routes and ids', async () => {
    const root = await serve();
    expect(await post(`${root}/nope/create`)).toEqual({ status: 404, json: { error: `Unknown environment "nope". Known: ${ENVS.map((e) => e.id).join(', ')}.` } });
    expect((await get(`${root}/maze/nope?id=0`)).status).toBe(404);
    expect((await get(`${root}/maze/step/extra`)).status).toBe(404);
    expect(await post(`${root}/maze/step`, { id: 7, action: 'move up' })).toEqual({ status: 404, json: { error: 'The id 7 is not valid.' } });
    expect((await get(`${root}/maze/observation?id=7`)).json).toEqual({ error: 'The id 7 is not valid.' });
    expect((await get(`${root}/maze/create`)).status).toBe(405);
  });

  it('400 for bad JSON, 422 naming the missing, mistyped or out-of-range field', async () => {
    const base = `${await serve()}/maze`;
    await post(`${base}/create`);
    expect((await post(`${base}/reset`, '{"id": 0,')).status).toBe(400);
    expect(await post(`${base}/reset`, '[1]')).toEqual({ status: 400, json: { error: 'Body must be a JSON object.' } });
    expect(await post(`${base}/reset`, { game: 1 })).toEqual({ status: 422, json: { error: 'Field "id" must be a non-negative integer, got nothing.' } });
    expect(await post(`${base}/reset`, { id: '0', game: 1 })).toEqual({ status: 422, json: { error: 'Field "id" must be a non-negative integer, got "0".' } });
    expect((await post(`${base}/reset`, { id: 0 })).json.error).toMatch(/^Field "game"/);
    expect((await post(`${base}/reset`, { id: 0, game: 1.5 })).json.error).toMatch(/^Field "game"/);
    expect(await post(`${base}/reset`, { id: 0, game: 25 })).toEqual({ status: 422, json: { error: 'Field "game": Item index 25 out of range for maze (0..24).' } });
    await post(`${base}/reset`, { id: 0, game: 3 });
    expect(await post(`${base}/step`, { id: 0 })).toEqual({ status: 422, json: { error: 'Field "action" must be a string, got nothing.' } });
    expect((await post(`${base}/step`, { id: 0, action: ['move up'] })).status).toBe(422);
    expect((await get(`${base}/observation`)).json).toEqual({ error: 'Query parameter "id" is required.' });
    expect((await get(`${base}/observation?id=-1`)).status).toBe(422);
  });

  it('409 when stepping before reset or after the end, with AgentGym\'s text', async () => {
    const base = `${await serve()}/maze`;
    await post(`${base}/create`);
    expect((await post(`${base}/step`, { id: 0, action: 'move up' })).status).toBe(409);
    expect((await get(`${base}/observation?id=0`)).status).toBe(409);
    await post(`${base}/reset`, { id: 0, game: 18 });
    expect((await post(`${base}/step`, { id: 0, action: 'move down' })).json.done).toBe(true);
    expect(await post(`${base}/step`, { id: 0, action: 'move down' })).toEqual({ status: 409, json: { error: 'The task with environment 0 has finished.' } });
  });

  it('413 for a body over the cap, and keeps serving', async () => {
    const root = await serve({ maxBodyBytes: 1000 });
    const big = JSON.stringify({ id: 0, action: 'x'.repeat(5000) });
    const status = await new Promise<number>((done, fail) => {
      const req = request(`${root}/maze/step`, { method: 'POST', headers: { 'Content-Type': 'application/json' } }, (res) => {
        res.resume();
        done(res.statusCode!);
      });
      req.on('error', fail);
      req.end(big);
    });
    expect(status).toBe(413);
    // Chunked, with no Content-Length to check up front.
    const chunked = await fetch(`${root}/maze/step`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode(big)); c.close(); } }),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(await post(`${root}/maze/create`)).toEqual({ status: 200, json: { id: 0 } });
  });

  it('500 with the message when the env throws, and keeps serving', async () => {
    const base = `${await serve()}/maze`;
    vi.spyOn(maze, 'create').mockImplementation(() => ({
      reset: () => 'start',
      step: () => { throw new Error('boom'); },
      observation: () => 'start',
    }));
    maze.http = { resetField: 'game' };
    await post(`${base}/create`);
    await post(`${base}/reset`, { id: 0, game: 0 });
    expect(await post(`${base}/step`, { id: 0, action: 'move up' })).toEqual({ status: 500, json: { error: 'MAZE failed in step: boom' } });
    // This env lists no actions and the descriptor adds no such route.
    expect(await get(`${base}/available_actions?id=0`)).toEqual({ status: 404, json: { error: 'MAZE does not list available actions.' } });
    vi.restoreAllMocks();
    expect((await post(`${base}/create`)).status).toBe(200);
  });

  it('caps live sessions; close frees a slot', async () => {
    const base = `${await serve({ maxSessions: 2 })}/maze`;
    await post(`${base}/create`);
    await post(`${base}/create`);
    const over = await post(`${base}/create`);
    expect(over.status).toBe(503);
    expect(over.json.error).toMatch(/Too many live environments/);
    expect((await post(`${base}/close`, { id: 0 })).json).toBe(true);
    expect(await post(`${base}/close`, { id: 0 })).toEqual({ status: 404, json: { error: 'The id 0 is not valid.' } });
    expect(await post(`${base}/create`)).toEqual({ status: 200, json: { id: 2 } });
  });
});

describe('HttpCompat descriptors', () => {
  it('createResets: create starts at item = id and reset answers in the same shape (TextCraft)', async () => {
    maze.http = { resetField: 'data_idx', createResets: true };
    const base = `${await serve()}/maze`;
    const created = await post(`${base}/create`);
    expect(created.json).toEqual({ id: 0, observation: expect.stringContaining('position 1, 1.'), reward: 0, done: false });
    expect((await post(`${base}/create`)).json.observation).toContain('position 1, 2.');
    // No extraGets: the generic route serves the env's own list.
    expect((await get(`${base}/available_actions?id=1`)).json).toEqual(['move left', 'move right', 'move up', 'move down']);
    expect((await post(`${base}/reset`, { id: 0, data_idx: 18 })).json).toEqual({ id: 0, observation: expect.stringContaining('position 7, 6.'), reward: 0, done: false });
    expect((await post(`${base}/step`, { id: 0, action: 'move down' })).json).toEqual({ observation: 'Success\n', reward: 1, done: true });
  });

  it('idField, createItemField, replies and extraGets (tool envs, BIRD, BabyAI, Wordle)', async () => {
    maze.http = {
      resetField: 'item_id',
      idField: 'env_idx',
      createItemField: 'id',
      extraGets: { where: (env) => env.observation().slice(-13) },
      replies: {
        create: (id, started) => [id, started?.observation.length],
        reset: (r) => [r.observation, null],
        step: (r) => ({ state: r.observation, reward: r.reward, score: r.total, done: r.done, info: r.info }),
      },
    };
    const base = `${await serve()}/maze`;
    expect((await post(`${base}/create`, {})).json).toEqual({ error: 'Field "id" must be a non-negative integer, got nothing.' });
    expect((await post(`${base}/create`, { id: 17 })).json).toEqual([0, expect.any(Number)]);
    expect((await get(`${base}/observation?env_idx=0`)).json).toContain('position 6, 6.');
    expect((await post(`${base}/reset`, { env_idx: 0, item_id: 18 })).json).toEqual([expect.stringContaining('position 7, 6.'), null]);
    expect((await get(`${base}/where?env_idx=0`)).json).toBe('to your left.');
    expect((await post(`${base}/step`, { env_idx: 0, action: 'move down' })).json).toEqual({ state: 'Success\n', reward: 1, score: 1, done: true, info: { valid: true } });
    expect((await post(`${base}/close`, { env_idx: 0 })).json).toBe(true);
  });

  it('a reply that cannot be serialised is a 500, not a crash', async () => {
    maze.http = { resetField: 'game', replies: { reset: () => ({ n: 1n }) } };
    const base = `${await serve()}/maze`;
    await post(`${base}/create`);
    const r = await post(`${base}/reset`, { id: 0, game: 0 });
    expect(r.status).toBe(500);
    expect(r.json.error).toMatch(/BigInt/);
    expect((await get(`${base}/observation?id=0`)).status).toBe(200);
  });
});

describe('the registered envs as AgentGym clients call them', () => {
  it('Wordle: filtered_vocab before reset, reset by seed with id, spaced-letter guesses', async () => {
    const root = await serve();
    const { json: created } = await post(`${root}/wordle/create`);
    const vocab = await get(`${root}/wordle/filtered_vocab?id=${created.id}`);
    expect(vocab.json).toHaveLength(40);
    expect(await post(`${root}/wordle/reset`, { id: created.id, seed: 3 })).toEqual({ status: 200, json: { id: created.id, observation: "Let's start Wordle!" } });
    const step = await post(`${root}/wordle/step`, { id: created.id, action: 'z z z z z' });
    expect(step.json).toEqual({ observation: 'invalid word', reward: 0, done: false });
  });

  it('TextCraft: create answers with the first observation; get and inventory', async () => {
    const root = await serve();
    const { json: created } = await post(`${root}/textcraft/create`, {});
    expect(created.observation).toMatch(/^Crafting commands:\n/);
    const reset = await post(`${root}/textcraft/reset`, { id: created.id, data_idx: 7 });
    expect(reset.json.observation).toMatch(/Goal: craft /);
    expect((await post(`${root}/textcraft/step`, { id: created.id, action: 'inventory' })).json.observation).toBe('Inventory: You are not carrying anything.');
  });

  it('TextCraft: steps after the goal is crafted keep executing, as on AgentGym (no done-lock)', async () => {
    const root = await serve();
    const { json: created } = await post(`${root}/textcraft/create`, {});
    await post(`${root}/textcraft/reset`, { id: created.id, data_idx: craftingTree().goals().indexOf('minecraft:crafting_table') });
    for (const action of ['get 1 oak logs', 'craft 4 oak planks using 1 oak logs']) await post(`${root}/textcraft/step`, { id: created.id, action });
    expect((await post(`${root}/textcraft/step`, { id: created.id, action: 'craft 1 crafting table using 4 oak planks' })).json).toMatchObject({ reward: 1, done: true });
    expect(await post(`${root}/textcraft/step`, { id: created.id, action: 'get 2 oak logs' })).toEqual({ status: 200, json: { observation: 'Got 2 oak logs', reward: 0, done: false } });
  });

  it('BabyAI: reset by data_idx and step replies carry the running score', async () => {
    const root = await serve();
    const { json: created } = await post(`${root}/babyai/create`);
    const reset = await post(`${root}/babyai/reset`, { id: created.id, data_idx: 0 });
    expect(reset.json).toMatchObject({ reward: 0, score: 0, done: false });
    expect(reset.json.observation).toMatch(/^Your goal: /);
    const step = await post(`${root}/babyai/step`, { id: created.id, action: 'turn left' });
    expect(Object.keys(step.json).sort()).toEqual(['done', 'observation', 'reward', 'score']);
  });
});

describe('local server safety', () => {
  it('refuses other origins, foreign Host names and non-JSON bodies; AgentGym-style requests pass', async () => {
    const root = await serve();
    const create = (headers: Record<string, string>, body?: string) => fetch(`${root}/maze/create`, { method: 'POST', headers, ...(body === undefined ? {} : { body }) });
    // What a page elsewhere can send without a preflight: refused before anything is created.
    expect((await create({ Origin: 'http://127.0.0.1:8000', 'Content-Type': 'text/plain' }, '{}')).status).toBe(403);
    expect((await create({ Origin: 'https://evil.example' })).status).toBe(403);
    // A text/plain body even with no Origin (a form post, or a client mislabelling JSON).
    const plain = await create({ 'Content-Type': 'text/plain' }, '{}');
    expect(plain.status).toBe(415);
    expect((await plain.json()).error).toMatch(/application\/json/);
    // DNS rebinding: the page's own hostname in Host.
    const rebound = await new Promise<number>((done, fail) => {
      const req = request(`${root}/maze/create`, { method: 'POST', headers: { Host: 'attacker.example:80' } }, (res) => {
        res.resume();
        done(res.statusCode!);
      });
      req.on('error', fail);
      req.end();
    });
    expect(rebound).toBe(403);
    // Nothing above made an env: the first one is still id 0.
    expect(await post(`${root}/maze/create`)).toEqual({ status: 200, json: { id: 0 } });
    expect((await create({ Origin: 'http://localhost:5173' })).headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    const listed = await serve({ allowOrigins: ['https://mine.example'] });
    expect((await fetch(`${listed}/maze/create`, { method: 'POST', headers: { Origin: 'https://mine.example' } })).status).toBe(200);
  });

  it('with a token, every request needs it: as a Bearer header or a /t/<token> base URL', async () => {
    const root = await serve({ token: 's3cret-token' });
    expect((await post(`${root}/maze/create`)).status).toBe(401);
    expect((await post(`${root}/t/wrong-token!/maze/create`)).status).toBe(401);
    expect(await post(`${root}/t/s3cret-token/maze/create`)).toEqual({ status: 200, json: { id: 0 } });
    const bearer = await fetch(`${root}/maze/reset`, { method: 'POST', headers: { Authorization: 'Bearer s3cret-token', 'Content-Type': 'application/json' }, body: JSON.stringify({ id: 0, game: 0 }) });
    expect(bearer.status).toBe(200);
    expect((await get(`${root}/t/s3cret-token/maze/observation?id=0`)).status).toBe(200);
    expect((await get(`${root}/maze/observation?id=0`)).status).toBe(401);
  });

  it('an id from before a restart gets a clear 404, even if the new server has made as many envs', async () => {
    const first = await serve({ epoch: 123_456 });
    const { json } = await post(`${first}/maze/create`);
    expect(json.id).toBe(123_456_000_000_000);
    expect(Number.isSafeInteger(json.id)).toBe(true);
    expect((await post(`${first}/maze/reset`, { id: json.id, game: 0 })).status).toBe(200);
    expect((await get(`${first}/maze/observation?id=${json.id}`)).status).toBe(200);
    // The "restarted" server has another epoch; its first env is not the old id.
    const second = await serve({ epoch: 654_321 });
    await post(`${second}/maze/create`);
    const stale = await post(`${second}/maze/step`, { id: json.id, action: 'move up' });
    expect(stale).toEqual({ status: 404, json: { error: `The id ${json.id} is not valid: this server restarted since it was made, so your env is gone; create a new one.` } });
    // Ids from a server without epochs (0, 1, ...) too.
    expect((await get(`${second}/maze/observation?id=0`)).json.error).toMatch(/this server restarted/);
  });

  it('an idle env expires after the TTL and frees its slot; a used one stays', async () => {
    let t = 0;
    const root = await serve({ ttlMs: 60_000, maxSessions: 2, now: () => t });
    const base = `${root}/maze`;
    await post(`${base}/create`);
    await post(`${base}/create`);
    await post(`${base}/reset`, { id: 1, game: 0 });
    t = 40_000;
    expect((await get(`${base}/observation?id=1`)).status).toBe(200);
    t = 70_000;
    // At the cap: the create sweeps, closing env 0 (idle 70 s) but not env 1 (used 30 s ago).
    expect(await post(`${base}/create`)).toEqual({ status: 200, json: { id: 2 } });
    expect(await get(`${base}/observation?id=0`)).toEqual({ status: 404, json: { error: 'The id 0 is not valid: it was unused for 1 min and was closed; create a new one.' } });
    expect((await get(`${base}/observation?id=1`)).status).toBe(200);
  });

  it('numbers JSON cannot hold exactly are named as read (1e400 is Infinity, not null)', async () => {
    const root = await serve();
    await post(`${root}/maze/create`);
    expect((await post(`${root}/maze/reset`, '{"id": 0, "game": 1e400}')).json).toEqual({ error: 'Field "game" must be a non-negative integer, got Infinity.' });
    expect((await post(`${root}/maze/reset`, '{"id": 99999999999999999999, "game": 0}')).json).toEqual({ error: 'Field "id" must be a non-negative integer, got 100000000000000000000.' });
  });

  it('BabyAI available_actions before reset is a 409, like the other routes', async () => {
    const root = await serve();
    const { json } = await post(`${root}/babyai/create`);
    const r = await get(`${root}/babyai/available_actions?id=${json.id}`);
    expect(r.status).toBe(409);
    expect(r.json.error).toMatch(/has not been reset/);
  });
});

/** A non-loopback address of this machine, to be a client other than loopback. */
const lanAddress = Object.values(networkInterfaces()).flat().find((a) => a && !a.internal && a.family === 'IPv4')?.address;

describe.skipIf(!lanAddress)('per-client cap', () => {
  it('a client on another address is capped on its own; loopback clients are not held to it', async () => {
    const server = createServer(createHttpApp({ epoch: 0, maxPerClient: 2, allowHosts: null }));
    servers.push(server);
    await new Promise<void>((done) => server.listen(0, '0.0.0.0', done));
    const port = (server.address() as AddressInfo).port;
    const lan = `http://${lanAddress}:${port}/maze`;
    expect((await post(`${lan}/create`)).status).toBe(200);
    expect((await post(`${lan}/create`)).status).toBe(200);
    const over = await post(`${lan}/create`);
    expect(over.status).toBe(503);
    expect(over.json.error).toContain(`from ${lanAddress} (2)`);
    expect((await post(`http://127.0.0.1:${port}/maze/create`)).status).toBe(200);
  });
});
