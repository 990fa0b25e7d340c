/**
 * A stand-in for the live services (open-meteo, TMDB) on loopback, for tests of live mode: never
 * the real network. `fetch` sends any https request (what the live backend sends) for https://<host>/<path> to
 * http://127.0.0.1:<port>/<host>/<path> instead; the server records each request and answers from
 * the routes the test gives (raw bodies, so a test controls ints and floats as the service prints them).
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Seen {
  host: string;
  path: string;
  query: [string, string][];
  headers: IncomingHttpHeaders;
}

export interface Route {
  status?: number;
  body: string;
}

/** A fixed reply, or one chosen from the request's query. */
export type Handler = Route | ((query: URLSearchParams) => Route);

export interface LiveApis {
  /** A fetch that reaches this server for any https URL. */
  fetch: typeof fetch;
  seen: Seen[];
  close(): Promise<void>;
}

/** Routes are keyed "<host><path>", e.g. "api.open-meteo.com/v1/elevation"; others answer 404. */
export async function startLiveApis(routes: Record<string, Handler>): Promise<LiveApis> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://loopback');
    const [, host, ...rest] = url.pathname.split('/');
    const path = `/${rest.join('/')}`;
    seen.push({ host, path, query: [...url.searchParams], headers: req.headers });
    const handler = routes[host + path];
    const route = typeof handler === 'function' ? handler(url.searchParams) : handler;
    res.writeHead(route?.status ?? (route ? 200 : 404), { 'content-type': 'application/json' });
    res.end(route?.body ?? '{"status_code":34,"status_message":"The resource you requested could not be found.","success":false}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const realFetch = globalThis.fetch.bind(globalThis);
  return {
    fetch: (input, init) => {
      const u = new URL(input instanceof Request ? input.url : String(input));
      // Plain http is the test's own traffic (an app server on loopback).
      if (u.protocol !== 'https:') return realFetch(input, init);
      return realFetch(`http://127.0.0.1:${port}/${u.host}${u.pathname}${u.search}`, init);
    },
    seen,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        server.closeAllConnections(); // fetch keeps connections alive, which would hold close open
      }),
  };
}
