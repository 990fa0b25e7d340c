import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { deleteEpisode, getEpisode, listEpisodes, listRunEpisodes, putEpisode } from './store.ts';
import type { EpisodeRecord } from './records.ts';

function ep(id: string, startedAt: number, runId?: string): EpisodeRecord {
  return {
    id, env: 'maze', itemId: 'maze_0', agent: { kind: 'human', label: 'You' }, startedAt,
    initialObservation: 'o', steps: [], status: 'running', finalReward: 0, success: false,
    appVersion: '1', dataVersion: '1', ...(runId ? { runId } : {}),
  };
}

describe('store', () => {
  it('saves, lists newest first, updates in place and deletes', async () => {
    await putEpisode(ep('a', 1));
    await putEpisode(ep('b', 2, 'r1'));
    await putEpisode({ ...ep('a', 1), status: 'done' });
    expect((await listEpisodes()).map((e) => e.id)).toEqual(['b', 'a']);
    expect((await getEpisode('a'))?.status).toBe('done');
    expect((await listRunEpisodes('r1')).map((e) => e.id)).toEqual(['b']);
    await deleteEpisode('a');
    expect(await getEpisode('a')).toBeUndefined();
  });
});
