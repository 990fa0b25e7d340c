import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import type { HttpReply, HttpRequest, LiveBackend } from './envs/contract.ts';
import { cachedBackend, idbReplyCache, LIVE_CACHE_DB, memoryReplyCache, requestKey, type ReplyCache } from './live-cache.ts';

/** A backend that answers from a list of statuses in turn and counts its calls. */
function counting(statuses: number[]): LiveBackend & { calls: HttpRequest[] } {
  const calls: HttpRequest[] = [];
  return {
    calls,
    tmdbToken: 'secret-token',
    get: async (request) => {
      calls.push(request);
      const status = statuses[Math.min(calls.length - 1, statuses.length - 1)];
      return { status, text: `reply ${calls.length}` };
    },
  };
}

const movie = (id: string, token: string): HttpRequest => ({
  url: `https://api.themoviedb.org/3/movie/${id}`,
  query: [['language', 'en-US']],
  headers: { Authorization: `Bearer ${token}` },
});

describe.each<[string, () => ReplyCache]>([
  ['memory', memoryReplyCache],
  ['IndexedDB', idbReplyCache],
])('live replies cached in %s', (_, make) => {
  it('answers a repeated request from the cache, keyed by URL and query, never the token', async () => {
    const cache = make();
    await cache.clear();
    const backend = counting([200]);
    const b = cachedBackend(backend, cache);
    expect(b.tmdbToken).toBe('secret-token');
    const first = await b.get(movie('155', 'one'));
    // Another token, same request: the cached reply; another id: a new request.
    expect(await b.get(movie('155', 'two'))).toEqual(first);
    await b.get(movie('156', 'one'));
    expect(backend.calls.map((r) => r.url)).toEqual(['https://api.themoviedb.org/3/movie/155', 'https://api.themoviedb.org/3/movie/156']);
    expect(requestKey(movie('155', 'one'))).toBe('https://api.themoviedb.org/3/movie/155?language=en-US');
  });

  it("keeps 4xx replies (the service's answer) but asks again after a 5xx or 429", async () => {
    const cache = make();
    await cache.clear();
    const backend = counting([503, 429, 404]);
    const b = cachedBackend(backend, cache);
    const statuses: HttpReply['status'][] = [];
    for (let i = 0; i < 4; i++) statuses.push((await b.get(movie('1', 't'))).status);
    expect(statuses).toEqual([503, 429, 404, 404]);
    expect(backend.calls).toHaveLength(3);
  });

  it('forgets everything when cleared (Settings)', async () => {
    const cache = make();
    await cache.clear();
    const backend = counting([200]);
    const b = cachedBackend(backend, cache);
    await b.get(movie('7', 't'));
    expect(await cache.size()).toBe(1);
    await cache.clear();
    expect(await cache.size()).toBe(0);
    await b.get(movie('7', 't'));
    expect(backend.calls).toHaveLength(2);
  });
});

describe('the IndexedDB cache', () => {
  it('ignores a stored record that is not a reply (the database is outside input)', async () => {
    const cache = idbReplyCache();
    await cache.clear();
    const key = requestKey(movie('9', 't'));
    await (await openDB(LIVE_CACHE_DB, 1)).put('replies', { status: 'ok', text: 5 }, key);
    const backend = counting([200]);
    expect(await cachedBackend(backend, cache).get(movie('9', 't'))).toEqual({ status: 200, text: 'reply 1' });
  });
});
