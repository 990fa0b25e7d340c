/**
 * The WebArena proxy's HTTP API. Every request needs `Authorization: Bearer <token>` (compared in
 * constant time); bodies are JSON and validated; each episode's calls run one at a time; live
 * episodes are capped and idle ones closed. The env server's guard (../http-guard.ts) runs first:
 * browsers may call only from the app's origins (or `allowOrigins`), the Host header must name
 * this server (DNS rebinding), and CORS headers go only to allowed origins, errors included, so the
 * app can tell a wrong token (401) from a refused origin.
 *
 *   GET    /tasks                      -> { count, tasks: [{ task_id, intent, sites }] }
 *   POST   /episodes                   -> { id }
 *   POST   /episodes/:id/reset {task}  -> { observation, url }
 *   POST   /episodes/:id/step {action} -> { observation, reward, done, truncated, info }
 *   GET    /episodes/:id/observation   -> { observation, url, nodes }  (nodes: id -> backend_id, union_bound, text)
 *   GET    /episodes/:id/screenshot    -> { png }  (base64)
 *   DELETE /episodes/:id               -> { closed: true }
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createGuard, GuardError, type GuardOptions } from '../http-guard.ts';
import { Episode, type EpisodeEnv } from './episode.ts';
import { instantiate, type TaskConfig } from './tasks.ts';

export interface ProxyOptions extends EpisodeEnv {
  token: string;
  tasks: TaskConfig[];
  /** Placeholder → site base URL, for the task configs. */
  siteUrls: Record<string, string>;
  maxEpisodes: number;
  idleMs: number;
  /** Browser origins that may call the proxy (default: the app's, http-guard's APP_ORIGINS). */
  allowOrigins?: GuardOptions['allowOrigins'];
  /** Host header names accepted (default loopback names); null for a non-loopback bind. */
  allowHosts?: GuardOptions['allowHosts'];
}

class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

const MAX_BODY = 256 * 1024;

async function body(req: IncomingMessage): Promise<Record<string, unknown>> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const c of req as AsyncIterable<Buffer>) {
    if ((size += c.length) > MAX_BODY) throw new HttpError(413, `Body larger than ${MAX_BODY} bytes.`);
    chunks.push(c);
  }
  if (!size) return {};
  try {
    const v: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {
    // falls through to the error below
  }
  throw new HttpError(400, 'Body must be a JSON object.');
}

export interface Proxy {
  handle(req: IncomingMessage, res: ServerResponse): void;
  close(): Promise<void>;
}

export function createProxy(opts: ProxyOptions): Proxy {
  const tasks = opts.tasks.map((t) => instantiate(t, opts.siteUrls));
  if (!opts.token) throw new Error('The proxy needs a token.');
  const guard = createGuard({ token: opts.token, allowOrigins: opts.allowOrigins, allowHosts: opts.allowHosts, jsonBodies: false });
  const episodes = new Map<number, { episode: Episode; queue: Promise<unknown> }>();
  let nextId = 0;

  const sweep = setInterval(() => {
    for (const [id, e] of episodes) if (Date.now() - e.episode.lastUsed > opts.idleMs) void drop(id);
  }, Math.min(opts.idleMs, 60_000));
  sweep.unref();

  async function drop(id: number): Promise<void> {
    const e = episodes.get(id);
    episodes.delete(id);
    if (e) await e.queue.then(() => e.episode.close(), () => e.episode.close());
  }

  /** Runs `fn` after the episode's earlier calls, so one page never gets two actions at once. */
  function serial<T>(id: number, fn: (ep: Episode) => Promise<T>): Promise<T> {
    const e = episodes.get(id);
    if (!e) throw new HttpError(404, `No episode ${id}.`);
    e.episode.lastUsed = Date.now();
    const run = e.queue.then(() => fn(e.episode), () => fn(e.episode));
    e.queue = run.catch(() => {});
    return run;
  }

  async function route(req: IncomingMessage, url: URL): Promise<unknown> {
    const method = req.method ?? 'GET';
    if (method === 'GET' && url.pathname === '/tasks') {
      return { count: tasks.length, tasks: tasks.map((t) => ({ task_id: t.task_id, intent: t.intent, sites: t.sites })) };
    }
    if (method === 'POST' && url.pathname === '/episodes') {
      if (episodes.size >= opts.maxEpisodes) throw new HttpError(503, `Too many live episodes (${opts.maxEpisodes}); close some first.`);
      const id = nextId++;
      episodes.set(id, { episode: new Episode(opts), queue: Promise.resolve() });
      return { id };
    }
    const m = /^\/episodes\/(\d{1,9})(?:\/(reset|step|observation|screenshot))?$/.exec(url.pathname);
    if (!m) throw new HttpError(404, `No route ${method} ${url.pathname}.`);
    const id = Number(m[1]);
    const sub = m[2] ?? '';
    if (method === 'DELETE' && sub === '') {
      if (!episodes.has(id)) throw new HttpError(404, `No episode ${id}.`);
      await drop(id);
      return { closed: true };
    }
    if (method === 'POST' && sub === 'reset') {
      const { task } = await body(req);
      if (typeof task !== 'number' || !Number.isInteger(task) || task < 0 || task >= tasks.length) {
        throw new HttpError(422, `Field "task" must be an integer from 0 to ${tasks.length - 1}.`);
      }
      return serial(id, async (ep) => ({ observation: await ep.reset(tasks[task]), url: ep.currentUrl() }));
    }
    if (method === 'POST' && sub === 'step') {
      const { action } = await body(req);
      if (typeof action !== 'string') throw new HttpError(422, 'Field "action" must be a string.');
      return serial(id, (ep) => ep.step(action));
    }
    if (method === 'GET' && sub === 'observation') return serial(id, async (ep) => ({ observation: ep.observation, url: ep.currentUrl(), nodes: ep.nodeInfo() }));
    if (method === 'GET' && sub === 'screenshot') return serial(id, async (ep) => ({ png: await ep.screenshot() }));
    throw new HttpError(404, `No route ${method} ${url.pathname}.`);
  }

  return {
    handle(req, res) {
      for (const [name, value] of Object.entries(guard.cors(req))) res.setHeader(name, value);
      const send = (status: number, value: unknown) => {
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(value));
      };
      const url = new URL(req.url ?? '/', 'http://proxy.invalid');
      try {
        // The token is only taken from the Authorization header: a path prefix would end up in logs.
        if (guard.check(req, url.pathname) !== url.pathname) throw new GuardError(404, 'Send the token in the Authorization header.');
      } catch (e) {
        if (!(e instanceof GuardError)) throw e;
        const error = e.status === 401 ? 'Missing or wrong token: send Authorization: Bearer <token printed by the proxy>.' : e.message;
        return send(e.status, { error });
      }
      if (req.method === 'OPTIONS') {
        res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type');
        res.setHeader('Access-Control-Allow-Methods', 'GET, POST, DELETE');
        res.setHeader('Access-Control-Max-Age', '600');
        // An allowed app served from a public origin reaching a loopback proxy (Chrome's Private Network Access).
        if (req.headers['access-control-request-private-network'] === 'true') res.setHeader('Access-Control-Allow-Private-Network', 'true');
        return send(204, null);
      }
      route(req, url).then(
        (v) => send(200, v),
        (e: unknown) => {
          const status = e instanceof HttpError ? e.status : e instanceof Error && /Reset the episode|has finished/.test(e.message) ? 409 : 500;
          send(status, { error: e instanceof Error ? e.message : String(e) });
        },
      );
    },
    async close() {
      clearInterval(sweep);
      await Promise.all([...episodes.keys()].map(drop));
    },
  };
}
