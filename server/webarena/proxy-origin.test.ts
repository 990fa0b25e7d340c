/**
 * Who may call the proxy from a browser: the app's own origins (dev 5173, preview 4173) and those
 * given with --allow-origin, with the token; no other origin, not even with the token, and no
 * DNS-rebinding Host. CORS headers reach allowed origins on errors too, so the app's "Test
 * connection" can tell a wrong token from a refused origin. No browser is launched here.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseProxyArgs } from './cli.ts';
import { startProxy, type RunningProxy } from './start.ts';

const APP = 'http://localhost:5173';
const PREVIEW = 'http://127.0.0.1:4173';
const EXTRA = 'https://gym.example.org';

let proxy: RunningProxy;
beforeAll(async () => {
  proxy = await startProxy({ allowOrigins: [...parseProxyArgs(['--allow-origin', EXTRA]).allowOrigins!] });
});
afterAll(() => proxy.close());

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw request, so Origin and Host can be set as a browser (or a rebinding page) would send them. */
function send(method: string, path: string, headers: Record<string, string>): Promise<Reply> {
  const { hostname, port } = new URL(proxy.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, method, path, headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const bearer = () => ({ Authorization: `Bearer ${proxy.token}` });

describe('the proxy and browser origins', () => {
  it('lets the app (dev and preview) list tasks with the token, and says so in CORS headers', async () => {
    for (const origin of [APP, PREVIEW, EXTRA]) {
      const r = await send('GET', '/tasks', { ...bearer(), Origin: origin });
      expect(r.status, origin).toBe(200);
      expect(r.headers['access-control-allow-origin']).toBe(origin);
      expect(JSON.parse(r.body).count).toBe(20);
    }
  });

  it("answers the app's preflight with the Authorization header allowed", async () => {
    const r = await send('OPTIONS', '/episodes', { Origin: APP, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' });
    expect(r.status).toBe(204);
    expect(r.headers['access-control-allow-origin']).toBe(APP);
    expect(r.headers['access-control-allow-headers']).toContain('Authorization');
    expect(r.headers['access-control-allow-methods']).toContain('POST');
    const pna = await send('OPTIONS', '/episodes', { Origin: EXTRA, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Private-Network': 'true' });
    expect(pna.headers['access-control-allow-private-network']).toBe('true');
  });

  it('tells the app its token is wrong in a reply the app may read', async () => {
    const r = await send('GET', '/tasks', { Authorization: 'Bearer nope', Origin: APP });
    expect(r.status).toBe(401);
    expect(r.headers['access-control-allow-origin']).toBe(APP);
    expect(JSON.parse(r.body).error).toContain('wrong token');
  });

  it('refuses any other origin, even with the token, and gives it no CORS headers', async () => {
    for (const origin of ['http://evil.example', 'http://localhost:5174', 'null']) {
      const r = await send('GET', '/tasks', { ...bearer(), Origin: origin });
      expect(r.status, origin).toBe(403);
      expect(r.headers['access-control-allow-origin']).toBeUndefined();
      expect(JSON.parse(r.body).error).toContain('--allow-origin');
      const pre = await send('OPTIONS', '/episodes', { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Private-Network': 'true' });
      expect(pre.status).toBe(403);
      expect(pre.headers['access-control-allow-origin']).toBeUndefined();
      expect(pre.headers['access-control-allow-private-network']).toBeUndefined();
    }
  });

  it('refuses a Host that is not this server (DNS rebinding) and a token in the path', async () => {
    expect((await send('GET', '/tasks', { ...bearer(), Host: 'rebind.example:8765' })).status).toBe(403);
    expect((await send('GET', `/t/${proxy.token}/tasks`, {})).status).toBe(404);
  });

  it('still serves Node clients, which send no Origin', async () => {
    expect((await send('GET', '/tasks', bearer())).status).toBe(200);
    expect(() => parseProxyArgs(['--allow-origin', 'http://x.example/path'])).toThrow('--allow-origin wants');
  });
});
