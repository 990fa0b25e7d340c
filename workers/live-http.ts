/**
 * The HTTP side of live mode, outside the envs: a LiveBackend over `fetch`, made in the worker (or
 * in Node) from the user's live settings. No cookies go along, and a request gives up after 30 s.
 */
import type { HttpRequest, LiveBackend } from './envs/contract.ts';

/** What the page passes to a worker to open an env in live mode (structured-cloneable). */
export interface LiveSettings {
  /** The user's TMDB token (Movie), read from the keys database by the page. */
  tmdbToken?: string;
}

const TIMEOUT_MS = 30_000;

export function fetchBackend(settings: LiveSettings, fetchImpl: typeof fetch = globalThis.fetch.bind(globalThis)): LiveBackend {
  return {
    ...(settings.tmdbToken ? { tmdbToken: settings.tmdbToken } : {}),
    async get({ url, query, headers }: HttpRequest) {
      const u = new URL(url);
      if (u.protocol !== 'https:') throw new Error(`live requests go over https only, not ${u.protocol}`);
      // URLSearchParams writes a space as "+", as Python's urlencode does.
      for (const [k, v] of query) u.searchParams.append(k, v);
      const res = await fetchImpl(u.href, { headers, credentials: 'omit', signal: AbortSignal.timeout(TIMEOUT_MS) });
      return { status: res.status, text: await res.text() };
    },
  };
}
