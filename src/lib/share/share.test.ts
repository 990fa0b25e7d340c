import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ENVS } from '../../../workers/envs/registry.ts';
import type { EpisodeRecord } from '../records.ts';
import { fromBase64url, toBase64url } from './base64url.ts';
import { decodeFragment, episodeFragment, REPLAY_ROUTE } from './codec.ts';
import { episodeToFile, parseEpisodeFile } from './file.ts';
import { crc32 } from './hash.ts';
import { LIMITS } from './limits.ts';
import { recordToShared, shareEpisode } from './record.ts';
import { cyclingPolicy, playEpisode } from '../../../testing/shared-episode.ts';
import type { Decoded, SharedEpisode } from './types.ts';

/** A fragment around any JSON text, with a correct checksum: what a deliberate tamperer would make. */
function pack(jsonText: string, token = 'v2.'): string {
  const json = strToU8(jsonText);
  const packed = deflateSync(json);
  const out = new Uint8Array(packed.length + 4);
  out.set(packed);
  new DataView(out.buffer).setUint32(packed.length, crc32(json));
  return `${REPLAY_ROUTE}${token}${toBase64url(out)}`;
}

function rejected(d: Decoded): string {
  expect(d.ok).toBe(false);
  return d.ok ? '' : d.error;
}

/** Seeded generator so fuzz failures reproduce. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

async function mazeShared(): Promise<SharedEpisode> {
  return recordToShared(await playEpisode('maze', 0, cyclingPolicy, 8));
}

describe('base64url', () => {
  it('round-trips every length and rejects non-canonical text', () => {
    for (let n = 0; n < 20; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 255);
      expect(fromBase64url(toBase64url(bytes))).toEqual(bytes);
    }
    expect(toBase64url(Uint8Array.of(0xfb, 0xff))).toBe('-_8');
    expect(fromBase64url('ab=c')).toBeNull();
    expect(fromBase64url('a')).toBeNull();
    expect(fromBase64url('-_9')).toBeNull(); // non-zero leftover bits
  });
});

describe('share links', () => {
  it.each(ENVS.map((e) => e.id))('round-trips a real %s episode through a link and a file', async (envId) => {
    const record = await playEpisode(envId, ENVS.find((e) => e.id === envId)!.evalItems[0] ?? 0, cyclingPolicy, 6);
    expect(record.steps.length).toBeGreaterThan(0);
    const shared = recordToShared(record);
    const link = decodeFragment(episodeFragment(shared));
    expect(link).toEqual({ ok: true, episode: shared });
    const file = episodeToFile(shared);
    expect(file.name.endsWith('.agentgym-episode.json')).toBe(true);
    expect(parseEpisodeFile(file.text)).toEqual({ ok: true, episode: shared });
    // The replies survive byte for byte, markup and emoji included.
    expect(link.ok && link.episode.steps.map((s) => s.reply)).toEqual(record.steps.map((s) => s.reply));
  });

  it('keeps provider settings out: only picked fields, no URL-like provider', async () => {
    const record = await playEpisode('maze', 3, cyclingPolicy, 4);
    const leaky = {
      ...record,
      agent: { kind: 'model', label: 'Mine', provider: 'https://key@llm.example/v1', model: 'm', params: { temperature: 0.2, apiKey: 'sk-secret', headers: { Authorization: 'Bearer sk-secret' } } },
      settings: { apiKey: 'sk-secret' },
    } as unknown as EpisodeRecord;
    const shared = recordToShared(leaky);
    const text = JSON.stringify(shared);
    expect(text).not.toContain('sk-secret');
    expect(text).not.toContain('example');
    expect(shared.agent).toEqual({ kind: 'model', label: 'Mine', provider: 'custom', model: 'm', params: { temperature: 0.2 } });
    // And a hand-made link carrying such fields decodes without them.
    const d = decodeFragment(pack(JSON.stringify({ ...shared, settings: { apiKey: 'sk-x' }, agent: { ...shared.agent, params: { temperature: 1, apiKey: 'sk-x' } } })));
    expect(d.ok && JSON.stringify(d.episode)).not.toContain('sk-x');
    expect(rejected(decodeFragment(pack(JSON.stringify({ ...shared, agent: { ...shared.agent, provider: 'http://x.y' } }))))).toMatch(/agent\.provider/);
  });

  it('rejects random byte flips (unless the flip only hit ignored padding) with a message', async () => {
    const shared = await mazeShared();
    const token = episodeFragment(shared).slice(REPLAY_ROUTE.length + 3);
    const bytes = fromBase64url(token)!;
    const rand = lcg(42);
    let rejectedCount = 0;
    for (let n = 0; n < 300; n++) {
      const copy = bytes.slice();
      copy[Math.floor(rand() * copy.length)] ^= 1 << Math.floor(rand() * 8);
      const d = decodeFragment(`${REPLAY_ROUTE}v2.${toBase64url(copy)}`);
      if (d.ok) expect(d.episode).toEqual(shared);
      else {
        expect(d.error).toMatch(/^The (link|episode)/);
        rejectedCount++;
      }
    }
    expect(rejectedCount).toBeGreaterThan(290);
  });

  it('rejects truncated links', async () => {
    const fragment = episodeFragment(await mazeShared());
    for (let cut = 0; cut < fragment.length; cut += 7) expect(rejected(decodeFragment(fragment.slice(0, cut)))).not.toBe('');
    expect(rejected(decodeFragment(fragment.slice(0, -2)))).toMatch(/broken/);
  });

  it('explains a wrong version, bad base64, bad JSON, and a non-link', async () => {
    const shared = await mazeShared();
    const fragment = episodeFragment(shared);
    expect(rejected(decodeFragment(fragment.replace('/v2.', '/v3.')))).toMatch(/format v3; this version of the app reads v1 and v2/);
    // The version outside the payload and the one inside must agree, both ways.
    expect(rejected(decodeFragment(fragment.replace('/v2.', '/v1.')))).toMatch(/v must be 1, as the link's version says/);
    expect(rejected(decodeFragment(`${REPLAY_ROUTE}abc`))).toMatch(/version is missing/);
    expect(rejected(decodeFragment('#/play/maze'))).toMatch(/not an episode link/);
    expect(rejected(decodeFragment(`${REPLAY_ROUTE}v2.ab$cd`))).toMatch(/not valid base64url/);
    expect(rejected(decodeFragment(pack('{"v":1,"env":"maze",')))).toMatch(/does not hold JSON/);
    expect(rejected(decodeFragment(pack('"just a string"')))).toMatch(/episode must be an object/);
    expect(rejected(decodeFragment(pack(JSON.stringify({ ...shared, v: 1 }))))).toMatch(/v must be 2, as the link's version says/);
    // Valid deflate of bytes that are not UTF-8.
    const bad = Uint8Array.of(0xff, 0xfe, 0x7b);
    const packed = deflateSync(bad);
    const out = new Uint8Array(packed.length + 4);
    out.set(packed);
    new DataView(out.buffer).setUint32(packed.length, crc32(bad));
    expect(rejected(decodeFragment(`${REPLAY_ROUTE}v2.${toBase64url(out)}`))).toMatch(/does not hold JSON/);
  });

  it('names the field at fault in a tampered episode', async () => {
    const s = await mazeShared();
    const cases: [unknown, RegExp][] = [
      [{ ...s, env: 'chess' }, /env "chess" is not an environment of this app \(known: maze/],
      [{ ...s, item: 25 }, /item: Item index 25 out of range for maze \(0\.\.24\)/],
      [{ ...s, item: -1 }, /item: Item index -1 out of range/],
      [{ ...s, item: 1.5 }, /item: Item index must be an integer/],
      [{ ...s, steps: Array.from({ length: LIMITS.steps + 1 }, () => ({ ...s.steps[0], done: false })) }, /steps has too many entries \(501 > 500\)/],
      [{ ...s, steps: 'many' }, /steps must be a list/],
      [{ ...s, steps: [{ ...s.steps[0], reward: 'lots' }] }, /steps\[0\]\.reward must be a finite number/],
      [{ ...s, steps: [s.steps[0], { ...s.steps[1], by: 'robot' }] }, /steps\[1\]\.by must be one of human, model/],
      [{ ...s, steps: [{ ...s.steps[0], reply: 'x'.repeat(LIMITS.replyChars + 1) }] }, /steps\[0\]\.reply is too long/],
      [{ ...s, steps: [{ ...s.steps[0], obs: 'nothex!!' }] }, /steps\[0\]\.obs must be an 8-digit hex/],
      [{ ...s, steps: [{ ...s.steps[0], done: true }, s.steps[1]] }, /steps\[0\] ends the episode but more steps follow/],
      [{ ...s, agent: { kind: 'alien', label: 'x' } }, /agent\.kind must be one of/],
      [{ ...s, agent: { ...s.agent, label: 'y'.repeat(LIMITS.labelChars + 1) } }, /agent\.label is too long/],
      [{ ...s, agent: { ...s.agent, params: { temperature: '1' } } }, /agent\.params\.temperature must be a finite number/],
      [{ ...s, obs0: undefined }, /obs0 must be/],
      [{ ...s, dataVersion: 3 }, /dataVersion must be a string/],
      // Fields new in v2.
      [{ ...s, steps: [{ ...s.steps[0], action: undefined }] }, /steps\[0\] must have either action \(what the environment was given\) or invalid/],
      [{ ...s, steps: [{ ...s.steps[0], invalid: 'No action.' }] }, /steps\[0\] must have either action/],
      [{ ...s, steps: [{ ...s.steps[0], action: 5 }] }, /steps\[0\]\.action must be a string/],
      [{ ...s, steps: [{ ...s.steps[0], action: 'x'.repeat(LIMITS.replyChars + 1) }] }, /steps\[0\]\.action is too long/],
      [{ ...s, steps: [{ ...s.steps[0], action: undefined, invalid: null }] }, /steps\[0\]\.invalid must be a string/],
      [{ ...s, steps: [{ ...s.steps[0], observation: 'Success' }] }, /steps\[0\]\.observation: maze is deterministic, so its links are re-run and carry no observations/],
      [{ ...s, steps: [{ ...s.steps[0], valid: true }] }, /steps\[0\]\.valid: maze is deterministic/],
      [{ ...s, steps: [{ ...s.steps[0], verdicts: [] }] }, /steps\[0\]\.verdicts: maze is deterministic/],
      [{ ...s, initialObservation: 'Somewhere' }, /initialObservation: maze is deterministic/],
      [{ ...s, outcome: 'won' }, /outcome must be one of success, failure, truncated/],
      [{ ...s, outcome: 'success' }, /outcome is "success" but the last step did not end the episode/],
      [{ ...s, steps: [...s.steps.slice(0, -1), { ...s.steps.at(-1), done: true }], outcome: 'truncated' }, /outcome must be success or failure: the last step ended the episode/],
      [{ ...s, steps: [...s.steps.slice(0, -1), { ...s.steps.at(-1), done: true }] }, /outcome must be success or failure/],
    ];
    expect(s.steps.at(-1)!.done).toBe(false);
    for (const [episode, message] of cases) {
      expect(rejected(decodeFragment(pack(JSON.stringify(episode))))).toMatch(message);
      expect(rejected(parseEpisodeFile(JSON.stringify({ format: 'agentgym-episode', episode })))).toMatch(message);
    }
  });
});

describe('size limits', () => {
  it('refuses an oversized fragment before decoding it', () => {
    expect(rejected(decodeFragment(`${REPLAY_ROUTE}v2.${'A'.repeat(LIMITS.fragmentChars)}`))).toMatch(/too long \(\d+ characters, at most 65536\)/);
  });

  it('stops inflating a zip bomb at the payload cap', () => {
    const bomb = new Uint8Array(20 * 1024 * 1024).fill(32); // 20 MB of spaces: valid JSON whitespace
    const packed = deflateSync(bomb, { level: 9 });
    const out = new Uint8Array(packed.length + 4);
    out.set(packed);
    const fragment = `${REPLAY_ROUTE}v2.${toBase64url(out)}`;
    expect(fragment.length).toBeLessThan(LIMITS.fragmentChars);
    expect(rejected(decodeFragment(fragment))).toMatch(/too large \(over 1048576 bytes unpacked\)/);
  });

  it('shares small episodes as links and large ones as files', async () => {
    const small = await playEpisode('maze', 5, cyclingPolicy, 6);
    const link = shareEpisode(small, 'https://gym.example/app/#/history');
    expect(link.kind).toBe('link');
    if (link.kind !== 'link') return;
    expect(link.url.startsWith('https://gym.example/app/#/replay/v2.')).toBe(true);
    expect(link.url.length).toBeLessThanOrEqual(LIMITS.linkChars);
    expect(decodeFragment(new URL(link.url).hash)).toEqual({ ok: true, episode: recordToShared(small) });

    // Incompressible replies push the link over the limit.
    const rand = lcg(7);
    const noise = (n: number) => Array.from({ length: n }, () => String.fromCharCode(33 + Math.floor(rand() * 90))).join('');
    const big = await playEpisode('maze', 5, (snap, i) => `Thought: ${noise(3000)}\nAction: ${snap.availableActions![i % 4]}`, 6);
    const file = shareEpisode(big, 'https://gym.example/');
    expect(file.kind).toBe('file');
    if (file.kind !== 'file') return;
    expect(file.reason).toMatch(/over 8192/);
    expect(parseEpisodeFile(file.text)).toEqual({ ok: true, episode: recordToShared(big) });
  });

  it('will not share an episode that could not be read back', async () => {
    const huge = await playEpisode('maze', 1, (_, i) => `${'z'.repeat(LIMITS.replyChars)}\nAction: move ${i ? 'up' : 'down'}`, 2);
    expect(shareEpisode(huge, 'https://gym.example/')).toEqual({ kind: 'error', error: expect.stringMatching(/cannot be shared.*steps\[0\]\.reply is too long/) });
  });

  it('refuses files that are too large or not episode files', () => {
    expect(rejected(parseEpisodeFile(' '.repeat(LIMITS.payloadBytes + 1)))).toMatch(/too large/);
    expect(rejected(parseEpisodeFile('é'.repeat(LIMITS.payloadBytes / 2 + 1)))).toMatch(/too large/);
    expect(rejected(parseEpisodeFile('{"format":"other"}'))).toMatch(/"format" should be "agentgym-episode"/);
    expect(rejected(parseEpisodeFile('not json'))).toMatch(/not valid JSON/);
  });
});
