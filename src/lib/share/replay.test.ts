import { describe, expect, it } from 'vitest';
import { MazeOracle } from '../../../workers/envs/maze/oracle.ts';
import { ENVS } from '../../../workers/envs/registry.ts';
import { openLocalEnv } from '../../../workers/local-env.ts';
import { observationHash } from './hash.ts';
import { recordToShared, replayToRecord } from './record.ts';
import { replayEpisode } from './replay.ts';
import { cyclingPolicy, playEpisode, viaLink } from '../../../testing/shared-episode.ts';

/** A MAZE episode solved by the oracle from (1, 3): 10 steps ending in Success. */
async function solvedMaze() {
  const oracle = new MazeOracle();
  return playEpisode('maze', 2, (snap, i) => (i === 1 ? 'I will think first.' : `Thought: go.\nAction: ${oracle.next(snap.observation)}`), 40);
}

describe('replay', () => {
  it('reproduces a MAZE episode: observations, rewards, pictures, thoughts', async () => {
    const record = await solvedMaze();
    expect(record.success).toBe(true);
    const replay = await replayEpisode(viaLink(recordToShared(record)), openLocalEnv, '0.1.0');
    expect(replay.divergence).toBeNull();
    expect(replay.stopped).toBeNull();
    expect(replay.frames.map((f) => f.observation)).toEqual([record.initialObservation, ...record.steps.map((s) => s.observation)]);
    expect(replay.frames.slice(1).map((f) => [f.reward, f.done])).toEqual(record.steps.map((s) => [s.reward, s.done]));
    expect(replay.frames.at(-1)!.observation).toBe('Success\n');
    expect(replay.frames[0].picture).toMatchObject({ kind: 'grid', rows: 10, cols: 13 });
    expect(replay.frames[1].turn).toEqual({ reply: record.steps[0].reply, thought: 'go.', action: record.steps[0].action, by: 'model' });
    // A reply with no "Action:" goes to MAZE whole (a no-op), as in the live loop.
    expect(replay.frames[2].turn!.action).toBe('I will think first.');
    expect(replay.frames[2].valid).toBe(false);

    const rebuilt = replayToRecord(viaLink(recordToShared(record)), replay, { id: 'r1', now: 5, appVersion: '0.2.0' });
    expect(rebuilt).toMatchObject({ env: 'maze', itemId: 'maze_2', status: 'done', finalReward: 1, success: true, agent: record.agent, initialObservation: record.initialObservation });
    expect(rebuilt.steps.map(({ at: _at, ...s }) => s)).toEqual(record.steps.map(({ at: _at, ...s }) => s));
  });

  it.each(ENVS.map((e) => e.id))('re-runs a %s episode without divergence', async (envId) => {
    const record = await playEpisode(envId, ENVS.find((e) => e.id === envId)!.evalItems[0] ?? 0, cyclingPolicy, 6);
    const replay = await replayEpisode(viaLink(recordToShared(record)), openLocalEnv, '0.1.0');
    expect(replay.divergence).toBeNull();
    expect(replay.frames.map((f) => f.observation)).toEqual([record.initialObservation, ...record.steps.map((s) => s.observation)]);
  });

  it('flags the first tampered reward at its step, and keeps replaying', async () => {
    const shared = recordToShared(await solvedMaze());
    const steps = shared.steps.map((s, i) => (i === 3 || i === 6 ? { ...s, reward: 1 } : s));
    const replay = await replayEpisode(viaLink({ ...shared, steps }), openLocalEnv, '0.1.0');
    expect(replay.divergence).toEqual({
      step: 4,
      message: 'Step 4 differs from the recording: reward 0 now, 1 recorded — same app and data version, so the recording was probably edited.',
    });
    expect(replay.frames).toHaveLength(shared.steps.length + 1);
  });

  it('blames a changed data version, and notices a changed observation or end', async () => {
    const shared = recordToShared(await solvedMaze());
    const old = { ...shared, dataVersion: 'maze-0', steps: shared.steps.map((s, i) => (i === 1 ? { ...s, obs: observationHash('elsewhere') } : s)) };
    expect((await replayEpisode(old, openLocalEnv, '0.1.0')).divergence).toEqual({
      step: 2,
      message: 'Step 2 differs from the recording: the observation is different — the environment data may have changed (recorded data version "maze-0", now maze-1).',
    });
    const start = await replayEpisode({ ...shared, obs0: '00000000', appVersion: '0.0.9' }, openLocalEnv, '0.1.0');
    expect(start.divergence!.step).toBe(0);
    expect(start.divergence!.message).toMatch(/^The start differs from the recording: the first observation is different — .*app version "0\.0\.9", now 0\.1\.0/);
  });

  it('reports a recording that goes on after the env now ends', async () => {
    const shared = recordToShared(await solvedMaze());
    const last = shared.steps.at(-1)!;
    // Pretend the recording's last step did not end it, and one more step followed.
    const steps = [...shared.steps.slice(0, -1), { ...last, done: false, reward: 0 }, { ...last }];
    const replay = await replayEpisode({ ...shared, steps }, openLocalEnv, '0.1.0');
    expect(replay.divergence!.step).toBe(shared.steps.length);
    expect(replay.divergence!.message).toMatch(/reward 1 now, 0 recorded; the episode ends here now but went on in the recording/);
    expect(replay.stopped).toMatch(new RegExp(`^Step ${steps.length} could not be replayed: "The episode has finished`));
    expect(replay.frames).toHaveLength(shared.steps.length + 1);
  });
});
