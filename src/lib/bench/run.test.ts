import { describe, expect, it } from 'vitest';
import { newRun, playTask } from './run.ts';
import { openLocalEnv } from '../../../workers/local-env.ts';
import type { LlmClient } from '../llm/types.ts';
import type { EpisodeRecord } from '../records.ts';
import { checkRun } from './run-check.ts';
import { SPLITS_VERSION } from '../../../workers/envs/splits.ts';
import { requireEnv } from '../../../workers/envs/registry.ts';
import type { RunConfig } from './types.ts';

const config: RunConfig = {
  envs: ['babyai', 'maze'],
  items: { babyai: [...requireEnv('babyai').evalItems], maze: [0, 1] },
  models: [{ providerId: 'p', label: 'Mock', model: 'm' }],
  concurrency: 4,
  params: { temperature: 0 },
  repeats: 1,
};

describe('run records', () => {
  it('record which app, data, prompts and eval splits a run used', async () => {
    const run = await newRun('r1', 'first', config, '1.2.3', 1000);
    expect(run).toMatchObject({ appVersion: '1.2.3', splitsVersion: SPLITS_VERSION, dataVersions: { babyai: 'babyai-2', maze: expect.any(String) } });
    expect(run.promptsHash).toMatch(/^[0-9a-f]{8}$/);
    expect(checkRun(JSON.parse(JSON.stringify(run)), 'run')).toEqual(run);
  });

  it('import runs saved before the splits version was kept, and reject a malformed one', async () => {
    const { splitsVersion: _, ...old } = await newRun('r2', 'older', config, '0.1.0', 1000);
    expect(checkRun(old, 'run').splitsVersion).toBeUndefined();
    expect(() => checkRun({ ...old, splitsVersion: 7 }, 'run')).toThrow(/run\.splitsVersion/);
  });
});

describe('benchmark episodes', () => {
  it('are saved once, when they end, with every step', async () => {
    const run = await newRun('r3', 'once', { ...config, envs: ['maze'], items: { maze: [0] }, maxRounds: 4 }, '1', 0);
    const client: LlmClient = {
      config: { id: 'p', label: 'Mock', kind: 'openai', baseUrl: 'http://unused', model: 'm', params: {} },
      chat: async () => ({ text: 'Thought: wait.\nAction: move up', model: 'm', usage: { inputTokens: 1, outputTokens: 1 }, latencyMs: 1 }),
    };
    const saved: EpisodeRecord[] = [];
    const play = playTask(run, { openEnv: openLocalEnv, client: async () => client, save: async (ep) => void saved.push(ep), appVersion: '1' });
    const ep = await play({ key: '0:maze_0:0', env: 'maze', index: 0, modelIdx: 0, repeat: 0 }, { signal: new AbortController().signal, onRateLimit: () => {} });
    expect(saved).toEqual([ep]);
    expect(ep).toMatchObject({ id: 'r3:0:maze_0:0', status: 'done', outcome: 'truncated' });
    expect(ep.steps).toHaveLength(4);
  });
});
