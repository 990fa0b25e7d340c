/**
 * The little HTTP kit both demo sites share: a page shell, HTML escaping, form bodies, the
 * per-episode session cookie and a router. The sites are server-rendered HTML with plain links and
 * forms, so every action an agent takes is a real navigation a browser makes.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The cookie the proxy sets per browser context, so each episode sees its own site state. */
export const SESSION_COOKIE = 'demo_sid';

export function esc(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A whole page: title, a navigation bar of [href, label] links, and the body HTML. */
export function page(title: string, nav: [string, string][], body: string): string {
  const links = nav.map(([href, label]) => `<a href="${esc(href)}">${esc(label)}</a>`).join(' ');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title><style>
body{font:15px/1.4 system-ui,sans-serif;margin:0;color:#222}nav{background:#234;padding:8px 16px}nav a{color:#fff;margin-right:16px}
main{padding:8px 16px}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 8px;text-align:left}
h1{font-size:22px;margin:8px 0}form{margin:8px 0}
</style></head><body><nav>${links}</nav><main>${body}</main></body></html>`;
}

export function sessionId(req: IncomingMessage): string {
  const cookie = req.headers.cookie ?? '';
  const m = new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=([A-Za-z0-9-]{1,64})`).exec(cookie);
  return m ? m[1] : 'anonymous';
}

const MAX_FORM_BYTES = 64 * 1024;

/** An urlencoded form body (the only kind the sites' forms post). */
export async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_FORM_BYTES) throw new Error('form too large');
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

export function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(html);
}

/** Post/redirect/get: every form answers with a 303 to the page showing its effect. */
export function redirect(res: ServerResponse, location: string): void {
  res.writeHead(303, { Location: location, 'Cache-Control': 'no-store' });
  res.end();
}

/** A route: method, a path pattern with `:name` parts, and a handler given the matched parts. */
export interface Route<S> {
  method: 'GET' | 'POST';
  path: string;
  handle(ctx: RouteContext<S>): string | { redirect: string } | Promise<string | { redirect: string }>;
}

export interface RouteContext<S> {
  state: S;
  params: Record<string, string>;
  query: URLSearchParams;
  form: URLSearchParams;
}

/** Thrown by a handler for a missing record; becomes a 404 page. */
export class NotFound extends Error {}

/**
 * A site: routes over per-session state made by `fresh()`. `POST /__reset` drops the caller's
 * session state (WebArena resets its sites between runs; here a reset is per episode).
 */
export function siteHandler<S>(name: string, fresh: () => S, routes: Route<S>[]) {
  const sessions = new Map<string, S>();
  const stateOf = (sid: string): S => {
    let s = sessions.get(sid);
    if (!s) sessions.set(sid, (s = fresh()));
    return s;
  };
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://site.invalid');
    const sid = sessionId(req);
    try {
      if (req.method === 'POST' && url.pathname === '/__reset') {
        sessions.delete(sid);
        return redirect(res, '/');
      }
      for (const route of routes) {
        const params = match(route.path, url.pathname);
        if (!params || route.method !== req.method) continue;
        const form = req.method === 'POST' ? await readForm(req) : new URLSearchParams();
        const out = await route.handle({ state: stateOf(sid), params, query: url.searchParams, form });
        return typeof out === 'string' ? sendHtml(res, 200, out) : redirect(res, out.redirect);
      }
      throw new NotFound();
    } catch (e) {
      if (e instanceof NotFound) return sendHtml(res, 404, page(`Not found | ${name}`, [['/', name]], '<h1>Page not found</h1>'));
      sendHtml(res, 400, page(`Bad request | ${name}`, [['/', name]], `<h1>Bad request</h1><p>${esc(String(e))}</p>`));
    }
  };
}

function match(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(':')) params[want[i].slice(1)] = decodeURIComponent(got[i]);
    else if (want[i] !== got[i]) return null;
  }
  return params;
}
