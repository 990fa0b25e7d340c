import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { EpisodeRecord, StepRecord } from './records.ts';
import type { RunRecord } from './bench/types.ts';

type Store = typeof import('./store.ts');
let store: Store;

// Each test gets an empty browser database and a store module that has not opened it yet.
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  vi.resetModules();
  store = await import('./store.ts');
});

function step(n: number, done = false): StepRecord {
  return { reply: `Action: a${n}`, action: `a${n}`, by: 'human', observation: `o${n}`, reward: done ? 1 : 0, done, valid: true, at: n };
}

function ep(id: string, startedAt: number, extra: Partial<EpisodeRecord> = {}): EpisodeRecord {
  return {
    id, env: 'maze', itemId: 'maze_0', agent: { kind: 'human', label: 'You' }, startedAt,
    initialObservation: 'o', steps: [], status: 'running', finalReward: 0, success: false,
    appVersion: '1', dataVersion: '1', ...extra,
  };
}

function run(id: string, finished: Record<string, string>): RunRecord {
  return {
    id, name: id, createdAt: 0, status: 'done', finished, appVersion: '1', dataVersions: {}, promptsHash: 'h',
    config: { envs: ['maze'], items: { maze: [0, 1] }, models: [{ providerId: 'p', label: 'M', model: 'm' }], concurrency: 1, params: {}, repeats: 1 },
  };
}

async function allIds(filter: Parameters<Store['listEpisodePage']>[0] = {}, limit = 50, sort: Parameters<Store['listEpisodePage']>[3] = 'newest'): Promise<string[]> {
  const ids: string[] = [];
  let after = null;
  do {
    const page: Awaited<ReturnType<Store['listEpisodePage']>> = await store.listEpisodePage(filter, after, limit, sort);
    ids.push(...page.episodes.map((e) => e.id));
    after = page.next;
  } while (after);
  return ids;
}

describe('store', () => {
  it('gives back a whole episode saved step by step, and only appends the new steps', async () => {
    const save = store.episodeWriter();
    const e = ep('a', 1);
    await save(e);
    for (let n = 0; n < 3; n++) {
      e.steps.push(step(n, n === 2));
      await save({ ...e, steps: [...e.steps] });
    }
    await save({ ...e, status: 'done', outcome: 'success', success: true, finalReward: 1 });
    expect(await store.getEpisode('a')).toEqual({ ...e, status: 'done', outcome: 'success', success: true, finalReward: 1 });
    // The writer must not rewrite old steps: change one behind its back and it stays changed.
    const spy = vi.spyOn(IDBObjectStore.prototype, 'put');
    e.steps.push(step(3));
    await save({ ...e, steps: [...e.steps] });
    expect(spy.mock.calls.map(([v]) => (v as { n?: number }).n).filter((n) => n !== undefined)).toEqual([3]);
    spy.mockRestore();
  });

  it('drops the steps of an earlier, longer save under the same id (a re-run benchmark task)', async () => {
    await store.putEpisode({ ...ep('r:0', 1), steps: [step(0), step(1), step(2)] });
    await store.putEpisode({ ...ep('r:0', 2), steps: [step(9)] });
    expect((await store.getEpisode('r:0'))?.steps).toEqual([step(9)]);
  });

  it("re-runs a benchmark episode under its id with fewer steps, or none, and reads back only the new run's", async () => {
    await store.putBenchmarkEpisodes([ep('run:maze_0', 1, { runId: 'run', steps: [step(0), step(1), step(2, true)] })]);
    await store.putBenchmarkEpisodes([ep('run:maze_0', 2, { runId: 'run', steps: [step(5, true)] })]);
    expect((await store.getEpisode('run:maze_0'))?.steps.map((s) => s.action)).toEqual(['a5']);
    await store.putBenchmarkEpisodes([ep('run:maze_0', 3, { runId: 'run', status: 'error', error: 'HTTP 500' })]);
    expect((await store.getEpisode('run:maze_0'))?.steps).toEqual([]);
  });

  it('stores a whole episode as two records, and a whole save replaces the steps Play wrote one by one', async () => {
    const spy = vi.spyOn(IDBObjectStore.prototype, 'put');
    await store.putEpisodes([{ ...ep('w:0', 1), steps: [step(0), step(1), step(2, true)] }, { ...ep('w:1', 2), steps: [] }]);
    expect(spy).toHaveBeenCalledTimes(3); // two headers, and one record with all of w:0's steps
    spy.mockRestore();
    const play = store.episodeWriter();
    const e = ep('p', 1);
    for (let n = 0; n < 4; n++) {
      e.steps.push(step(n));
      await play({ ...e, steps: [...e.steps] });
    }
    await store.putEpisode({ ...e, steps: [step(7), step(8)] });
    expect((await store.getEpisode('p'))?.steps).toEqual([step(7), step(8)]);
    expect((await store.getEpisodes(['w:0', 'w:1'])).map((x) => x.steps)).toEqual([[step(0), step(1), step(2, true)], []]);
    // Play appends to an episode saved whole: its steps follow the whole record's.
    const resumed = { ...ep('w:0', 1), steps: [step(0), step(1), step(2)] };
    const writer = store.episodeWriter();
    await writer(resumed);
    await writer({ ...resumed, steps: [...resumed.steps, step(3)] });
    expect((await store.getEpisode('w:0'))?.steps).toEqual([step(0), step(1), step(2), step(3)]);
  });

  it('stores records holding state proxies (which cannot be cloned as they are) as plain data', async () => {
    const proxied = <T extends object>(o: T): T => new Proxy(o, {});
    const e = { ...ep('x', 1), agent: proxied({ kind: 'human' as const, label: 'You' }), steps: [proxied(step(0))] };
    await store.putEpisode(e);
    const writer = store.episodeWriter();
    await writer(e);
    await writer({ ...e, steps: [...e.steps, proxied(step(1))] });
    expect(await store.getEpisode('x')).toEqual({ ...ep('x', 1), steps: [step(0), step(1)] });
  });

  it('pages newest first without skipping or repeating episodes started in the same millisecond', async () => {
    for (let i = 0; i < 120; i++) await store.putEpisode(ep(`e${String(i).padStart(3, '0')}`, Math.floor(i / 7)));
    const ids = await allIds({}, 50);
    expect(ids).toHaveLength(120);
    expect(new Set(ids).size).toBe(120);
    const started = ids.map((id) => Math.floor(Number(id.slice(1)) / 7));
    expect(started).toEqual([...started].sort((a, b) => b - a));
    const first = await store.listEpisodePage({}, null, 50);
    expect(first.episodes).toHaveLength(50);
    expect(first.episodes[0]).not.toHaveProperty('steps');
  });

  it('filters by env, agent, run, outcome and date, alone or together', async () => {
    const bot = { kind: 'model', label: 'Bot', provider: 'p', model: 'm', params: {} } as const;
    await store.putEpisode(ep('h1', 10, { status: 'done', outcome: 'success', success: true }));
    await store.putEpisode(ep('h2', 20, { env: 'wordle', itemId: 'wordle_0', status: 'done', outcome: 'truncated' }));
    await store.putEpisode(ep('b1', 30, { agent: bot, runId: 'r1', status: 'done', outcome: 'failure' }));
    await store.putEpisode(ep('b2', 40, { agent: bot, runId: 'r1', status: 'error' }));
    await store.putEpisode(ep('b3', 50, { agent: bot, runId: 'r2', status: 'done', outcome: 'success', success: true }));
    expect(await allIds({ env: 'wordle' })).toEqual(['h2']);
    expect(await allIds({ agent: 'Bot' })).toEqual(['b3', 'b2', 'b1']);
    expect(await allIds({ run: '' })).toEqual(['h2', 'h1']);
    expect(await allIds({ inRun: true })).toEqual(['b3', 'b2', 'b1']);
    expect(await allIds({ inRun: true, result: 'success' })).toEqual(['b3']);
    expect(await allIds({ run: 'r1' })).toEqual(['b2', 'b1']);
    expect(await allIds({ result: 'success' })).toEqual(['b3', 'h1']);
    expect(await allIds({ result: 'error' })).toEqual(['b2']);
    expect(await allIds({ from: 20, to: 40 })).toEqual(['b2', 'b1', 'h2']);
    expect(await allIds({ agent: 'Bot', result: 'success', from: 45 })).toEqual(['b3']);
    expect(await allIds({ run: 'r1', env: 'wordle' })).toEqual([]);
    expect(await store.listAgentLabels()).toEqual(['Bot', 'You']);
  });

  it('deletes a run with all its episodes, finished or not, and nothing else', async () => {
    await store.putRun(run('r1', { '0:maze_0:0': 'r1:a' }));
    await store.putEpisode({ ...ep('r1:a', 1, { runId: 'r1', status: 'done' }), steps: [step(0)] });
    await store.putEpisode({ ...ep('r1:b', 2, { runId: 'r1' }), steps: [step(0)] });
    await store.putEpisode({ ...ep('mine', 3), steps: [step(0)] });
    await store.deleteRun('r1');
    expect(await store.getRun('r1')).toBeUndefined();
    expect(await allIds()).toEqual(['mine']);
    expect(await store.getEpisode('r1:b')).toBeUndefined();
    // No orphaned steps: an episode saved again under a deleted id starts empty.
    await store.putEpisode(ep('r1:b', 4));
    expect((await store.getEpisode('r1:b'))?.steps).toEqual([]);
    expect((await store.getEpisode('mine'))?.steps).toHaveLength(1);
  });

  it('marks episodes left running or paused by a gone page as interrupted, but not live ones', async () => {
    await store.putEpisode(ep('ghost', 1));
    await store.putEpisode(ep('live', 2));
    await store.putEpisode(ep('paused-play', 3, { status: 'paused' }));
    await store.putEpisode(ep('paused-bench', 4, { status: 'paused', runId: 'r' }));
    await store.putEpisode(ep('done', 5, { status: 'done', outcome: 'failure' }));
    expect(await store.markInterrupted(new Set(['live']))).toBe(2);
    const status = async (id: string) => (await store.getEpisode(id))?.status;
    expect([await status('ghost'), await status('live'), await status('paused-play'), await status('paused-bench'), await status('done')]).toEqual(['interrupted', 'running', 'interrupted', 'paused', 'done']);
    expect(await allIds({ result: 'interrupted' })).toEqual(['paused-play', 'ghost']);
  });

  it('marks one episode Play let go of as interrupted, and leaves finished and benchmark ones alone', async () => {
    await store.putEpisode(ep('left', 1, { status: 'paused' }));
    await store.putEpisode(ep('bench', 2, { status: 'paused', runId: 'r' }));
    await store.putEpisode(ep('over', 3, { status: 'done', outcome: 'success' }));
    for (const id of ['left', 'bench', 'over', 'never-stored']) await store.markEpisodeInterrupted(id);
    const status = async (id: string) => (await store.getEpisode(id))?.status;
    expect([await status('left'), await status('bench'), await status('over'), await status('never-stored')]).toEqual(['interrupted', 'paused', 'done', undefined]);
    expect(await allIds({ result: 'interrupted' })).toEqual(['left']);
  });

  it('sorts by date, reward or steps either way, page by page, without skipping or repeating ties', async () => {
    // 45 episodes: rewards in 3 values, step counts in 4, start times in 9 (so every key has ties).
    for (let i = 0; i < 45; i++) {
      await store.putEpisode({ ...ep(`e${String(i).padStart(2, '0')}`, Math.floor(i / 5), { status: 'done', finalReward: (i % 3) / 2 }), steps: Array.from({ length: i % 4 }, (_, n) => step(n)) });
    }
    const reward = (id: string) => (Number(id.slice(1)) % 3) / 2;
    const steps = (id: string) => Number(id.slice(1)) % 4;
    const started = (id: string) => Math.floor(Number(id.slice(1)) / 5);
    for (const [sort, key, dir] of [['oldest', started, 1], ['reward-high', reward, -1], ['reward-low', reward, 1], ['steps-high', steps, -1], ['steps-low', steps, 1]] as const) {
      const ids = await allIds({}, 7, sort);
      expect(new Set(ids).size, sort).toBe(45);
      const keys = ids.map(key);
      expect(keys, sort).toEqual([...keys].sort((a, b) => dir * (a - b)));
    }
    // Filters hold in every order: the date range too, which the reward index does not cover.
    const some = await allIds({ from: 2, to: 4, text: 'maze' }, 4, 'reward-high');
    expect(some.map(started).every((t) => t >= 2 && t <= 4)).toBe(true);
    expect(some).toHaveLength(15);
    expect((await store.listEpisodePage({}, null, 1, 'reward-high')).episodes[0].finalReward).toBe(1);
  });

  it('finds episodes by words in the item id, the goal, the error or the agent, in any case', async () => {
    await store.putEpisode(ep('goal', 1, { env: 'textcraft', itemId: 'textcraft_7', initialObservation: 'Goal: craft a Stone Pickaxe.' }));
    await store.putEpisode(ep('err', 2, { status: 'error', error: 'HTTP 429: rate limit reached.' }));
    await store.putEpisode(ep('item', 3, { itemId: 'maze_12' }));
    expect(await allIds({ text: 'stone PICKAXE' })).toEqual(['goal']);
    expect(await allIds({ text: 'rate limit' })).toEqual(['err']);
    expect(await allIds({ text: 'maze_12' })).toEqual(['item']);
    expect(await allIds({ text: 'pickaxe', env: 'maze' })).toEqual([]);
    expect(await allIds({ text: '  ' })).toEqual(['item', 'err', 'goal']);
  });

  it("finds words in any step's reply, action, observation or hint, saved whole or step by step", async () => {
    const say = (reply: string, observation: string, hint?: string): StepRecord => ({ ...step(0), reply, action: null, observation, ...(hint ? { hint } : {}) });
    await store.putEpisode({ ...ep('whole', 1), steps: [step(0), say('Thought: the lantern is lit.', 'Nothing happens.')] });
    const save = store.episodeWriter();
    const live = ep('live', 2);
    await save(live);
    expect(await allIds({ text: 'obsidian' })).toEqual([]);
    live.steps.push(say('Action: look', 'You see an Obsidian door.'));
    await save({ ...live, steps: [...live.steps] });
    live.steps.push(say('Action: jump', 'Nothing happens.', 'Jumping is not an action here.'));
    await save({ ...live, steps: [...live.steps] });
    await save({ ...live, status: 'error', error: 'Quota exceeded.' });
    expect(await allIds({ text: 'obsidian door' })).toEqual(['live']);
    expect(await allIds({ text: 'LANTERN' })).toEqual(['whole']);
    expect(await allIds({ text: 'nothing happens' })).toEqual(['live', 'whole']);
    expect(await allIds({ text: 'jumping quota' })).toEqual(['live']);
    // Both words must occur, each within one word of the text.
    expect(await allIds({ text: 'lantern obsidian' })).toEqual([]);
    expect(await allIds({ text: 'door.' })).toEqual(['live']);
  });

  it('deletes many episodes at once with their steps; saved again, they come back whole', async () => {
    const eps = ['a', 'b', 'c'].map((id, i) => ({ ...ep(id, i), steps: [step(0), step(1)] }));
    await store.putEpisodes(eps);
    const gone = await store.getEpisodes(['a', 'c']);
    await store.deleteEpisodes(['a', 'c']);
    expect(await allIds()).toEqual(['b']);
    await store.putEpisodes(gone);
    expect(await store.getEpisodes(['a', 'c'])).toEqual([eps[0], eps[2]]);
  });

  it('upgrades a version-2 database: the new sort indexes cover the episodes already stored', async () => {
    const v2 = await openDB('agentgym', 2, {
      upgrade(d) {
        const eps = d.createObjectStore('episodes', { keyPath: 'id' });
        eps.createIndex('byStarted', 'startedAt');
        for (const [name, path] of [['byEnv', 'env'], ['byAgent', 'agent.label'], ['byRun', 'ix.run'], ['byResult', 'ix.result']]) eps.createIndex(name, [path, 'startedAt']);
        d.createObjectStore('steps', { keyPath: ['episodeId', 'n'] });
        d.createObjectStore('runs', { keyPath: 'id' }).createIndex('byCreated', 'createdAt');
      },
    });
    const header = (id: string, startedAt: number, finalReward: number, stepCount: number) => ({ ...ep(id, startedAt, { finalReward, status: 'done' }), stepCount, ix: { result: 'failure', run: '' } });
    await v2.put('episodes', header('low', 1, 0, 9));
    await v2.put('episodes', header('high', 2, 1, 1));
    v2.close();
    expect(await allIds({}, 50, 'reward-high')).toEqual(['high', 'low']);
    expect(await allIds({}, 50, 'steps-high')).toEqual(['low', 'high']);
    expect(await allIds({ env: 'maze' })).toEqual(['high', 'low']);
  });

  it('upgrades a version-3 database: episodes stored before are found by the words of their steps', async () => {
    const v3 = await openDB('agentgym', 3, {
      upgrade(d) {
        const eps = d.createObjectStore('episodes', { keyPath: 'id' });
        eps.createIndex('byStarted', 'startedAt');
        for (const [name, path] of [['byEnv', 'env'], ['byAgent', 'agent.label'], ['byRun', 'ix.run'], ['byResult', 'ix.result'], ['byReward', 'finalReward'], ['bySteps', 'stepCount']]) eps.createIndex(name, [path, 'startedAt']);
        d.createObjectStore('steps', { keyPath: ['episodeId', 'n'] });
        d.createObjectStore('runs', { keyPath: 'id' }).createIndex('byCreated', 'createdAt');
      },
    });
    await v3.put('episodes', { ...ep('old', 1, { status: 'done' }), stepCount: 1, ix: { result: 'failure', run: '' } });
    await v3.put('steps', { episodeId: 'old', n: 0, step: { ...step(0), observation: 'A Crimson key lies here.' } });
    await v3.put('episodes', { ...ep('other', 2, { status: 'done' }), stepCount: 0, ix: { result: 'failure', run: '' } });
    v3.close();
    expect(await allIds({ text: 'crimson' })).toEqual(['old']);
    expect(await allIds({}, 50, 'steps-high')).toEqual(['old', 'other']);
  });

  it('upgrades a version-1 database: episodes keep their steps, filters work, runs get their totals', async () => {
    const v1 = await openDB('agentgym', 1, {
      upgrade(d) {
        const eps = d.createObjectStore('episodes', { keyPath: 'id' });
        eps.createIndex('byStarted', 'startedAt');
        eps.createIndex('byRun', 'runId');
        d.createObjectStore('runs', { keyPath: 'id' }).createIndex('byCreated', 'createdAt');
      },
    });
    const bot = { kind: 'model', label: 'Bot', provider: 'p', model: 'm-2024', params: {} } as const;
    const won = { ...ep('r1:0:maze_0:0', 5, { agent: bot, runId: 'r1', status: 'done', success: true, finalReward: 1, finishedAt: 9 }), steps: [step(0), step(1, true)] };
    const old = { ...ep('old', 1, { status: 'done', success: false }), steps: [step(0)] };
    await v1.put('episodes', won);
    await v1.put('episodes', old);
    await v1.put('runs', run('r1', { '0:maze_0:0': won.id }));
    v1.close();

    expect(await store.getEpisode(won.id)).toEqual(won);
    expect(await store.getEpisode('old')).toEqual(old);
    // Saved before outcomes were kept, and its last step did not end the task: the round limit did.
    expect(await allIds({ result: 'truncated' })).toEqual(['old']);
    expect(await allIds({ run: 'r1' })).toEqual([won.id]);
    const tally = (await store.getRun('r1'))?.tally;
    expect(tally?.['0']?.maze).toMatchObject({ episodes: 1, success: 1, steps: 2, rewardSum: 1, wallMs: 4, returned: ['m-2024'] });
  });
});
