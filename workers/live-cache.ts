/**
 * Live replies cached per request, so that re-running a live episode asks the services nothing new
 * and sees the same replies. The key is the request's URL with its query, as sent; headers (where
 * the TMDB token travels) are never part of it. Replies are kept unless the service was in trouble
 * (5xx, 429: worth asking again); requests that got no reply are not kept either. In the browser
 * the cache is an IndexedDB database of its own, shared by the page (which can clear it in
 * Settings) and the workers; in Node it lives in memory for the life of the process.
 */
import { openDB, type IDBPDatabase } from 'idb';
import type { HttpReply, HttpRequest, LiveBackend } from './envs/contract.ts';

export interface ReplyCache {
  get(key: string): Promise<HttpReply | undefined>;
  put(key: string, reply: HttpReply): Promise<void>;
  clear(): Promise<void>;
  /** How many replies are kept. */
  size(): Promise<number>;
}

export function requestKey({ url, query }: HttpRequest): string {
  return query.length ? `${url}?${new URLSearchParams(query).toString()}` : url;
}

const keeps = (status: number) => status < 500 && status !== 429;

/** `backend`, answering from `cache` a request it has seen and keeping what the service says. */
export function cachedBackend(backend: LiveBackend, cache: ReplyCache): LiveBackend {
  return {
    ...backend,
    async get(request) {
      const key = requestKey(request);
      const hit = await cache.get(key);
      if (hit) return hit;
      const reply = await backend.get(request);
      if (keeps(reply.status)) await cache.put(key, reply);
      return reply;
    },
  };
}

export function memoryReplyCache(): ReplyCache {
  const replies = new Map<string, HttpReply>();
  return {
    get: async (key) => replies.get(key),
    put: async (key, reply) => void replies.set(key, reply),
    clear: async () => replies.clear(),
    size: async () => replies.size,
  };
}

export const LIVE_CACHE_DB = 'agentgym-live-cache';
const STORE = 'replies';

/** What a stored reply must look like to be used (the database is outside input). */
function isReply(v: unknown): v is HttpReply {
  return typeof v === 'object' && v !== null && Number.isInteger((v as HttpReply).status) && typeof (v as HttpReply).text === 'string';
}

export function idbReplyCache(): ReplyCache {
  let db: Promise<IDBPDatabase> | undefined;
  const open = () =>
    (db ??= openDB(LIVE_CACHE_DB, 1, {
      upgrade(d) {
        d.createObjectStore(STORE);
      },
    }));
  return {
    async get(key) {
      const v: unknown = await (await open()).get(STORE, key);
      return isReply(v) ? { status: v.status, text: v.text } : undefined;
    },
    put: async (key, reply) => void (await (await open()).put(STORE, { status: reply.status, text: reply.text }, key)),
    clear: async () => (await open()).clear(STORE),
    size: async () => (await open()).count(STORE),
  };
}

let shared: ReplyCache | undefined;

/** The cache live sessions use here: IndexedDB where there is one (browser, worker), else memory. */
export function replyCache(): ReplyCache {
  shared ??= typeof indexedDB === 'undefined' ? memoryReplyCache() : idbReplyCache();
  return shared;
}
