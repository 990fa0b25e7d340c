import { describe, expect, it } from 'vitest';
import { parseJsonl, toJsonl } from './trajectory.ts';
import { EpisodeSession } from './agent/episode-session.ts';
import { openLocalEnv } from '../../workers/local-env.ts';
import { requireEnv } from '../../workers/envs/registry.ts';
import type { EpisodeRecord } from './records.ts';

async function playMaze(index: number, moves: string[]): Promise<EpisodeRecord> {
  let n = 0;
  const play = await EpisodeSession.start({
    env: await openLocalEnv('maze'),
    spec: requireEnv('maze'),
    index,
    id: `ep-${index}`,
    now: () => 1_700_000_000_000 + n++,
    onUpdate: () => {},
  });
  for (const m of moves) await play.humanStep(m);
  return play.snapshot;
}

describe('AgentTraj JSONL export/import', () => {
  it('writes AgentGym conversations and round-trips losslessly', async () => {
    const eps = [await playMaze(18, ['move up', 'move down', 'move down']), await playMaze(0, ['move right', 'nonsense'])];
    const text = await toJsonl(eps);
    const first = JSON.parse(text.split('\n')[0]);
    expect(first.item_id).toBe('maze_18');
    expect(first.success).toBe(1);
    expect(first.outcome).toBe('success');
    expect(JSON.parse(text.split('\n')[1]).outcome).toBe('paused');
    // MAZE opens as AgentGym's client does: expert line, acknowledgement, rules with the first observation.
    expect(first.conversations[0]).toEqual({ from: 'human', loss: null, value: 'You are an expert maze solver.' });
    expect(first.conversations[1]).toMatchObject({ from: 'gpt', loss: false });
    expect(first.conversations[2].value).toContain(eps[0].initialObservation);
    expect(first.conversations[3]).toEqual({ from: 'gpt', loss: true, value: 'Action: move up' });
    expect(first.conversations.at(-1).value).toBe('Success\n');
    expect(parseJsonl(text).episodes).toEqual(eps);
  });

  it('derives the outcome of records made before it was kept', async () => {
    const { outcome: _, ...old } = await playMaze(18, ['move up', 'move down', 'move down']);
    const cut = { ...old, status: 'done' as const, success: false, finalReward: 0, steps: old.steps.slice(0, 2) };
    const lines = (await toJsonl([old, cut])).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.outcome, 'outcome' in l.x_episode])).toEqual([['success', false], ['truncated', false]]);
  });

  it('rejects bad files with a message naming the line and field', async () => {
    const good = await toJsonl([await playMaze(1, ['move left'])]);
    expect(() => parseJsonl('not json\n')).toThrow('Line 1 is not valid JSON');
    expect(() => parseJsonl('{"item_id":"maze_1"}\n')).toThrow('no x_episode');
    expect(() => parseJsonl(good.replace('"env":"maze"', '"env":"nope"'))).toThrow('unknown environment "nope"');
    expect(() => parseJsonl(good.replace('"itemId":"maze_1"', '"itemId":"maze_999"'))).toThrow('out of range');
    expect(() => parseJsonl(good.replace('"reward":0,"done"', '"reward":"0","done"'))).toThrow('steps[0].reward must be a finite number');
    expect(() => parseJsonl('')).toThrow('no episodes');
  });
});
