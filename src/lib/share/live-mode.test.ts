/** Episodes played in an env's live mode (real services): marked live, and their links carry the observations. */
import { describe, expect, it } from 'vitest';
import { decodeFragment, episodeFragment } from './codec.ts';
import { recordToShared, replayToRecord } from './record.ts';
import { replayEpisode } from './replay.ts';
import { playEpisode, viaLink } from '../../../testing/shared-episode.ts';
import type { EpisodeRecord } from '../records.ts';

const lookUp = () => 'Thought: where?\nAction: get_latitude_longitude with Action Input: {"name": "Paris"}';
const neverOpen = () => Promise.reject(new Error('a live-mode episode must not be re-run'));

/** An offline Weather episode, stamped live as the Play view stamps one played in live mode. */
async function liveEpisode(): Promise<EpisodeRecord> {
  return { ...(await playEpisode('weather', 0, lookUp, 2)), live: true };
}

describe('share links of live-mode episodes', () => {
  it('carry the observations and replay them as recorded, keeping the live mark', async () => {
    const record = await liveEpisode();
    const shared = viaLink(recordToShared(record));
    expect(shared.live).toBe(true);
    expect(shared.initialObservation).toBe(record.initialObservation);
    expect(shared.steps.map((s) => s.observation)).toEqual(record.steps.map((s) => s.observation));
    const replay = await replayEpisode(shared, neverOpen, '0.1.0');
    expect(replay.mode).toBe('recorded');
    expect(replayToRecord(shared, replay, { id: 'r', now: 1, appVersion: '0.2.0' }).live).toBe(true);
  });

  it('of the same env offline stay re-run links without observations', async () => {
    const shared = viaLink(recordToShared(await playEpisode('weather', 0, lookUp, 2)));
    expect(shared.live).toBeUndefined();
    expect(shared.initialObservation).toBeUndefined();
  });

  it('are refused for an env without a live mode or with a bad mark', async () => {
    const academia = recordToShared({ ...(await playEpisode('academia', 0, lookUp, 1)), live: true });
    const d = decodeFragment(episodeFragment(academia));
    expect(d.ok ? '' : d.error).toMatch(/live: academia has no live mode/);
    const bad = decodeFragment(episodeFragment({ ...recordToShared(await liveEpisode()), live: 'yes' as unknown as true }));
    expect(bad.ok ? '' : bad.error).toMatch(/live must be true when present/);
  });
});
