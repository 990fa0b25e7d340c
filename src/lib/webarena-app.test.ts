/**
 * WebArena through the app's own pipeline (episode session, share payload, replay, benchmark
 * play), over a proxy started here on loopback and handed to the env when the session opens, as
 * the app does with the one in its settings.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProxy, type RunningProxy } from '../../server/webarena/start.ts';
import { chromiumPath } from '../../server/webarena/browser.ts';
import type { StackPicture } from '../../workers/envs/contract.ts';
import { requireEnv } from '../../workers/envs/registry.ts';
import { WebArenaOracle } from '../../workers/envs/webarena/oracle.ts';
import { openLocalEnv } from '../../workers/local-env.ts';
import type { Snapshot } from '../../workers/session.ts';
import { tapEnv } from '../../workers/tap-env.ts';
import { EpisodeSession } from './agent/episode-session.ts';
import { newRun, playTask } from './bench/run.ts';
import type { LlmClient } from './llm/types.ts';
import { checkEpisode } from './episode-check.ts';
import type { EpisodeRecord } from './records.ts';
import { recordToShared, replayToRecord } from './share/record.ts';
import { replayEpisode } from './share/replay.ts';
import { validateEpisode } from './share/validate.ts';

const KITCHEN = 1; // "How many products are in the Kitchen category?": click Kitchen, stop [3]

describe.skipIf(!existsSync(chromiumPath()))('WebArena in the app', () => {
  let proxy: RunningProxy;
  beforeAll(async () => {
    proxy = await startProxy();
  });
  afterAll(() => proxy?.close());

  it('plays a task with the proxy given at open: screenshot and tree, verdicts kept, link with observations and no screenshot', async () => {
    const spec = requireEnv('webarena');
    let snap: Snapshot | null = null;
    const env = tapEnv(await openLocalEnv('webarena', { proxy: { url: proxy.url, token: proxy.token } }), (s) => (snap = s));
    let record: EpisodeRecord | null = null;
    try {
      const session = await EpisodeSession.start({ env, spec, index: KITCHEN, onUpdate: (r) => void (record = r) });
      const first = snap as Snapshot | null;
      expect(first?.picture?.kind).toBe('stack');
      const [shot, tree] = (first!.picture as StackPicture).parts;
      expect(shot).toMatchObject({ kind: 'image', src: expect.stringMatching(/^data:image\/png;base64,iVBOR/), caption: 'http://onestopmarket.com/' });
      expect(tree).toMatchObject({ kind: 'text', title: 'Accessibility tree', body: expect.stringContaining("link 'Kitchen'") });
      const id = /\[(\d+)\] link 'Kitchen'/.exec(record!.initialObservation)![1];
      await session.humanStep(`click [${id}]`);
      expect(((snap as Snapshot | null)!.picture as StackPicture).parts[0]).toMatchObject({ caption: 'http://onestopmarket.com/category/kitchen' });
      await session.humanStep('stop [3]');
    } finally {
      env.close();
    }
    const done = record!;
    expect(done).toMatchObject({ status: 'done', outcome: 'success', finalReward: 1 });
    expect(done.steps[1].verdicts).toEqual([expect.objectContaining({ evaluator: 'string_match', pass: true })]);

    // Exports carry the record whole; an import keeps the verdicts.
    expect(checkEpisode(JSON.parse(JSON.stringify(done))).steps[1].verdicts).toEqual(done.steps[1].verdicts);

    const shared = recordToShared(done);
    expect(shared.steps.map((s) => s.observation)).toEqual(done.steps.map((s) => s.observation));
    expect(shared.steps[1].verdicts).toEqual(done.steps[1].verdicts);
    expect(JSON.stringify(shared)).not.toContain('data:image');
    const checked = validateEpisode(JSON.parse(JSON.stringify(shared)));
    expect(checked.ok).toBe(true);
    const replay = await replayEpisode(shared, () => Promise.reject(new Error('a recorded replay opens no env')), '1');
    expect(replay.mode).toBe('recorded');
    expect(replay.frames[2].verdicts).toEqual(done.steps[1].verdicts);
    expect(replayToRecord(shared, replay, { id: 'r', now: 0, appVersion: '1' }).steps[1].verdicts).toEqual(done.steps[1].verdicts);
    // A verdict of the wrong shape in a file is refused, naming the field.
    const forged = { ...shared, steps: [shared.steps[0], { ...shared.steps[1], verdicts: [{ evaluator: 'string_match', pass: 'yes' }] }] };
    expect(validateEpisode(forged)).toMatchObject({ ok: false, error: expect.stringContaining('steps[1].verdicts[0].check') });
  });

  const benchConfig = (items: number[]) => ({ envs: ['webarena'], items: { webarena: items }, models: [{ providerId: 'p', label: 'Mock', model: 'm' }], concurrency: 1, params: {}, repeats: 1 });
  const ctx = { signal: new AbortController().signal, onRateLimit: () => {} };

  it('runs a benchmark episode of a model through the proxy given at open', async () => {
    const run = await newRun('wa', 'up', benchConfig([KITCHEN]), '1', 0);
    const oracle = new WebArenaOracle();
    // A model that answers as the oracle would, in WebArena's reply format, from the latest observation.
    const client: LlmClient = {
      config: { id: 'p', label: 'Mock', kind: 'openai', baseUrl: 'http://unused', model: 'm', params: {} },
      chat: async ({ messages }) => ({ text: `Let me see.\nIn summary, the next action I will perform is \`\`\`${oracle.next(messages.at(-1)!.content)}\`\`\``, model: 'm', usage: { inputTokens: 1, outputTokens: 1 }, latencyMs: 1 }),
    };
    const saved: EpisodeRecord[] = [];
    const play = playTask(run, { openEnv: (id, o) => openLocalEnv(id, { ...o, proxy: { url: proxy.url, token: proxy.token } }), client: async () => client, save: async (ep) => void saved.push(ep), appVersion: '1' });
    const ep = await play({ key: `webarena:${KITCHEN}:0:0`, env: 'webarena', index: KITCHEN, modelIdx: 0, repeat: 0 }, ctx);
    expect(ep).toMatchObject({ status: 'done', outcome: 'success', finalReward: 1 });
    expect(ep.steps.at(-1)?.verdicts?.every((v) => v.pass)).toBe(true);
  });

  it('gives each benchmark episode a clear error when the proxy is down', async () => {
    const run = await newRun('wa', 'down', benchConfig([0, 1]), '1', 0);
    const client: LlmClient = { chat: () => Promise.reject(new Error('never asked')) } as unknown as LlmClient;
    const saved: EpisodeRecord[] = [];
    // Port 9 (discard) on loopback: nothing listens.
    const dead = { url: 'http://127.0.0.1:9', token: 't' };
    const play = playTask(run, { openEnv: (id, o) => openLocalEnv(id, { ...o, proxy: dead }), client: async () => client, save: async (ep) => void saved.push(ep), appVersion: '1' });
    for (const index of [0, 1]) await play({ key: `webarena:${index}:0:0`, env: 'webarena', index, modelIdx: 0, repeat: 0 }, ctx);
    expect(saved.map((e) => e.status)).toEqual(['error', 'error']);
    for (const e of saved) expect(e.error).toMatch(/^WebArena failed in reset: Cannot reach the WebArena proxy at http:\/\/127\.0\.0\.1:9 \(.+\)\. Is it running \(npm run proxy\)/);
  });
});
