/**
 * Starts the demo sites on loopback, each on its own port (so each is its own origin, as WebArena's
 * sites are), and names them with WebArena's placeholders: the shop is __SHOPPING__, its admin
 * __SHOPPING_ADMIN__ (the shop's /admin) and the forum __REDDIT__.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { forumRoutes, freshForum } from './forum.ts';
import { siteHandler } from './http-kit.ts';
import { freshShop, shopRoutes } from './shop.ts';

export interface DemoSites {
  /** Placeholder (e.g. "__SHOPPING__") to base URL without a trailing slash. */
  urls: Record<string, string>;
  /** Site origins, for the navigation allowlist. */
  origins: string[];
  close(): Promise<void>;
}

async function listen(handler: ReturnType<typeof siteHandler>): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => void handler(req, res));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

export async function startDemoSites(): Promise<DemoSites> {
  const shop = await listen(siteHandler('One Stop Demo Market', freshShop, shopRoutes));
  const forum = await listen(siteHandler('Demo Forum', freshForum, forumRoutes));
  return {
    urls: { __SHOPPING__: shop.url, __SHOPPING_ADMIN__: `${shop.url}/admin`, __REDDIT__: forum.url },
    origins: [shop.url, forum.url],
    close: async () => {
      for (const { server } of [shop, forum]) {
        server.closeAllConnections();
        await new Promise((done) => server.close(done));
      }
    },
  };
}
