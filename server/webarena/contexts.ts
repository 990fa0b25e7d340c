/**
 * Fresh browser contexts for episodes, one kept ready ahead of need. A new context's first page
 * costs a renderer process start (about a second on a busy machine); making the next one while the
 * current episode plays takes that off the reset. Every context gets the request guard
 * (guard.ts) before any page exists.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { guardContext } from './guard.ts';

export const VIEWPORT = { width: 1280, height: 720 };

export interface Fresh {
  context: BrowserContext;
  page: Page;
}

export class ContextSupply {
  private spare: Promise<Fresh> | null = null;
  private closed = false;

  constructor(
    private readonly browser: () => Promise<Browser>,
    private readonly origins: readonly string[],
  ) {}

  /** A context no episode has used, with one blank page; starts making the next. */
  async take(): Promise<Fresh> {
    const ready = this.spare;
    this.spare = null;
    const fresh = ready ? await ready.catch(() => null) : null;
    // A spare from a browser that has since gone (crash, remote closed) is dropped.
    const usable = fresh && fresh.context.browser()?.isConnected() !== false && !fresh.page.isClosed() ? fresh : await this.make();
    if (!this.closed) {
      this.spare = this.make();
      this.spare.catch(() => {}); // a failed spare is remade on the next take
    }
    return usable;
  }

  private async make(): Promise<Fresh> {
    const browser = await this.browser();
    const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, serviceWorkers: 'block', acceptDownloads: false });
    try {
      await guardContext(context, this.origins);
      return { context, page: await context.newPage() };
    } catch (e) {
      await context.close().catch(() => {});
      throw e;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const spare = this.spare;
    this.spare = null;
    if (spare) await spare.then((f) => f.context.close(), () => {}).catch(() => {});
  }
}
