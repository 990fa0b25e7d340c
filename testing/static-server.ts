/**
 * Test helper: serves a built app folder over loopback with the app's security headers, and can
 * be stopped outright (connections dropped), so a test can take the network away from a page for
 * real: the browser then gets connection errors, as with no network, service workers included.
 */
import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { SECURITY_HEADERS } from '../csp.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.wasm': 'application/wasm',
  '.map': 'application/json', '.gz': 'application/gzip', '.sqlite': 'application/vnd.sqlite3',
};

export class StaticServer {
  private server: Server | null = null;

  constructor(private readonly root: string) {}

  /** Starts on a free loopback port; resolves to the origin. */
  async start(): Promise<string> {
    const root = resolve(this.root);
    this.server = createServer((req, res) => {
      const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      let path = resolve(join(root, pathname.endsWith('/') ? `${pathname}index.html` : pathname));
      if (path !== root && !path.startsWith(root + sep)) path = '';
      let size = -1;
      try {
        if (path && statSync(path).isFile()) size = statSync(path).size;
      } catch {
        /* not found below */
      }
      if (size < 0) {
        res.writeHead(404).end('not found');
        return;
      }
      res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream', 'Content-Length': size });
      createReadStream(path).pipe(res);
    });
    await new Promise<void>((ok) => this.server!.listen(0, '127.0.0.1', ok));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Stops listening and drops every open connection. */
  async stop(): Promise<void> {
    const s = this.server;
    this.server = null;
    if (!s) return;
    s.closeAllConnections();
    await new Promise<void>((ok) => s.close(() => ok()));
  }
}
