import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MockLlmServer, type MockRequestLog } from './mock-llm.ts';

const mock = new MockLlmServer();
let origin = '';
beforeAll(async () => {
  origin = await mock.start();
});
afterAll(() => mock.close());

describe('mock LLM server over HTTP', () => {
  it('answers a browser preflight for every header the providers send', async () => {
    const res = await fetch(`${origin}/v1/messages`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-api-key,anthropic-version' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const allowed = res.headers.get('access-control-allow-headers')!.split(/,\s*/);
    for (const h of ['authorization', 'x-api-key', 'anthropic-version', 'anthropic-dangerous-direct-browser-access', 'content-type']) expect(allowed).toContain(h);
  });

  it('is configured and inspected at runtime', async () => {
    const cfg = await fetch(`${origin}/__mock/config`, { method: 'POST', body: JSON.stringify({ scripts: [{ match: 'room', replies: ['Action: go'] }], faults: { serverError: 1 } }) });
    expect(cfg.status).toBe(200);
    await fetch(`${origin}/__mock/log`, { method: 'DELETE' });
    const body = { model: 'm', messages: [{ role: 'user', content: 'i' }, { role: 'assistant', content: 'OK' }, { role: 'user', content: 'a room' }] };
    const call = () => fetch(`${origin}/v1/chat/completions`, { method: 'POST', headers: { authorization: 'Bearer k1', 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await call()).status).toBe(500);
    const ok = await call();
    expect(ok.headers.get('access-control-allow-origin')).toBe('*');
    expect(await ok.json()).toMatchObject({ object: 'chat.completion', choices: [{ message: { content: 'Action: go' } }], usage: { prompt_tokens: expect.any(Number) } });
    const log = (await (await fetch(`${origin}/__mock/log`)).json()) as MockRequestLog[];
    expect(log).toHaveLength(2);
    expect(log[1]).toMatchObject({ method: 'POST', path: '/v1/chat/completions', headers: { authorization: 'Bearer k1' }, body });
    expect((await fetch(`${origin}/__mock/config`, { method: 'POST', body: '[1]' })).status).toBe(400);
    expect((await fetch(`${origin}/v2/unknown`, { method: 'POST', body: '{}' })).status).toBe(404);
  });
});
