/**
 * Which envs the user has switched to live mode (their tools call the real services), and the
 * settings a live session is opened with. Off for every env until the user turns it on; the
 * switches sit in localStorage (not secret), the TMDB token in the keys database with the LLM keys.
 */
import { getEnv } from '../../workers/envs/registry.ts';
import type { LiveSettings } from '../../workers/live-http.ts';
import { idbReplyCache } from '../../workers/live-cache.ts';
import { deleteKey, getKey, setKey } from './llm/keys.ts';

const STORAGE_KEY = 'agentgym-live-mode';
/** The TMDB token's id in the keys database (apart from the LLM providers' ids). */
export const TMDB_KEY_ID = 'live:tmdb';

type Store = Pick<Storage, 'getItem' | 'setItem'>;

/** The envs in live mode: only ids of envs that have one, whatever the storage holds. */
export function liveEnvIds(storage: Store): string[] {
  let saved: unknown;
  try {
    saved = JSON.parse(storage.getItem(STORAGE_KEY) ?? '[]');
  } catch {
    return [];
  }
  return Array.isArray(saved) ? saved.filter((id): id is string => typeof id === 'string' && getEnv(id)?.live !== undefined) : [];
}

export function setLiveMode(storage: Store, envId: string, on: boolean): void {
  if (on && !getEnv(envId)?.live) throw new Error(`${getEnv(envId)?.title ?? envId} has no live mode.`);
  const ids = new Set(liveEnvIds(storage));
  if (on) ids.add(envId);
  else ids.delete(envId);
  storage.setItem(STORAGE_KEY, JSON.stringify([...ids]));
}

/** How to open `envId`: its live settings when the user switched it to live mode, else null (offline). */
export async function liveSettingsFor(envId: string, storage: Store): Promise<LiveSettings | null> {
  if (!liveEnvIds(storage).includes(envId)) return null;
  if (getEnv(envId)?.live?.key !== 'tmdb') return {};
  const tmdbToken = await getKey(TMDB_KEY_ID);
  if (!tmdbToken) throw new Error('Live mode for Movie needs your TMDB API read-access token: add it in Settings, or turn live mode off.');
  return { tmdbToken };
}

export const getTmdbToken = () => getKey(TMDB_KEY_ID);
export const setTmdbToken = (token: string) => setKey(TMDB_KEY_ID, token);
export const deleteTmdbToken = () => deleteKey(TMDB_KEY_ID);

/** The live replies this browser keeps (a rerun of a live episode answers from them), and forgetting them. */
export const cachedLiveReplies = () => idbReplyCache().size();
export const clearLiveReplies = () => idbReplyCache().clear();
