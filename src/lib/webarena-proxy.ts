/**
 * The WebArena proxy the app's webarena sessions use. Its URL is no secret (localStorage); its
 * token is kept like an LLM key, in the keys database (llm/keys.ts), so no export, share link or
 * settings file can carry it. Both are handed to the env's worker when a session opens.
 *
 * "Test proxy connection" lists the proxy's tasks and, when that fails, says which of these it is: the
 * proxy is not running (or not at that URL), it refuses this page's origin (CORS), or the token
 * is wrong. The proxy sends CORS headers with its 401 to allowed origins, so a wrong token is a
 * readable reply; a refused origin is a fetch TypeError while a no-cors probe gets through.
 */
import type { ServiceEndpoint } from '../../workers/envs/contract.ts';
import { requireEnv } from '../../workers/envs/registry.ts';
import { deleteKey, getKey, setKey } from './llm/keys.ts';
import { serverAnswers } from './reachable.ts';

const URL_ITEM = 'agentgym-webarena-proxy-url';
/** The token's entry in the keys database (LLM providers' entries are UUIDs). */
const TOKEN_ID = 'webarena-proxy';

export const DEFAULT_PROXY_URL = 'http://127.0.0.1:8765';

export const NO_PROXY = 'WebArena needs its proxy: start it with `npm run proxy`, then give its URL and token in Settings → WebArena proxy.';

/** An error message, or null when `url` may be the proxy's address. */
export function checkProxyUrl(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return `"${url}" is not a URL; it looks like ${DEFAULT_PROXY_URL}.`;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return 'The proxy URL must start with http:// or https://.';
  // The token has its own field and goes in a header: never in the URL, where logs and history keep it.
  if (u.username || u.password || u.search || u.hash) return 'The proxy URL must not hold credentials, a query or a fragment; the token has its own field.';
  return null;
}

/** `http://host:port/base` without a trailing slash. */
export function normaliseProxyUrl(url: string): string {
  return url.trim().replace(/\/+$/, '');
}

export interface ProxySettings {
  url: string;
  hasToken: boolean;
}

export async function loadProxySettings(storage: Storage = localStorage): Promise<ProxySettings> {
  return { url: storage.getItem(URL_ITEM) ?? '', hasToken: (await getKey(TOKEN_ID)) !== undefined };
}

/** Saves the URL, and the token when one is given (an empty token keeps the stored one). */
export async function saveProxySettings(url: string, token: string, storage: Storage = localStorage): Promise<void> {
  const err = checkProxyUrl(url);
  if (err) throw new Error(err);
  if (token.trim()) await setKey(TOKEN_ID, token);
  else if ((await getKey(TOKEN_ID)) === undefined) throw new Error('Paste the token the proxy printed when it started.');
  storage.setItem(URL_ITEM, normaliseProxyUrl(url));
}

export async function forgetProxy(storage: Storage = localStorage): Promise<void> {
  storage.removeItem(URL_ITEM);
  await deleteKey(TOKEN_ID);
}

/** The saved token (for "Test proxy connection" when none is typed). */
export function storedToken(): Promise<string | undefined> {
  return getKey(TOKEN_ID);
}

/** The stored proxy, or null when the URL or the token is missing. */
export async function storedProxy(storage: Storage = localStorage): Promise<ServiceEndpoint | null> {
  const url = storage.getItem(URL_ITEM);
  const token = await storedToken();
  return url && token ? { url, token } : null;
}

/** What a session of `envId` is opened with: the stored proxy when the env needs one. */
export async function proxyForEnv(envId: string, storage?: Storage): Promise<ServiceEndpoint | undefined> {
  if (!requireEnv(envId).needsProxy) return undefined;
  const proxy = await storedProxy(storage);
  if (!proxy) throw new Error(NO_PROXY);
  return proxy;
}

export type ProxyOutcome = 'ok' | 'auth' | 'cors' | 'unreachable' | 'offline' | 'timeout' | 'failed';

export interface ProxyTestResult {
  ok: boolean;
  outcome: ProxyOutcome;
  message: string;
}

export interface ProxyTestOptions {
  fetch?: typeof fetch;
  /** The page's origin, named in the CORS fix. */
  origin?: string;
  online?: () => boolean;
  timeoutMs?: number;
}

export async function testProxy(url: string, token: string, o: ProxyTestOptions = {}): Promise<ProxyTestResult> {
  const fetchFn = o.fetch ?? ((input, init) => fetch(input, init));
  const timeoutMs = o.timeoutMs ?? 10_000;
  const base = normaliseProxyUrl(url);
  const result = (ok: boolean, outcome: ProxyOutcome, message: string): ProxyTestResult => ({ ok, outcome, message });
  let res: Response;
  try {
    res = await fetchFn(`${base}/tasks`, { headers: { Authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(timeoutMs) });
  } catch (e) {
    if (e instanceof Error && e.name === 'TimeoutError') return result(false, 'timeout', `The proxy at ${base} did not answer within ${timeoutMs / 1000} s.`);
    const online = o.online ?? (() => (typeof navigator === 'undefined' ? true : navigator.onLine));
    if (!online()) return result(false, 'offline', 'This browser is offline. Connect to the network and test again.');
    const origin = o.origin ?? (typeof location === 'undefined' ? 'this page' : location.origin);
    if (await serverAnswers(`${base}/tasks`, fetchFn, timeoutMs)) {
      return result(false, 'cors', `The proxy at ${base} is running but does not allow calls from ${origin}. Restart it with --allow-origin ${origin} (npm run proxy -- --allow-origin ${origin}).`);
    }
    return result(false, 'unreachable', `Nothing answers at ${base}. Start the proxy with npm run proxy (it prints its URL and token), and check the URL.`);
  }
  const body = (await res.json().catch(() => null)) as { count?: unknown; error?: unknown } | null;
  if (res.status === 401) return result(false, 'auth', 'The proxy refused the token. Paste the token it printed when it started (a new one at every start).');
  if (!res.ok) return result(false, 'failed', `The proxy answered HTTP ${res.status}${typeof body?.error === 'string' ? `: ${body.error}` : ''}.`);
  if (typeof body?.count !== 'number') return result(false, 'failed', `${base} answered, but not as a WebArena proxy (no task list). Check the URL.`);
  return result(true, 'ok', `Connected: the proxy offers ${body.count} tasks.`);
}
