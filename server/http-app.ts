/**
 * AgentGym-compatible HTTP API over every registered env: `/<env>/create`, `/reset`, `/step`,
 * `/observation`, `/detail`, `/available_actions`, the env's extra GETs and `/close`, with the
 * request and reply bodies of that env's AgentGym server (described by its spec's `http`), so
 * AgentGym's Python clients work with `env_server_base = http://host:port/<env>`.
 *
 * A thin adapter over EnvSession: validation, id bookkeeping and reply shapes only. Unlike
 * AgentGym (errors as HTTP 200 `{"error"}`), errors are 4xx/5xx with a JSON `{"error"}` body.
 *
 * Safety (see http-guard.ts for who may call): ids are `epoch × 10^9 + n` with a random per-process
 * epoch, still plain integers (AgentGym's clients store the id from create and send it back as
 * JSON or `?id=`), so an id from before a restart gets a clear 404 instead of addressing someone
 * else's new env. Envs idle for longer than the TTL are closed (AgentGym's clients never close),
 * and the live-env cap holds per client address as well as overall.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomInt } from 'node:crypto';
import { checkItemIndex, type EnvManifest, type HttpCompat, type HttpReplyContext } from '../workers/envs/contract.ts';
import { ENVS, getEnv } from '../workers/envs/registry.ts';
import { errorMessage } from '../workers/error-message.ts';
import { nodeDataFor } from '../workers/node-data-source.ts';
import type { LiveSettings } from '../workers/live-http.ts';
import { EnvSession, loadModule, type Snapshot } from '../workers/session.ts';
import { createGuard, GuardError, type GuardOptions } from './http-guard.ts';

export interface HttpAppOptions extends GuardOptions {
  /** Live sessions across all envs; create fails with 503 beyond it. */
  maxSessions?: number;
  /** Live sessions per client address other than loopback (all loopback clients are one machine). */
  maxPerClient?: number;
  /** Envs unused for this long are closed (default 1 hour). */
  ttlMs?: number;
  /** Id prefix of this process (default random); tests pass 0 for ids 0, 1, ... */
  epoch?: number;
  now?: () => number;
  /** Largest request body accepted, in bytes; larger gets 413. */
  maxBodyBytes?: number;
  /** Envs served in live mode (their tools call the real services), by env id; none by default. */
  live?: Readonly<Record<string, LiveSettings>>;
}

export type HttpHandler = (req: IncomingMessage, res: ServerResponse) => void;

/** One live env as the server tracks it, like AgentGym's per-id info dict. */
interface Live {
  id: number;
  /** Which client made it (its address), for the per-client cap. */
  client: string;
  lastUsed: number;
  session: EnvSession;
  item: number | null;
  done: boolean;
  total: number;
}

/** An error with its HTTP status; anything else thrown while handling is a 500. */
class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

type Body = Record<string, unknown>;

/** The env a request is for: its manifest and its AgentGym HTTP shapes (from the loaded module). */
interface Target {
  spec: EnvManifest;
  http: HttpCompat;
}

/** Ids are epoch × EPOCH_SPAN + a counter: 15 digits at most, well within JSON's exact integers. */
const EPOCH_SPAN = 1e9;

export function createHttpApp(options: HttpAppOptions = {}): HttpHandler {
  const maxSessions = options.maxSessions ?? 10_000;
  const maxPerClient = options.maxPerClient ?? 1_000;
  const maxBodyBytes = options.maxBodyBytes ?? 1_000_000;
  const ttlMs = options.ttlMs ?? 3_600_000;
  const now = options.now ?? Date.now;
  const liveOf = (envId: string) => (options.live && Object.hasOwn(options.live, envId) ? { live: options.live[envId] } : undefined);
  const epoch = options.epoch ?? randomInt(100_000, 1_000_000);
  const guard = createGuard(options);
  const live = new Map<string, Map<number, Live>>(ENVS.map((e) => [e.id, new Map()]));
  const nextId = new Map<string, number>();
  const perClient = new Map<string, number>();
  /** Ids closed for idleness, to say so when they come back (bounded: cleared when large). */
  const expired = new Set<number>();
  let liveCount = 0;
  let lastSweep = now();

  function lookup(spec: EnvManifest, id: number): Live {
    const entry = live.get(spec.id)!.get(id);
    if (entry) {
      entry.lastUsed = now();
      return entry;
    }
    if (Math.floor(id / EPOCH_SPAN) !== epoch) throw new HttpError(404, `The id ${id} is not valid: this server restarted since it was made, so your env is gone; create a new one.`);
    if (expired.has(id)) throw new HttpError(404, `The id ${id} is not valid: it was unused for ${formatTtl(ttlMs)} and was closed; create a new one.`);
    throw new HttpError(404, `The id ${id} is not valid.`);
  }

  function drop(envId: string, entry: Live): void {
    live.get(envId)!.delete(entry.id);
    liveCount--;
    const n = (perClient.get(entry.client) ?? 1) - 1;
    if (n > 0) perClient.set(entry.client, n);
    else perClient.delete(entry.client);
  }

  /** Close envs idle past the TTL; at most every quarter TTL unless `force` (the cap is hit). */
  function sweep(force: boolean): void {
    const t = now();
    if (!force && t - lastSweep < Math.min(ttlMs / 4, 60_000)) return;
    lastSweep = t;
    if (expired.size > 100_000) expired.clear();
    for (const [envId, entries] of live) {
      for (const entry of entries.values()) {
        if (t - entry.lastUsed < ttlMs) continue;
        drop(envId, entry);
        expired.add(entry.id);
        // Nobody is waiting on this close: a failing env must not become an unhandled rejection.
        entry.session.close().catch(() => {});
      }
    }
  }

  async function create({ spec, http }: Target, body: Body, client: string): Promise<unknown> {
    const item = http.createItemField ? itemField(spec, body, http.createItemField) : null;
    if (liveCount >= maxSessions) sweep(true);
    if (liveCount >= maxSessions) throw new HttpError(503, `Too many live environments (${maxSessions}); close some first (idle ones close after ${formatTtl(ttlMs)}).`);
    const cap = client === LOOPBACK ? maxSessions : maxPerClient;
    if ((perClient.get(client) ?? 0) >= cap) throw new HttpError(503, `Too many live environments from ${client} (${cap}); close some first.`);
    const n = nextId.get(spec.id) ?? 0;
    nextId.set(spec.id, n + 1);
    const id = epoch * EPOCH_SPAN + n;
    const entry: Live = { id, client, lastUsed: now(), session: await EnvSession.open(spec, nodeDataFor(spec.id), liveOf(spec.id)), item: null, done: false, total: 0 };
    const resets = item !== null || http.createResets === true;
    // TextCraft's server starts each new env at item = its id (a counter); it grows past the item count.
    const snap = resets ? await resetLive(entry, item ?? n % spec.itemCount) : null;
    live.get(spec.id)!.set(id, entry);
    liveCount++;
    perClient.set(client, (perClient.get(client) ?? 0) + 1);
    const ctx = snap ? context(id, snap, entry) : null;
    if (http.replies?.create) return http.replies.create(id, ctx);
    return ctx ? defaultReply(ctx) : { id };
  }

  async function reset({ spec, http }: Target, body: Body): Promise<unknown> {
    const id = idOf(http, body);
    const entry = lookup(spec, id);
    // AgentGym's tool servers take `"id": null` as "the same item again" (the one create loaded).
    const again = http.resetNullRepeats === true && body[http.resetField] === null && entry.item !== null;
    const item = again ? entry.item! : itemField(spec, body, http.resetField);
    const ctx = context(id, await resetLive(entry, item), entry);
    if (http.replies?.reset) return http.replies.reset(ctx);
    return http.createResets || http.createItemField ? defaultReply(ctx) : { observation: ctx.observation };
  }

  async function step({ spec, http }: Target, body: Body): Promise<unknown> {
    const id = idOf(http, body);
    const action = body.action;
    if (typeof action !== 'string') throw new HttpError(422, `Field "action" must be a string, got ${describe(action)}.`);
    const entry = lookup(spec, id);
    if (entry.item === null) throw new HttpError(409, `The task with environment ${id} has not been reset; call reset first.`);
    if (entry.done && !http.stepsAfterDone) throw new HttpError(409, `The task with environment ${id} has finished.`);
    const snap = await entry.session.step(action, http.stepsAfterDone);
    entry.done = snap.done || snap.truncated;
    entry.total += snap.reward;
    const ctx = context(id, snap, entry);
    return http.replies?.step ? http.replies.step(ctx) : { observation: ctx.observation, reward: ctx.reward, done: ctx.done };
  }

  async function close({ spec, http }: Target, body: Body): Promise<unknown> {
    const id = idOf(http, body);
    const entry = lookup(spec, id);
    drop(spec.id, entry);
    await entry.session.close();
    return true;
  }

  async function get({ spec, http }: Target, route: string, query: URLSearchParams): Promise<unknown> {
    const entry = lookup(spec, queryId(http, query));
    const env = entry.session.env;
    const extra = http.extraGets?.[route];
    // Extra GETs work before reset: Wordle's client asks for the vocabulary right after create.
    if (extra) return extra(env);
    const started = entry.item !== null;
    if (route === 'available_actions') {
      if (!env.availableActions) throw new HttpError(404, `${spec.title} does not list available actions.`);
      if (!started) throw new HttpError(409, `The task with environment ${entry.id} has not been reset; call reset first.`);
      return env.availableActions();
    }
    if (route === 'observation') {
      if (!started) throw new HttpError(409, `The task with environment ${entry.id} has not been reset; call reset first.`);
      return (await entry.session.current()).observation;
    }
    // detail: AgentGym's info dict (item, last observation, running reward, done) + the env's own.
    return {
      [http.resetField]: entry.item,
      observation: started ? (await entry.session.current()).observation : null,
      reward: entry.total,
      done: entry.done,
      deleted: false,
      ...(started ? env.detail?.() : undefined),
    };
  }

  async function resetLive(entry: Live, item: number): Promise<Snapshot> {
    const snap = await entry.session.reset(item);
    entry.item = item;
    entry.done = snap.done;
    entry.total = 0;
    return snap;
  }

  async function route(req: IncomingMessage, url: URL, path: string): Promise<[number, unknown]> {
    sweep(false);
    const parts = path.split('/').filter(Boolean);
    if (parts.length === 0) {
      if (req.method !== 'GET') throw new HttpError(405, 'Use GET /.');
      return [200, { name: 'agentgym-web', envs: ENVS.map((e) => ({ id: e.id, title: e.title, base: `/${e.id}` })) }];
    }
    const spec = getEnv(parts[0]);
    if (!spec) throw new HttpError(404, `Unknown environment "${parts[0]}". Known: ${ENVS.map((e) => e.id).join(', ')}.`);
    if (parts.length > 2) throw new HttpError(404, `No route ${path}.`);
    const name = parts[1] ?? '';
    const target: Target = { spec, http: (await loadModule(spec)).http };
    const posts: Record<string, (target: Target, body: Body, client: string) => Promise<unknown>> = { create, reset, step, close };
    const post = Object.hasOwn(posts, name) ? posts[name] : undefined;
    if (post) {
      if (req.method !== 'POST') throw new HttpError(405, `Use POST /${spec.id}/${name}.`);
      return [200, await post(target, await readBody(req, maxBodyBytes, name === 'create'), clientOf(req))];
    }
    if (req.method !== 'GET') throw new HttpError(name === '' || isGetRoute(target.http, name) ? 405 : 404, `No route ${req.method} ${path}.`);
    if (name === '') return [200, `This is environment ${spec.title}.`];
    if (!isGetRoute(target.http, name)) throw new HttpError(404, `No route GET ${path}.`);
    return [200, await get(target, name, url.searchParams)];
  }

  return (req, res) => {
    for (const [k, v] of Object.entries(guard.cors(req))) res.setHeader(k, v);
    const url = new URL(req.url ?? '/', 'http://localhost');
    let path: string;
    try {
      path = guard.check(req, url.pathname);
    } catch (e) {
      // Refused before reading the body: close the connection rather than drain it.
      if (e instanceof GuardError) return send(res, e.status, { error: e.message }, true);
      throw e;
    }
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
        'Access-Control-Allow-Headers': 'Content-Type, Authorization',
        'Access-Control-Max-Age': '86400',
      });
      res.end();
      return;
    }
    // The catch also covers a reply that fails to serialise, so no request can crash the process.
    route(req, url, path)
      .then(([status, body]) => send(res, status, body))
      .catch((e: unknown) => {
        if (e instanceof HttpError) send(res, e.status, { error: e.message });
        else send(res, 500, { error: errorMessage(e) });
      });
  };
}

/** Every loopback caller is the same machine: one client for the per-client cap. */
const LOOPBACK = 'loopback';

function clientOf(req: IncomingMessage): string {
  const addr = req.socket.remoteAddress ?? 'unknown';
  return addr.startsWith('127.') || addr === '::1' || addr.startsWith('::ffff:127.') ? LOOPBACK : addr;
}

function formatTtl(ms: number): string {
  return ms % 3_600_000 === 0 ? `${ms / 3_600_000} h` : ms % 60_000 === 0 ? `${ms / 60_000} min` : `${ms / 1000} s`;
}

/** GET routes of an env: its extra GETs, observation, detail and available_actions. */
function isGetRoute(http: HttpCompat, name: string): boolean {
  return ['observation', 'detail', 'available_actions'].includes(name) || Object.hasOwn(http.extraGets ?? {}, name);
}

function context(id: number, snap: Snapshot, entry: Live): HttpReplyContext {
  return { id, observation: snap.observation, reward: snap.reward, done: snap.done, info: snap.info, total: entry.total, item: entry.item };
}

function defaultReply(ctx: HttpReplyContext): unknown {
  return { id: ctx.id, observation: ctx.observation, reward: ctx.reward, done: ctx.done };
}

function idOf(http: HttpCompat, body: Body): number {
  const field = http.idField ?? 'id';
  const id = body[field];
  if (!isIndex(id)) throw new HttpError(422, `Field "${field}" must be a non-negative integer, got ${describe(id)}.`);
  return id;
}

function queryId(http: HttpCompat, query: URLSearchParams): number {
  const field = http.idField ?? 'id';
  const raw = query.get(field);
  if (raw === null) throw new HttpError(422, `Query parameter "${field}" is required.`);
  if (!/^\d{1,16}$/.test(raw) || !Number.isSafeInteger(Number(raw))) throw new HttpError(422, `Query parameter "${field}" must be a non-negative integer, got ${JSON.stringify(raw)}.`);
  return Number(raw);
}

function itemField(spec: EnvManifest, body: Body, field: string): number {
  const item = body[field];
  if (!isIndex(item)) throw new HttpError(422, `Field "${field}" must be a non-negative integer, got ${describe(item)}.`);
  const err = checkItemIndex(spec, item);
  if (err) throw new HttpError(422, `Field "${field}": ${err}.`);
  return item;
}

function isIndex(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

function describe(v: unknown): string {
  // JSON.parse reads 1e400 as Infinity, which JSON.stringify would print as null.
  if (typeof v === 'number') return String(v);
  return v === undefined ? 'nothing' : JSON.stringify(v).slice(0, 60);
}

/** The JSON object body; an empty body is `{}` where allowed (AgentGym's create takes none). */
async function readBody(req: IncomingMessage, limit: number, emptyOk: boolean): Promise<Body> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw tooLarge(req, limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw tooLarge(req, limit);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '' && emptyOk) return {};
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (e) {
    throw new HttpError(400, `Body is not valid JSON: ${errorMessage(e)}`);
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new HttpError(400, 'Body must be a JSON object.');
  return body as Body;
}

function tooLarge(req: IncomingMessage, limit: number): HttpError {
  // Stop reading; the reply still goes out and the connection closes after it.
  req.pause();
  return new HttpError(413, `Body larger than ${limit} bytes.`);
}

function send(res: ServerResponse, status: number, body: unknown, closeConnection = false): void {
  if (res.headersSent) return;
  const text = JSON.stringify(body ?? null);
  const headers: Record<string, string | number> = { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) };
  // Do not read the rest of an oversized or refused body to keep the connection alive.
  if (status === 413 || closeConnection) headers.Connection = 'close';
  res.writeHead(status, headers);
  res.end(text);
}
