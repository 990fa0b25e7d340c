/** Share links of an env that can't be re-run: the link carries its observations (format v2). */
import { describe, expect, it, vi } from 'vitest';
import { decodeFragment, episodeFragment } from './codec.ts';
import { parseEpisodeFile } from './file.ts';
import { observationHash } from './hash.ts';
import { LIMITS } from './limits.ts';
import { recordToShared, replayToRecord, shareEpisode } from './record.ts';
import { replayEpisode } from './replay.ts';
import { playEpisode, viaLink, type ReplyPolicy } from '../../../testing/shared-episode.ts';
import type { Decoded, SharedEpisode } from './types.ts';

vi.mock('../../../workers/envs/registry.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../workers/envs/registry.ts')>();
  const { liveManifest } = await import('../../../testing/live-env.ts');
  const ENVS = [...real.ENVS, liveManifest];
  const getEnv = (id: string) => ENVS.find((e) => e.id === id);
  return { ENVS, getEnv, requireEnv: (id: string) => getEnv(id) ?? real.requireEnv(id) };
});

/** Browses, types an action the page refuses (step 2 is a person's), replies without an action, then submits. */
const browse: ReplyPolicy = (_, i) => ['Thought: look around.\nAction: scroll down', 'scroll sideways', 'Hmm.', 'Action: submit'][i];

const neverOpen = () => Promise.reject(new Error('a nondeterministic env must not be re-run'));

function rejected(d: Decoded): string {
  expect(d.ok).toBe(false);
  return d.ok ? '' : d.error;
}

describe('links of a nondeterministic env', () => {
  it('carry the observations, and the replay shows them without opening the env', async () => {
    const record = await playEpisode('live', 1, browse, 10);
    // The env really is nondeterministic: the same replies give other observations.
    const again = await playEpisode('live', 1, browse, 10);
    expect(again.initialObservation).not.toBe(record.initialObservation);

    const shared = viaLink(recordToShared(record));
    expect(shared.v).toBe(2);
    expect(shared.initialObservation).toBe(record.initialObservation);
    expect(shared.steps.map((s) => [s.observation, s.valid])).toEqual(record.steps.map((s) => [s.observation, s.valid]));
    expect(shared.steps[2]).toMatchObject({ invalid: 'Reply with "Action: <what to do>".' });
    expect(shared.outcome).toBe('success');

    const replay = await replayEpisode(shared, neverOpen, '0.1.0');
    expect(replay.mode).toBe('recorded');
    expect(replay.divergence).toBeNull();
    expect(replay.parser).toBeNull();
    expect(replay.result).toBe('success');
    expect(replay.frames.map((f) => f.observation)).toEqual([record.initialObservation, ...record.steps.map((s) => s.observation)]);
    expect(replay.frames.map((f) => f.valid)).toEqual([true, true, false, false, true]);
    expect(replay.frames[1].turn).toMatchObject({ action: 'scroll down', thought: 'look around.' });
    expect(replay.frames[3].turn!.action).toBeNull();

    const rebuilt = replayToRecord(shared, replay, { id: 'r', now: 9, appVersion: '0.2.0' });
    expect(rebuilt).toMatchObject({ status: 'done', outcome: 'success', success: true, dataVersion: 'live-1', initialObservation: record.initialObservation });
    expect(rebuilt.steps.map((s) => [s.action, s.observation])).toEqual(record.steps.map((s) => [s.action, s.observation]));
  });

  it('are refused when an observation is missing, altered or too long, or the link is v1', async () => {
    const s = recordToShared(await playEpisode('live', 0, browse, 2));
    const cases: [unknown, RegExp][] = [
      [{ ...s, initialObservation: undefined }, /initialObservation must be a string/],
      [{ ...s, initialObservation: 'Another page.' }, /initialObservation does not match its hash obs0/],
      [{ ...s, steps: [{ ...s.steps[0], observation: undefined }] }, /steps\[0\]\.observation must be a string/],
      [{ ...s, steps: [{ ...s.steps[0], observation: 'Visit 0.' }] }, /steps\[0\]\.observation does not match its hash steps\[0\]\.obs/],
      [{ ...s, steps: [{ ...s.steps[0], valid: 'yes' }] }, /steps\[0\]\.valid must be true or false/],
    ];
    const long = 'x'.repeat(LIMITS.observationChars + 1);
    cases.push([{ ...s, steps: [{ ...s.steps[0], observation: long, obs: observationHash(long) }] }, /steps\[0\]\.observation is too long/]);
    for (const [episode, message] of cases) {
      expect(rejected(parseEpisodeFile(JSON.stringify({ format: 'agentgym-episode', episode })))).toMatch(message);
    }
    const v1 = { v: 1, env: 'live', item: 0, agent: s.agent, obs0: s.obs0, steps: [], appVersion: '0.1.0', dataVersion: 'live-1' };
    expect(rejected(decodeFragment(episodeFragment(v1 as SharedEpisode)))).toMatch(/env live cannot be re-run \(it is not deterministic\), and a v1 link carries no observations/);
  });

  it('become files when long, and cannot be shared beyond the file cap', async () => {
    const page = (n: number): ReplyPolicy => (_, i) => `Thought: ${'the page is long. '.repeat(n)}${i}\nAction: scroll down ${i}`;
    const link = shareEpisode(await playEpisode('live', 2, page(1), 3), 'https://gym.example/');
    expect(link.kind).toBe('link');

    const record = await playEpisode('live', 2, page(1), 3);
    // Long observations (a web page's text) do not compress into a URL.
    let seed = 1;
    const rand = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    const noisy = (i: number) => `${i}: ${Array.from({ length: 6000 }, () => String.fromCharCode(33 + Math.floor(rand() * 90))).join('')}`;
    record.steps = record.steps.map((st, i) => ({ ...st, observation: noisy(i) }));
    const file = shareEpisode(record, 'https://gym.example/');
    expect(file.kind).toBe('file');
    if (file.kind === 'file') expect(parseEpisodeFile(file.text)).toEqual({ ok: true, episode: recordToShared(record) });

    record.steps = Array.from({ length: 20 }, (_, i) => ({ ...record.steps[0], observation: noisy(i).repeat(10), done: false }));
    expect(shareEpisode(record, 'https://gym.example/')).toEqual({ kind: 'error', error: expect.stringMatching(/cannot be shared\. The episode file is too large/) });
  });
});
