import { describe, expect, it } from 'vitest';
import { configDiff } from './compare.ts';
import { missingProviders, swapProviders } from './providers.ts';
import { checkRun } from './run-check.ts';
import type { RunRecord } from './types.ts';

/** A run made in another browser: two models, three of model 0's episodes and one of model 1's done. */
const imported: RunRecord = {
  id: 'r', name: 'imported', createdAt: 0, status: 'paused', appVersion: '0.1.0', dataVersions: {}, promptsHash: 'h',
  config: {
    envs: ['maze'], items: { maze: [0, 1, 2, 3] }, concurrency: 2, params: {}, repeats: 1,
    models: [{ providerId: 'their-openai', label: 'OpenAI · gpt-4o', model: 'gpt-4o' }, { providerId: 'mine', label: 'Mine · m', model: 'm' }],
  },
  finished: { '0:maze_0:0': 'r:0:maze_0:0', '0:maze_1:0': 'r:0:maze_1:0', '0:maze_2:0': 'r:0:maze_2:0', '1:maze_0:0': 'r:1:maze_0:0' },
};

describe('resuming a run whose provider this browser lacks', () => {
  it('finds the models whose provider is missing', () => {
    expect(missingProviders(imported, [{ id: 'mine' }])).toEqual([0]);
    expect(missingProviders(imported, [])).toEqual([0, 1]);
    expect(missingProviders(imported, [{ id: 'mine' }, { id: 'their-openai' }])).toEqual([]);
  });

  it('plays the rest with the picked provider and records the change, which survives export and shows in the config diff', () => {
    const at = Date.UTC(2026, 11, 2, 4, 5);
    const swapped = swapProviders(imported, new Map([[0, { id: 'mock', label: 'Mock', model: 'mock-1' }]]), at);
    expect(swapped.config.models[0]).toEqual({ providerId: 'mock', label: 'Mock · mock-1', model: 'mock-1' });
    expect(swapped.config.models[1]).toBe(imported.config.models[1]);
    expect(swapped.providerSwaps).toEqual([{ modelIdx: 0, from: imported.config.models[0], to: swapped.config.models[0], at, finishedBefore: 3 }]);
    expect(missingProviders(swapped, [{ id: 'mine' }, { id: 'mock' }])).toEqual([]);
    // The original record is untouched (the view may still hold it).
    expect(imported.config.models[0].providerId).toBe('their-openai');
    expect(checkRun(JSON.parse(JSON.stringify(swapped)), 'run')).toEqual(swapped);
    const field = configDiff([imported, swapped]).find((f) => f.name === 'provider changes')!;
    expect(field.differs).toBe(true);
    expect(field.values[1]).toBe('model 1: OpenAI · gpt-4o → Mock · mock-1 after 3 episodes (2026-12-02 04:05 UTC)');
  });

  it('changes nothing without picks, and rejects a malformed recorded change', () => {
    expect(swapProviders(imported, new Map(), 1)).toBe(imported);
    expect(() => checkRun({ ...imported, providerSwaps: [{ modelIdx: 0, from: {}, to: {}, at: 1, finishedBefore: 0 }] }, 'run')).toThrow(/run\.providerSwaps\[0\]\.from\.providerId/);
  });
});
