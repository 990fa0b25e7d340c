import { beforeEach, describe, expect, it } from 'vitest';
import { classifyStorageError, guardSave, storageHealth } from './storage-health.svelte.ts';
import type { EpisodeRecord } from './records.ts';

const ep = (steps: number): EpisodeRecord => ({
  id: 'e1', env: 'maze', itemId: 'maze_3', agent: { kind: 'human', label: 'me' }, startedAt: 0, initialObservation: 'o',
  steps: Array.from({ length: steps }, () => ({ reply: 'r', action: 'a', by: 'human' as const, observation: 'o', reward: 0, done: false, valid: true, at: 0 })),
  status: 'running', finalReward: 0, success: false, appVersion: 'x', dataVersion: 'x',
});

describe('storage failures', () => {
  beforeEach(() => storageHealth.dismiss());

  it("names Chromium's message-less QuotaExceededError, a cleared database and a blocked one", () => {
    const quota = classifyStorageError(new DOMException('', 'QuotaExceededError'));
    expect(quota.kind).toBe('quota');
    expect(quota.message).toMatch(/storage quota/);
    expect(quota.detail).toBe('QuotaExceededError: (the browser gave no message)');
    expect(classifyStorageError(new DOMException('The database connection is closing.', 'InvalidStateError')).kind).toBe('cleared');
    expect(classifyStorageError(new DOMException('', 'VersionError')).kind).toBe('blocked');
    expect(classifyStorageError('weird').kind).toBe('unknown');
  });

  it('never throws: keeps the unsaved episode to export and says how far it was stored; a later save clears it', async () => {
    expect(await guardSave(ep(2), async () => {})).toBe(true);
    expect(await guardSave(ep(3), async () => Promise.reject(new DOMException('', 'QuotaExceededError')))).toBe(false);
    expect(storageHealth.problem?.kind).toBe('quota');
    expect(storageHealth.unsaved.e1.steps).toHaveLength(3);
    expect(storageHealth.savedSteps.get('e1')).toBe(2);
    expect(await guardSave(ep(4), async () => {})).toBe(true);
    expect(storageHealth.unsaved).toEqual({});
    // The banner stays (persistent) and says saving works again.
    expect(storageHealth.problem?.kind).toBe('quota');
    expect(storageHealth.savedSince).toBe(1);
  });
});
