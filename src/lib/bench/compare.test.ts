import { describe, expect, it } from 'vitest';
import { compareRuns, configDiff, firstDifference, sideBySidePair, solvedByNotBy, type CellEpisode } from './compare.ts';
import type { StepRecord } from '../records.ts';
import type { RunRecord } from './types.ts';

function run(id: string, models: string[], finished: Record<string, string>, extra: Partial<RunRecord> = {}): RunRecord {
  return {
    id, name: id, createdAt: 0, status: 'done', finished, appVersion: '1', dataVersions: { maze: 'd1' }, promptsHash: 'p1', splitsVersion: 's1',
    config: { envs: ['maze'], items: { maze: [0, 1, 2, 10] }, models: models.map((m) => ({ providerId: m, label: m, model: m })), concurrency: 1, params: { temperature: 0 }, repeats: 1 },
    ...extra,
  };
}

const won = (id: string): CellEpisode => ({ id, status: 'done', outcome: 'success', success: true, finalReward: 1 });
const lost = (id: string): CellEpisode => ({ id, status: 'done', outcome: 'truncated', success: false, finalReward: 0 });
const broke = (id: string): CellEpisode => ({ id, status: 'error', success: false, finalReward: 0, error: 'HTTP 500: boom' });

describe('comparing runs item by item', () => {
  const a = run('A', ['m'], { '0:maze_0:0': 'a0', '0:maze_1:0': 'a1', '0:maze_2:0': 'a2', '0:maze_10:0': 'a10' });
  const b = run('B', ['m', 'n'], { '0:maze_0:0': 'b0', '0:maze_1:0': 'b1', '1:maze_1:0': 'c1', '1:maze_2:0': 'c2' }, { appVersion: '2', config: { ...a.config, params: { temperature: 1 }, models: [{ providerId: 'm', label: 'm', model: 'm' }, { providerId: 'n', label: 'n', model: 'n' }] } });
  const episodes = new Map([won('a0'), won('a1'), won('a2'), lost('a10'), won('b0'), lost('b1'), broke('c1'), won('c2')].map((e) => [e.id, e]));

  it('lays out items × run models, in item order, with the outcome, reward and error of each cell', () => {
    const { columns, rows } = compareRuns([a, b], episodes);
    expect(columns.map((c) => c.label)).toEqual(['A', 'B · m', 'B · n']);
    expect(rows.map((r) => r.label)).toEqual(['maze_0', 'maze_1', 'maze_2', 'maze_10']);
    expect(rows[1].cells.map((c) => c && [c.episodeId, c.result, c.reward])).toEqual([['a1', 'success', 1], ['b1', 'truncated', 0], ['c1', 'error', 0]]);
    expect(rows[1].cells[2]?.error).toBe('HTTP 500: boom');
    expect(rows[0].cells[2]).toBeNull();
  });

  it('lists the items solved by one column and not by another', () => {
    const { rows } = compareRuns([a, b], episodes);
    expect(solvedByNotBy(rows, 0, 1).map((r) => r.label)).toEqual(['maze_1', 'maze_2']);
    expect(solvedByNotBy(rows, 2, 0)).toEqual([]);
    expect(solvedByNotBy(rows, 0, 2).map((r) => r.label)).toEqual(['maze_0', 'maze_1']); // not played, errored
  });

  it('labels repeated attempts', () => {
    const r = run('R', ['m'], { '0:maze_0:0': 'a0', '0:maze_0:1': 'b0' });
    expect(compareRuns([r], episodes).rows.map((x) => x.label)).toEqual(['maze_0', 'maze_0 #2']);
  });

  it('diffs the configurations, flagging what changed', () => {
    const diff = Object.fromEntries(configDiff([a, b]).map((f) => [f.name, f]));
    expect(diff['models']).toEqual({ name: 'models', values: ['m', 'm, n'], differs: true });
    expect(diff['params'].values).toEqual(['temperature: 0', 'temperature: 1']);
    expect(diff['app version'].differs).toBe(true);
    expect(diff['prompts hash']).toMatchObject({ values: ['p1', 'p1'], differs: false });
    expect(diff['data versions'].values).toEqual(['maze: d1', 'maze: d1']);
    expect(diff['items'].values[0]).toBe('maze: 0,1,2,10');
    expect(diff['formats'].values[0]).toBe('not recorded');
  });

  it('finds the first step at which two episodes part ways, and which pair to set side by side', () => {
    const st = (action: string | null, observation = 'o'): StepRecord => ({ reply: 'r', action, by: 'model', observation, reward: 0, done: false, valid: action !== null, at: 0 });
    const x = { steps: [st('move up'), st('move left'), st('move down')] };
    expect(firstDifference(x, { steps: [st('move up'), st('move right')] })).toBe(1);
    expect(firstDifference(x, { steps: [st('move up'), st(null)] })).toBe(1);
    expect(firstDifference(x, { steps: [st('move up', 'elsewhere')] })).toBe(0);
    expect(firstDifference(x, { steps: x.steps.slice(0, 2) })).toBe(2);
    expect(firstDifference(x, x)).toBe(3);
    const { rows } = compareRuns([a, b], episodes);
    expect(sideBySidePair(rows[1], 0, 2)).toEqual([0, 2]);
    expect(sideBySidePair(rows[0], 0, 2)).toEqual([0, 1]); // B · n did not play maze_0
    expect(sideBySidePair(rows[3], -1, -1)).toBeNull(); // maze_10: only A
  });
});
