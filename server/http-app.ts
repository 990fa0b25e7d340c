/**
 * AgentGym-compatible HTTP API over every registered env: `/<env>/create`, `/reset`, `/step`,
 * `/observation`, `/detail`, `/available_actions`, the env's extra GETs and `/close`, with the
 * request and reply bodies of that env's AgentGym server (described by its spec's `http`), so
 * AgentGym's Python clients work with `env_server_base = http://host:port/<env>`.
 *
 * A thin adapter over EnvSession: validation, id bookkeeping and reply shapes only. Unlike
 * AgentGym (errors as HTTP 200 `{"error"}`), errors are 4xx/5xx with a JSON `{"error"}` body.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { checkItemIndex, type EnvManifest, type HttpCompat, type HttpReplyContext } from '../workers/envs/contract.ts';
import { ENVS, getEnv } from '../workers/envs/registry.ts';
import { errorMessage } from '../workers/error-message.ts';
import { nodeDataSource } from '../workers/node-data-source.ts';
import { EnvSession, loadModule, type Snapshot } from '../workers/session.ts';

export interface HttpAppOptions {
  /** Live sessions across all envs; create fails with 503 beyond it. */
  maxSessions?: number;
  /** Largest request body accepted, in bytes; larger gets 413. */
  maxBodyBytes?: number;
}

export type HttpHandler = (req: IncomingMessage, res: ServerResponse) => void;

/** One live env as the server tracks it, like AgentGym's per-id info dict. */
interface Live {
  id: number;
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

export function createHttpApp(options: HttpAppOptions = {}): HttpHandler {
  const maxSessions = options.maxSessions ?? 10_000;
  const maxBodyBytes = options.maxBodyBytes ?? 1_000_000;
  const live = new Map<string, Map<number, Live>>(ENVS.map((e) => [e.id, new Map()]));
  const nextId = new Map<string, number>();
  let liveCount = 0;

  function lookup(spec: EnvManifest, id: number): Live {
    const entry = live.get(spec.id)!.get(id);
    if (!entry) throw new HttpError(404, `The id ${id} is not valid.`);
    return entry;
  }

  async function create({ spec, http }: Target, body: Body): Promise<unknown> {
    const item = http.createItemField ? itemField(spec, body, http.createItemField) : null;
    if (liveCount >= maxSessions) throw new HttpError(503, `Too many live environments (${maxSessions}); close some first.`);
    const id = nextId.get(spec.id) ?? 0;
    nextId.set(spec.id, id + 1);
    const entry: Live = { id, session: await EnvSession.open(spec, nodeDataSource), item: null, done: false, total: 0 };
    const resets = item !== null || http.createResets === true;
    // TextCraft's server starts each new env at item = its id; ids grow past the item count.
    const snap = resets ? await resetLive(entry, item ?? id % spec.itemCount) : null;
    live.get(spec.id)!.set(id, entry);
    liveCount++;
    const ctx = snap ? context(id, snap, entry) : null;
    if (http.replies?.create) return http.replies.create(id, ctx);
    return ctx ? defaultReply(ctx) : { id };
  }

  async function reset({ spec, http }: Target, body: Body): Promise<unknown> {
    const id = idOf(http, body);
    const item = itemField(spec, body, http.resetField);
    const entry = lookup(spec, id);
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
    live.get(spec.id)!.delete(id);
    liveCount--;
    await entry.session.close();
    return true;
  }

  async function get({ spec, http }: Target, route: string, query: URLSearchParams): Promise<unknown> {
    const entry = lookup(spec, queryId(http, query));
    const env = entry.session.env;
    const extra = http.extraGets?.[route];
    // Extra GETs work before reset: Wordle's client asks for the vocabulary right after create.
    if (extra) return extra(env);
    if (route === 'available_actions') {
      if (!env.availableActions) throw new HttpError(404, `${spec.title} does not list available actions.`);
      return env.availableActions();
    }
    const started = entry.item !== null;
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

  async function route(req: IncomingMessage, url: URL): Promise<[number, unknown]> {
    const parts = url.pathname.split('/').filter(Boolean);
    if (parts.length === 0) {
      if (req.method !== 'GET') throw new HttpError(405, 'Use GET /.');
      return [200, { name: 'agentgym-web', envs: ENVS.map((e) => ({ id: e.id, title: e.title, base: `/${e.id}` })) }];
    }
    const spec = getEnv(parts[0]);
    if (!spec) throw new HttpError(404, `Unknown environment "${parts[0]}". Known: ${ENVS.map((e) => e.id).join(', ')}.`);
    if (parts.length > 2) throw new HttpError(404, `No route ${url.pathname}.`);
    const name = parts[1] ?? '';
    const target: Target = { spec, http: (await loadModule(spec)).http };
    const posts: Record<string, (target: Target, body: Body) => Promise<unknown>> = { create, reset, step, close };
    const post = Object.hasOwn(posts, name) ? posts[name] : undefined;
    if (post) {
      if (req.method !== 'POST') throw new HttpError(405, `Use POST /${spec.id}/${name}.`);
      return [200, await post(target, await readBody(req, maxBodyBytes, name === 'create'))];
    }
    if (req.method !== 'GET') throw new HttpError(name === '' || isGetRoute(target.http, name) ? 405 : 404, `No route ${req.method} ${url.pathname}.`);
    if (name === '') return [200, `This is environment ${spec.title}.`];
    if (!isGetRoute(target.http, name)) throw new HttpError(404, `No route GET ${url.pathname}.`);
    return [200, await get(target, name, url.searchParams)];
  }

  return (req, res) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
        'Access-Control-Allow-Headers': req.headers['access-control-request-headers'] ?? 'Content-Type',
        'Access-Control-Max-Age': '86400',
      });
      res.end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    // The catch also covers a reply that fails to serialise, so no request can crash the process.
    route(req, url)
      .then(([status, body]) => send(res, status, body))
      .catch((e: unknown) => {
        if (e instanceof HttpError) send(res, e.status, { error: e.message });
        else send(res, 500, { error: errorMessage(e) });
      });
  };
}

/** GET routes of an env: its extra GETs, observation, detail and available_actions. */
function isGetRoute(http: HttpCompat, name: string): boolean {
  return ['observation', 'detail', 'available_actions'].includes(name) || Object.hasOwn(http.extraGets ?? {}, name);
}

function context(id: number, snap: Snapshot, entry: Live): HttpReplyContext {
  return { id, observation: snap.observation, reward: snap.reward, done: snap.done, info: snap.info, total: entry.total };
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
  if (!/^\d{1,15}$/.test(raw)) throw new HttpError(422, `Query parameter "${field}" must be a non-negative integer, got ${JSON.stringify(raw)}.`);
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

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  const text = JSON.stringify(body ?? null);
  const headers: Record<string, string | number> = { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) };
  // Do not read the rest of an oversized body to keep the connection alive.
  if (status === 413) headers.Connection = 'close';
  res.writeHead(status, headers);
  res.end(text);
}
