/** Format v2 for deterministic envs (recorded actions, outcome) and v1 links kept working. */
import { describe, expect, it } from 'vitest';
import { MazeOracle } from '../../../workers/envs/maze/oracle.ts';
import { openLocalEnv } from '../../../workers/local-env.ts';
import { episodeFragment } from './codec.ts';
import { episodeToFile, parseEpisodeFile } from './file.ts';
import { recordToShared, replayToRecord } from './record.ts';
import { replayEpisode } from './replay.ts';
import { openLink, playEpisode, viaLink } from '../../../testing/shared-episode.ts';
import { V1_LINK, V1_REPLIES } from '../../../testing/share-fixtures.ts';
import type { SharedEpisode } from './types.ts';

/** The episode as a v1 link held it: no actions, no outcome. */
function asV1({ outcome: _, ...ep }: SharedEpisode): SharedEpisode {
  return { ...ep, v: 1, steps: ep.steps.map(({ reply, by, reward, done, obs }) => ({ reply, by, reward, done, obs })) };
}

/** MAZE item 2 solved by the oracle, every reply in Thought/Action form. */
async function solvedMaze() {
  const oracle = new MazeOracle();
  return playEpisode('maze', 2, (snap) => `Thought: go.\nAction: ${oracle.next(snap.observation)}`, 40);
}

describe('v1 links', () => {
  it('still open and replay: actions come from the replies, the outcome from the re-run', async () => {
    const ep = openLink(V1_LINK);
    expect(ep).toMatchObject({ v: 1, env: 'maze', item: 18, agent: { kind: 'model', label: 'Fixture model', model: 'gpt-fixture' } });
    expect(ep.steps.map((s) => s.reply)).toEqual(V1_REPLIES);
    expect(ep.steps.some((s) => 'action' in s || 'invalid' in s)).toBe(false);
    expect(ep.outcome).toBeUndefined();

    const replay = await replayEpisode(ep, openLocalEnv, '0.1.0');
    expect(replay).toMatchObject({ mode: 're-run', divergence: null, parser: null, stopped: null, result: 'success' });
    expect(replay.frames.slice(1).map((f) => f.turn!.action)).toEqual(['move up', 'move left', 'move down', 'move down']);
    expect(replay.frames.at(-1)!.observation).toBe('Success\n');
    expect(replayToRecord(ep, replay, { id: 'x', now: 1, appVersion: '0.2.0' })).toMatchObject({ status: 'done', outcome: 'success', success: true });
  });

  it('re-encode as v1 and open from a file too', () => {
    const ep = openLink(V1_LINK);
    expect(episodeFragment(ep)).toBe(V1_LINK);
    expect(parseEpisodeFile(episodeToFile(ep).text)).toEqual({ ok: true, episode: ep });
  });

  it('count a walk to the round limit as truncated', async () => {
    const record = await playEpisode('maze', 0, () => 'Action: move nowhere', 15);
    const v1 = asV1(recordToShared(record));
    const replay = await replayEpisode(viaLink(v1), openLocalEnv, '0.1.0');
    expect(replay.result).toBe('truncated');
    const short = await replayEpisode({ ...v1, steps: v1.steps.slice(0, 3) }, openLocalEnv, '0.1.0');
    expect(short.result).toBe('stopped');
  });
});

describe('v2 links of deterministic envs', () => {
  it('carry each action and the outcome, no observations', async () => {
    const record = await solvedMaze();
    const ep = viaLink(recordToShared(record));
    expect(ep.v).toBe(2);
    expect(ep.steps.map((s) => s.action)).toEqual(record.steps.map((s) => s.action));
    expect(ep.outcome).toBe('success');
    expect(ep.initialObservation).toBeUndefined();
    expect(ep.steps.every((s) => s.observation === undefined && s.valid === undefined)).toBe(true);
  });

  it('replay the recorded actions, and say where today\'s parser reads a reply otherwise', async () => {
    const shared = recordToShared(await solvedMaze());
    // As if the reply parser had changed since: step 3's reply no longer reads as its action.
    const steps = shared.steps.map((s, i) => (i === 2 ? { ...s, reply: 'Thought: go.\nAction: walk that way' } : s));
    const replay = await replayEpisode(viaLink({ ...shared, steps }), openLocalEnv, '0.1.0');
    expect(replay.divergence).toBeNull();
    expect(replay.result).toBe('success');
    expect(replay.frames[3].turn!.action).toBe(shared.steps[2].action);
    expect(replay.parser).toEqual({
      step: 3,
      message: `Step 3: today's reply parser reads the action as "walk that way"; the recording gave the environment "${shared.steps[2].action}". The replay follows the recording.`,
    });
    // The same link in v1 form has only the replies, so the re-run goes astray there.
    const astray = await replayEpisode(viaLink(asV1({ ...shared, steps })), openLocalEnv, '0.1.0');
    expect(astray.divergence!.step).toBe(3);
    expect(astray.parser).toBeNull();
  });

  it('feed back a recorded reply without an action as recorded, without stepping the env', async () => {
    const twice = 'Thought: both.\nAction: inventory\nAction: get 1 stick';
    const record = await playEpisode('textcraft', 3, (_, i) => (i === 0 ? twice : 'Thought: look.\nAction: inventory'), 2);
    expect(record.steps[0].action).toBeNull();
    const shared = recordToShared(record);
    expect(shared.steps[0]).toMatchObject({ invalid: record.steps[0].observation });
    expect(shared.steps[0].action).toBeUndefined();
    const replay = await replayEpisode(viaLink(shared), openLocalEnv, '0.1.0');
    expect(replay.divergence).toBeNull();
    expect(replay.frames[1]).toMatchObject({ observation: record.steps[0].observation, valid: false, turn: { action: null } });
    // A recorded action where today's parser finds none is replayed, and noted.
    const forced = { ...shared, steps: [{ ...shared.steps[0], invalid: undefined, action: 'inventory' }, shared.steps[1]] };
    const noted = await replayEpisode(forced, openLocalEnv, '0.1.0');
    expect(noted.parser!.message).toMatch(/^Step 1: today's reply parser finds no usable action in the reply; the recording gave the environment "inventory"/);
  });

  it('keep a round limit set by a benchmark, and flag an outcome the re-run does not reach', async () => {
    const record = await playEpisode('maze', 0, () => 'Action: move nowhere', 5);
    record.status = 'done';
    record.outcome = 'truncated'; // a benchmark's maxRounds of 5, below MAZE's 15
    const shared = viaLink(recordToShared(record));
    expect(shared.outcome).toBe('truncated');
    const replay = await replayEpisode(shared, openLocalEnv, '0.1.0');
    expect(replay.result).toBe('truncated');
    expect(replayToRecord(shared, replay, { id: 'x', now: 1, appVersion: '0.1.0' })).toMatchObject({ status: 'done', outcome: 'truncated', success: false });

    const won = recordToShared(await solvedMaze());
    const lost = await replayEpisode({ ...won, outcome: 'failure' }, openLocalEnv, '0.1.0');
    expect(lost.divergence).toEqual({
      step: won.steps.length,
      message: `Step ${won.steps.length} differs from the recording: it ends as "Success" now, "Failed" in the recording — same app and data version, so the recording was probably edited.`,
    });
  });
});
