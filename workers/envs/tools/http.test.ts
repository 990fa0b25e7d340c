import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp } from '../../../server/http-app.ts';
import { academia } from '../academia/manifest.ts';
import { movie } from '../movie/manifest.ts';
import { sheet } from '../sheet/manifest.ts';
import { weather } from '../weather/manifest.ts';

let server: Server;
let root: string;

beforeAll(async () => {
  server = createServer(createHttpApp());
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  root = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise((done) => server.close(done)));

async function post(url: string, body: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(url, { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });
  return { status: res.status, json: await res.json() };
}

describe("AgentGym's tool-server routes (agentenv-tool)", () => {
  for (const spec of [weather, movie, academia, sheet]) {
    it(`${spec.id}: create by item, reset, observation and step with env_idx, in AgentGym's bodies`, async () => {
      const base = `${root}/${spec.id}`;
      const item = spec.evalItems[0];
      // POST /create {"id": item} builds the env at once and answers with the bare env id.
      const created = await post(`${base}/create`, { id: item });
      expect(created.status).toBe(200);
      expect(typeof created.json).toBe('number');
      const env_idx: number = created.json;
      const reset = await post(`${base}/reset`, { env_idx, id: item });
      expect(typeof reset.json).toBe('string');
      expect(reset.json).toMatch(/^Now new trial starts\.\nYou should perform actions to accomplish the goal: .+\nGive me one action\.$/s);
      const obs = await fetch(`${base}/observation?env_idx=${env_idx}`).then((r) => r.json());
      expect(obs).toBe(reset.json);
      // `"id": null` (AgentGym's reset with no item) starts the same task again.
      expect(await post(`${base}/reset`, { env_idx, id: null })).toEqual({ status: 200, json: reset.json });

      const oracle = (await spec.load()).oracle!();
      let text: string = obs;
      let last: any;
      for (let round = 0; round < spec.maxRounds && !last?.done; round++) {
        const r = await post(`${base}/step`, { env_idx, action: `Thought: next.\n\n${oracle.next(text)}` });
        expect(r.status).toBe(200);
        expect(Object.keys(r.json).sort()).toEqual(['done', 'observation', 'reward']);
        last = r.json;
        text = last.observation;
      }
      expect(last).toMatchObject({ reward: 1, done: true });
      // The observation route never advances past the reset text, as in AgentGym.
      expect(await fetch(`${base}/observation?env_idx=${env_idx}`).then((r) => r.json())).toBe(reset.json);
    });
  }

  it('answers a format error without the Observation prefix', async () => {
    const base = `${root}/weather`;
    const env_idx = (await post(`${base}/create`, { id: 0 })).json;
    await post(`${base}/reset`, { env_idx, id: 0 });
    expect((await post(`${base}/step`, { env_idx, action: 'I think it is 18.5' })).json).toEqual({
      observation: 'Format error, please response in the format of  "Action: [your action] with Action Input: [your action input]',
      reward: 0,
      done: false,
    });
  });
});
