import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, it } from 'vitest';
import { createHttpApp } from '../../../server/http-app.ts';

it("answers as AgentGym's WebShop server: env_idx, bare id, [observation, null], state", async () => {
  const server = createServer(createHttpApp());
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webshop`;
  const call = async (route: string, body?: unknown) => {
    const res = await fetch(`${base}/${route}`, body === undefined ? {} : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    return res.json() as Promise<unknown>;
  };
  try {
    const id = await call('create', {});
    expect(typeof id).toBe('number');
    const [observation, extra] = (await call('reset', { env_idx: id, session_id: 0 })) as [string, null];
    expect(observation.startsWith('WebShop [SEP] Instruction: [SEP] Find me ')).toBe(true);
    expect(extra).toBeNull();
    expect(await call(`available_actions?env_idx=${id}`)).toEqual({ has_search_bar: true, clickables: ['search'] });
    expect(observation).toContain(await call(`instruction_text?env_idx=${id}`));
    const step = (await call('step', { env_idx: id, action: 'search[snacks]' })) as Record<string, unknown>;
    expect(step).toMatchObject({ reward: 0, done: false, info: null });
    expect(String(step.state)).toContain('[SEP] Page 1 (Total results: ');
    expect(await call(`observation?env_idx=${id}`)).toBe(step.state);
  } finally {
    await new Promise((done) => server.close(done));
  }
});
