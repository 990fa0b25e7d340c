/**
 * Who may talk to the local env server. A web page the user visits can send requests to
 * 127.0.0.1 too, so before any route runs:
 * - Origin: browsers send it on every cross-origin request (and on every POST); only the app's own
 *   origins and `--allow-origin` ones pass, so a page elsewhere can neither read nor write. Python
 *   clients send none.
 * - Host: must name this server (loopback names, the bound address, `--allow-host`), so a DNS
 *   rebinding page, which is "same-origin" with its own hostname, is refused even without Origin.
 * - POST bodies must be `application/json`: a page cannot send that without a CORS preflight,
 *   which only allowed origins pass. An empty body (AgentGym's create) needs no type.
 * - With a token (required beyond loopback): `Authorization: Bearer <token>`, or the path prefix
 *   `/t/<token>` for AgentGym's Python clients, which only take a base URL.
 */
import type { IncomingMessage } from 'node:http';
import { timingSafeEqual } from 'node:crypto';

export interface GuardOptions {
  /** Origins (scheme://host:port) that may call the server from a browser. */
  allowOrigins?: readonly string[];
  /** Host header names (no port) accepted; null accepts any (a wildcard bind, guarded by the token). */
  allowHosts?: readonly string[] | null;
  token?: string;
  /**
   * Whether POST bodies must be JSON (default true). A server whose token travels only in the
   * Authorization header may turn it off: that header alone makes a browser send a preflight.
   */
  jsonBodies?: boolean;
}

/** The app's own origins: `npm run dev` / `npm start` (5173) and `npm run preview` (4173). */
export const APP_ORIGINS = ['http://localhost:5173', 'http://127.0.0.1:5173', 'http://localhost:4173', 'http://127.0.0.1:4173'];
export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

export class GuardError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface Guard {
  /** Throws a GuardError when the request may not proceed; returns the path with any token prefix removed. */
  check(req: IncomingMessage, path: string): string;
  /** CORS headers for this request's Origin (none for a disallowed or absent one). */
  cors(req: IncomingMessage): Record<string, string>;
}

export function createGuard(options: GuardOptions = {}): Guard {
  const origins = new Set(options.allowOrigins ?? APP_ORIGINS);
  const hosts = options.allowHosts === null ? null : new Set((options.allowHosts ?? LOOPBACK_HOSTS).map((h) => h.toLowerCase()));
  const token = options.token ? Buffer.from(options.token) : null;
  const sameToken = (given: string) => token !== null && given.length === token.length && timingSafeEqual(Buffer.from(given), token);

  function originAllowed(req: IncomingMessage): boolean {
    const origin = req.headers.origin;
    return origin === undefined || origins.has(origin);
  }

  return {
    check(req, path) {
      const host = hostName(req.headers.host);
      if (hosts && (host === null || !hosts.has(host))) {
        throw new GuardError(403, `Host ${JSON.stringify(req.headers.host ?? '')} is not this server's name (a guard against DNS rebinding); start it with --allow-host NAME to accept it.`);
      }
      if (!originAllowed(req)) throw new GuardError(403, `Origin ${req.headers.origin} may not use this server; start it with --allow-origin ${req.headers.origin} to allow it.`);
      let rest = path;
      // A preflight cannot carry credentials; it only learns whether the origin may ask.
      if (token && req.method !== 'OPTIONS') {
        const m = /^\/t\/([^/]+)(\/.*)?$/.exec(path);
        const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
        if (m && sameToken(decodeURIComponent(m[1]))) rest = m[2] ?? '/';
        else if (!bearer || !sameToken(bearer)) throw new GuardError(401, 'This server needs its token: send "Authorization: Bearer <token>" or use the base URL http://host:port/t/<token>/<env>.');
      }
      if (options.jsonBodies !== false && req.method === 'POST' && hasBody(req) && !isJson(req.headers['content-type'])) {
        throw new GuardError(415, `POST bodies must be sent as Content-Type: application/json, got ${JSON.stringify(req.headers['content-type'] ?? 'none')}.`);
      }
      return rest;
    },
    cors(req): Record<string, string> {
      const origin = req.headers.origin;
      return origin !== undefined && origins.has(origin) ? { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' } : { Vary: 'Origin' };
    },
  };
}

/** The Host header's name without its port, lower-cased; IPv6 keeps its brackets. */
function hostName(host: string | undefined): string | null {
  if (!host) return null;
  const m = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::\d{1,5})?$/i.exec(host.trim());
  return m ? m[1].toLowerCase() : null;
}

function hasBody(req: IncomingMessage): boolean {
  return Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
}

function isJson(type: string | undefined): boolean {
  return type !== undefined && /^application\/json\s*(;|$)/i.test(type.trim());
}
