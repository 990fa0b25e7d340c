/**
 * How the webarena env reaches its proxy when the session was opened without one (the app passes
 * the one from its settings). In Node (tests, CLI, the AgentGym-compatible server):
 * WEBARENA_PROXY_URL and WEBARENA_PROXY_TOKEN when set, otherwise a proxy with the demo sites
 * started in this process on loopback on first use and stopped when no episode has used it for a
 * while. In a browser there is no proxy to start: the env says how to get one.
 */

import type { ServiceEndpoint as ProxyEndpoint } from '../contract.ts';

interface Local extends ProxyEndpoint {
  close(): Promise<void>;
}

/** An idle in-process proxy (browser + demo sites) is stopped after this long, so a CLI can exit. */
const LOCAL_IDLE_MS = 5_000;

let local: Promise<Local> | null = null;
let users = 0;
let idleTimer: ReturnType<typeof setTimeout> | null = null;

const nodeProcess = (globalThis as { process?: { versions?: { node?: string }; env: Record<string, string | undefined> } }).process;

/** Takes a reference on the endpoint; give it back with `release` when the episode closes. */
export async function acquire(): Promise<ProxyEndpoint> {
  const env = nodeProcess?.env;
  if (env?.WEBARENA_PROXY_URL) return { url: env.WEBARENA_PROXY_URL.replace(/\/+$/, ''), token: env.WEBARENA_PROXY_TOKEN ?? '' };
  if (!nodeProcess?.versions?.node) {
    throw new Error('WebArena needs its proxy and a browser: run `npm run proxy`, then give its URL and token in Settings → WebArena proxy.');
  }
  users++;
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = null;
  if (!local) {
    const p: Promise<Local> = nodeOnlyImport('../../../server/webarena/start.ts').then((m: typeof import('../../../server/webarena/start.ts')) => m.startProxy());
    local = p;
    p.catch(() => local === p && (local = null));
  }
  try {
    return await local;
  } catch (e) {
    users--;
    throw e;
  }
}

export function release(): void {
  if (nodeProcess?.env.WEBARENA_PROXY_URL || users === 0) return;
  if (--users > 0 || !local) return;
  const closing = local;
  idleTimer = setTimeout(() => {
    if (users > 0 || local !== closing) return;
    local = null;
    void closing.then((l) => l.close()).catch(() => {});
  }, LOCAL_IDLE_MS);
}

/**
 * A dynamic import no bundler or dev-server scan follows (the specifier is a parameter, not a
 * constant): the proxy's Node-only code, Playwright included, must never reach the browser.
 */
function nodeOnlyImport(specifier: string): Promise<typeof import('../../../server/webarena/start.ts')> {
  return import(/* @vite-ignore */ specifier);
}
