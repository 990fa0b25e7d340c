/**
 * Where env data comes from. In the browser a file under static-data/ is fetched once and kept in
 * Cache Storage under the env's data version (a new version drops the old copies); in Node it is
 * read from disk. Envs see only the DataSource interface.
 */
import type { DataSource } from './envs/contract.ts';

/** Bytes received and expected (0 when the server does not say), for a progress bar; `done` with the last bytes. */
export type DataProgress = (path: string, received: number, total: number, done: boolean) => void;

const CACHE_PREFIX = 'agentgym-data:';

/**
 * Files up to MEMO_FILE_BYTES are also kept in the worker's memory once read, up to MEMO_BYTES in
 * all, least recently used out: ALFWorld reads a 3 KB game file on every reset, and each read from
 * Cache Storage cost the browser process about 2 ms of CPU. Large files are the envs' to keep.
 */
const MEMO_FILE_BYTES = 64 * 1024;
const MEMO_BYTES = 8 * 1024 * 1024;

/** Recently read small files, oldest first (a Map keeps insertion order). */
class ByteMemo {
  private readonly files = new Map<string, Uint8Array>();
  private bytes = 0;

  get(path: string): Uint8Array | undefined {
    const hit = this.files.get(path);
    if (hit) {
      this.files.delete(path);
      this.files.set(path, hit);
    }
    return hit;
  }

  set(path: string, body: Uint8Array): void {
    if (body.length > MEMO_FILE_BYTES || this.files.has(path)) return;
    this.files.set(path, body);
    this.bytes += body.length;
    for (const [old, b] of this.files) {
      if (this.bytes <= MEMO_BYTES) break;
      this.files.delete(old);
      this.bytes -= b.length;
    }
  }
}

/** A DataSource over HTTP: `base` is the URL static-data/ is served from. */
export function fetchDataSource(base: string, cacheKey: string, onProgress?: DataProgress): DataSource {
  const cacheName = CACHE_PREFIX + cacheKey;
  const caches = typeof globalThis.caches === 'undefined' ? null : globalThis.caches;
  let pruned: Promise<void> | null = null;
  let opened: Promise<Cache> | null = null;
  const memo = new ByteMemo();

  // Older versions of the same env's data are dead weight once a new version is in use.
  const prune = async () => {
    if (!caches) return;
    const env = cacheKey.split('@')[0];
    for (const name of await caches.keys()) {
      if (name.startsWith(`${CACHE_PREFIX}${env}@`) && name !== cacheName) await caches.delete(name);
    }
  };

  const openCache = (): Promise<Cache> | null => {
    if (!caches) return null;
    opened ??= caches.open(cacheName).catch((e: unknown) => {
      opened = null; // not kept: the next read tries again
      throw e;
    });
    return opened;
  };

  async function read(path: string): Promise<Uint8Array> {
    const url = new URL(path, base).href;
    const cache = await openCache();
    const hit = await cache?.match(url);
    if (hit) return new Uint8Array(await hit.arrayBuffer());
    pruned ??= prune().catch(() => {});
    const res = await fetch(url);
    if (!res.ok) throw new Error(`Could not load ${path}: HTTP ${res.status}`);
    const body = await readWithProgress(res, (got, total, done) => onProgress?.(path, got, total, done));
    await cache?.put(url, new Response(body.slice().buffer as ArrayBuffer, { headers: { 'content-type': res.headers.get('content-type') ?? 'application/octet-stream' } }));
    return body;
  }

  async function bytes(path: string): Promise<Uint8Array> {
    const kept = memo.get(path);
    if (kept) return kept.slice(); // a copy: the caller may change what it gets
    const body = await read(path);
    memo.set(path, body.slice());
    return body;
  }

  return {
    bytes,
    json: async <T>(path: string) => JSON.parse(new TextDecoder().decode(await bytes(path))) as T,
  };
}

async function readWithProgress(res: Response, progress: (received: number, total: number, done: boolean) => void): Promise<Uint8Array> {
  const total = Number(res.headers.get('content-length') ?? 0);
  if (!res.body) return new Uint8Array(await res.arrayBuffer());
  const chunks: Uint8Array[] = [];
  let received = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
    progress(received, total, false);
  }
  progress(received, total, true);
  const out = new Uint8Array(received);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
