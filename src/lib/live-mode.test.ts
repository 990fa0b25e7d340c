import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { deleteTmdbToken, liveEnvIds, liveSettingsFor, setLiveMode, setTmdbToken } from './live-mode.ts';

function memoryStorage(initial: Record<string, string> = {}) {
  const m = new Map(Object.entries(initial));
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
}

describe('live mode settings', () => {
  it('are off for every env by default', async () => {
    const storage = memoryStorage();
    expect(liveEnvIds(storage)).toEqual([]);
    for (const env of ['weather', 'movie', 'academia']) expect(await liveSettingsFor(env, storage)).toBeNull();
  });

  it('switch per env, only envs with a live source, and ignore junk in storage', async () => {
    const storage = memoryStorage();
    setLiveMode(storage, 'weather', true);
    expect(await liveSettingsFor('weather', storage)).toEqual({});
    expect(await liveSettingsFor('movie', storage)).toBeNull();
    expect(() => setLiveMode(storage, 'academia', true)).toThrow(/Academia has no live mode/);
    setLiveMode(storage, 'weather', false);
    expect(liveEnvIds(storage)).toEqual([]);
    expect(liveEnvIds(memoryStorage({ 'agentgym-live-mode': '["weather", "academia", 3, "nope"]' }))).toEqual(['weather']);
    expect(liveEnvIds(memoryStorage({ 'agentgym-live-mode': '{not json' }))).toEqual([]);
  });

  it('open Movie live only with the TMDB token from the keys database', async () => {
    const storage = memoryStorage();
    setLiveMode(storage, 'movie', true);
    await expect(liveSettingsFor('movie', storage)).rejects.toThrow(/needs your TMDB API read-access token/);
    await setTmdbToken('  eyJtoken  ');
    expect(await liveSettingsFor('movie', storage)).toEqual({ tmdbToken: 'eyJtoken' });
    await deleteTmdbToken();
    await expect(liveSettingsFor('movie', storage)).rejects.toThrow(/TMDB/);
  });
});
