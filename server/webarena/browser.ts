/**
 * The one browser a proxy drives: Debian's Chromium launched here, or a remote browser reached
 * through a Playwright browser server (`--browser-ws`, `chromium.connect`) or plain CDP
 * (`--cdp`, `connectOverCDP`). A browser that disconnects (crash, remote gone) is replaced on the
 * next use, so an episode gets a fresh context instead of a hung proxy.
 */
import { chromium, type Browser } from 'playwright-core';

export type BrowserSource = { kind: 'local'; executablePath?: string } | { kind: 'ws'; endpoint: string } | { kind: 'cdp'; endpoint: string };

/** Flags for a shared, offline-minded machine (Playwright's own browser download is not used). */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export const chromiumPath = () => process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function connect(source: BrowserSource): Promise<Browser> {
  switch (source.kind) {
    case 'local':
      return chromium.launch({ executablePath: source.executablePath ?? chromiumPath(), args: CHROMIUM_ARGS });
    case 'ws':
      return chromium.connect(source.endpoint, { timeout: 30_000 });
    case 'cdp':
      return chromium.connectOverCDP(source.endpoint, { timeout: 30_000 });
  }
}

export interface BrowserHandle {
  get(): Promise<Browser>;
  close(): Promise<void>;
}

export function browserHandle(source: BrowserSource): BrowserHandle {
  let current: Promise<Browser> | null = null;
  return {
    get() {
      if (!current) {
        const p = connect(source);
        current = p;
        p.then((b) => b.on('disconnected', () => current === p && (current = null))).catch(() => current === p && (current = null));
      }
      return current;
    },
    async close() {
      const p = current;
      current = null;
      if (p) await (await p.catch(() => null))?.close();
    },
  };
}
