/**
 * Starts a WebArena proxy: the demo sites on loopback (unless the user's own WebArena sites are
 * given), the browser, and the token-guarded HTTP API. Used by `npm run proxy`, by the tests, and
 * by the webarena env in Node when no proxy URL is configured.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { browserHandle, type BrowserSource } from './browser.ts';
import { ContextSupply } from './contexts.ts';
import { createProxy } from './proxy-server.ts';

const LOOPBACK_BINDS = ['127.0.0.1', 'localhost', '::1'];
import { startDemoSites } from './sites/demo-sites.ts';
import { DEMO_TASKS_PATH, loadTasks, type TaskConfig } from './tasks.ts';
import { urlMap } from './url-map.ts';

export interface StartOptions {
  browser?: BrowserSource;
  /** Task configs; the demo tasks when absent. */
  tasks?: TaskConfig[];
  /** Placeholder → base URL of the user's sites; the demo sites are started when absent. */
  sites?: Record<string, string>;
  host?: string;
  port?: number;
  token?: string;
  maxEpisodes?: number;
  maxSteps?: number;
  maxHeapBytes?: number;
  idleMs?: number;
  /** Browser origins allowed to call the proxy besides none: default the app's own (dev 5173, preview 4173). */
  allowOrigins?: string[];
}

export interface RunningProxy {
  url: string;
  token: string;
  close(): Promise<void>;
}

export async function startProxy(options: StartOptions = {}): Promise<RunningProxy> {
  const demo = options.sites ? null : await startDemoSites();
  const siteUrls = options.sites ?? demo!.urls;
  const origins = [...new Set(Object.values(siteUrls).map((u) => new URL(u).origin))];
  const browser = browserHandle(options.browser ?? { kind: 'local' });
  const contexts = new ContextSupply(() => browser.get(), origins);
  const token = options.token ?? randomBytes(24).toString('base64url');
  const proxy = createProxy({
    token,
    tasks: options.tasks ?? loadTasks(DEMO_TASKS_PATH.pathname),
    siteUrls,
    origins,
    urls: urlMap(siteUrls),
    contexts,
    maxEpisodes: options.maxEpisodes ?? 16,
    maxSteps: options.maxSteps ?? 100,
    maxHeapBytes: options.maxHeapBytes ?? 512 * 2 ** 20,
    idleMs: options.idleMs ?? 15 * 60_000,
    allowOrigins: options.allowOrigins,
    // Bound beyond loopback, the Host header can name anything: the token guards alone.
    allowHosts: LOOPBACK_BINDS.includes(options.host ?? '127.0.0.1') ? undefined : null,
  });
  const server = createServer((req, res) => proxy.handle(req, res));
  await new Promise<void>((done) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', done));
  const { address, port } = server.address() as AddressInfo;
  return {
    url: `http://${address.includes(':') ? `[${address}]` : address}:${port}`,
    token,
    async close() {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
      await proxy.close();
      await contexts.close();
      await browser.close();
      await demo?.close();
    },
  };
}
