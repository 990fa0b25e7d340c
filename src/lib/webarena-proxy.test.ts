import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { checkProxyUrl, forgetProxy, loadProxySettings, NO_PROXY, proxyForEnv, saveProxySettings, testProxy } from './webarena-proxy.ts';

/** localStorage as the settings see it, in memory. */
function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, String(v)),
  };
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const ORIGIN = 'http://127.0.0.1:4173';

/** A fetch that answers the CORS call with `cors` and the no-cors probe with `probe` (an opaque reply, or a failure). */
function fakeFetch(cors: () => Response, probe: 'up' | 'down'): { fetch: typeof fetch; calls: { url: string; init?: RequestInit }[] } {
  const calls: { url: string; init?: RequestInit }[] = [];
  const f = (async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(input), init });
    if (init?.mode === 'no-cors') {
      if (probe === 'down') throw new TypeError('Failed to fetch');
      return new Response(null, { status: 200 });
    }
    return cors();
  }) as typeof fetch;
  return { fetch: f, calls };
}

const corsRefused = () => {
  throw new TypeError('Failed to fetch');
};

describe('Settings → WebArena proxy', () => {
  it('keeps the URL and the token, the token only in the keys database, and opens webarena sessions with them', async () => {
    const storage = memoryStorage();
    await expect(proxyForEnv('webarena', storage)).rejects.toThrow(NO_PROXY);
    expect(await proxyForEnv('wordle', storage)).toBeUndefined();
    await expect(saveProxySettings('http://127.0.0.1:8765', '', storage)).rejects.toThrow('Paste the token');
    await saveProxySettings('http://127.0.0.1:8765/', ' tok-123 ', storage);
    expect([...Array(storage.length).keys()].map((i) => storage.getItem(storage.key(i)!))).toEqual(['http://127.0.0.1:8765']);
    expect(await loadProxySettings(storage)).toEqual({ url: 'http://127.0.0.1:8765', hasToken: true });
    expect(await proxyForEnv('webarena', storage)).toEqual({ url: 'http://127.0.0.1:8765', token: 'tok-123' });
    // A new URL with no token typed keeps the saved token.
    await saveProxySettings('http://localhost:9000', '', storage);
    expect(await proxyForEnv('webarena', storage)).toEqual({ url: 'http://localhost:9000', token: 'tok-123' });
    await forgetProxy(storage);
    expect(await loadProxySettings(storage)).toEqual({ url: '', hasToken: false });
  });

  it('refuses URLs that are not plain http(s) addresses', () => {
    expect(checkProxyUrl('http://127.0.0.1:8765')).toBeNull();
    expect(checkProxyUrl('127.0.0.1:8765')).toMatch(/http/);
    expect(checkProxyUrl('file:///etc/passwd')).toMatch(/http/);
    expect(checkProxyUrl('http://127.0.0.1:8765/?token=x')).toMatch(/token has its own field/);
  });

  it('tests the connection and names what is wrong: nothing listening, a refused origin, a wrong token', async () => {
    const ok = fakeFetch(() => json(200, { count: 20, tasks: [] }), 'up');
    expect(await testProxy('http://127.0.0.1:8765/', 'tok', { fetch: ok.fetch, origin: ORIGIN })).toMatchObject({ ok: true, outcome: 'ok', message: 'Connected: the proxy offers 20 tasks.' });
    expect(ok.calls[0].url).toBe('http://127.0.0.1:8765/tasks');
    expect(new Headers(ok.calls[0].init?.headers).get('Authorization')).toBe('Bearer tok');

    const auth = await testProxy('http://127.0.0.1:8765', 'bad', { fetch: fakeFetch(() => json(401, { error: 'Missing or wrong token' }), 'up').fetch, origin: ORIGIN });
    expect(auth).toMatchObject({ ok: false, outcome: 'auth' });

    const cors = await testProxy('http://127.0.0.1:8765', 'tok', { fetch: fakeFetch(corsRefused, 'up').fetch, origin: ORIGIN, online: () => true });
    expect(cors).toMatchObject({ ok: false, outcome: 'cors' });
    expect(cors.message).toContain(`--allow-origin ${ORIGIN}`);

    const down = await testProxy('http://127.0.0.1:8765', 'tok', { fetch: fakeFetch(corsRefused, 'down').fetch, origin: ORIGIN, online: () => true });
    expect(down).toMatchObject({ ok: false, outcome: 'unreachable' });
    expect(down.message).toContain('npm run proxy');

    const offline = await testProxy('http://127.0.0.1:8765', 'tok', { fetch: fakeFetch(corsRefused, 'down').fetch, online: () => false });
    expect(offline.outcome).toBe('offline');

    const other = await testProxy('http://127.0.0.1:8765', 'tok', { fetch: fakeFetch(() => json(200, { hello: 'world' }), 'up').fetch });
    expect(other).toMatchObject({ ok: false, outcome: 'failed' });
    expect(other.message).toContain('not as a WebArena proxy');
  });
});
