import { describe, expect, it } from 'vitest';
import { histogram, modelViews } from './run-view.ts';
import { tallyTask } from './tally.ts';
import type { RunRecord } from './types.ts';
import type { EpisodeRecord } from '../records.ts';

function ep(env: string, reward: number, status: EpisodeRecord['status'] = 'done'): EpisodeRecord {
  return {
    id: 'x', env, itemId: `${env}_0`, agent: { kind: 'human', label: 'x' }, startedAt: 0, finishedAt: 5, initialObservation: '', steps: [], status,
    finalReward: reward, success: reward === 1, appVersion: '1', dataVersion: '1', ...(status === 'done' ? { outcome: reward === 1 ? 'success' : 'truncated' } : {}),
  };
}

describe('the Benchmark view of a run', () => {
  it("counts each model's own episodes out of its own total, and an 'all' row over its envs", () => {
    let run: RunRecord = {
      id: 'r', name: 'r', createdAt: 0, status: 'running', finished: {}, appVersion: '1', dataVersions: {}, promptsHash: 'h',
      config: { envs: ['maze', 'wordle'], items: { maze: [0, 1, 2], wordle: [0, 1] }, models: [{ providerId: 'a', label: 'A', model: 'a' }, { providerId: 'b', label: 'B', model: 'b' }], concurrency: 1, params: {}, repeats: 2 },
    };
    const finish = (key: string, e: EpisodeRecord) => (run = { ...run, tally: tallyTask(run.tally, key, e) });
    finish('0:maze_0:0', ep('maze', 1));
    finish('0:wordle_0:0', ep('wordle', 0));
    finish('0:wordle_1:0', ep('wordle', 0, 'error'));
    finish('1:maze_0:0', ep('maze', 1));
    const [a, b] = modelViews(run);
    expect([a.finished, a.total, b.finished, b.total]).toEqual([3, 10, 1, 10]);
    expect(a.rows.map((r) => [r.summary.env, r.summary.episodes, r.summary.success, r.tally.outcomes.truncated, r.summary.errors])).toEqual([
      ['maze', 1, 1, 0, 0],
      ['wordle', 2, 0, 1, 1],
      ['all', 3, 1, 1, 1],
    ]);
    // The live view leaves out the bootstrap (its cost grows with the episodes); the Wilson interval is there.
    expect(a.rows[0].summary.rewardCi).toBeNull();
    expect(a.rows[0].summary.successCi[1]).toBeGreaterThan(0.5);
    // The same saved run object gives the same rows without recomputing them.
    expect(modelViews(run)[0]).toBe(a);
  });

  it('buckets final rewards from the lowest to the highest seen', () => {
    expect(histogram({ '0': 3, '1': 2 }).map((b) => b.value)).toEqual([3, 0, 0, 0, 0, 0, 0, 0, 0, 2]);
    expect(histogram({ '0.5': 4 })).toEqual([{ label: '0.5', value: 4 }]);
    expect(histogram({})).toEqual([]);
  });
});
