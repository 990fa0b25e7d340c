import { describe, expect, it } from 'vitest';
import { BenchRunner, episodeIdFor, type PlayContext } from './scheduler.ts';
import { expandTasks, type RunRecord, type Task } from './types.ts';
import type { EpisodeRecord } from '../records.ts';

function makeRun(concurrency = 4): RunRecord {
  return {
    id: 'run1',
    name: 'test',
    createdAt: 0,
    status: 'running',
    config: {
      envs: ['maze', 'wordle'],
      items: { maze: [0, 1, 2, 3, 4], wordle: [0, 1, 2] },
      models: [{ providerId: 'p', label: 'mock', model: 'm' }],
      concurrency,
      params: {},
      repeats: 1,
    },
    finished: {},
    appVersion: 'x',
    dataVersions: {},
    promptsHash: 'h',
  };
}

function episode(runId: string, task: Task, status: EpisodeRecord['status'], success: boolean): EpisodeRecord {
  return {
    id: episodeIdFor(runId, task),
    env: task.env,
    itemId: `${task.env}_${task.index}`,
    agent: { kind: 'human', label: 'x' },
    startedAt: 0,
    finishedAt: 1,
    initialObservation: '',
    steps: [],
    status,
    finalReward: success ? 1 : 0,
    success,
    appVersion: 'x',
    dataVersion: 'x',
    runId,
  };
}

describe('BenchRunner', () => {
  it('starts the next task while a played episode is being stored, and counts a task finished only once stored', async () => {
    const stores: (() => void)[] = [];
    const started: string[] = [];
    const runner = new BenchRunner(makeRun(1), {
      async play(task, ctx) {
        started.push(task.key);
        ctx.released?.();
        await new Promise<void>((r) => stores.push(r)); // the write, held until the test lets it land
        return episode('run1', task, 'done', true);
      },
      saveRun: async () => {},
    });
    const done = runner.start();
    await new Promise((r) => setTimeout(r, 10));
    // Concurrency 1, yet every task has started: none waits for an earlier one's write.
    expect(started).toHaveLength(8);
    expect(runner.progress()).toMatchObject({ running: 0, done: 0 });
    expect(Object.keys(runner.run.finished)).toHaveLength(0);
    stores.splice(0, 3).forEach((land) => land());
    await new Promise((r) => setTimeout(r, 0));
    expect(Object.keys(runner.run.finished)).toHaveLength(3);
    stores.forEach((land) => land());
    const run = await done;
    expect(run.status).toBe('done');
    expect(Object.keys(run.finished)).toHaveLength(8);
  });

  it('plays every task once, never more than the concurrency at a time', async () => {
    let live = 0, peak = 0;
    const played: string[] = [];
    const runner = new BenchRunner(makeRun(3), {
      async play(task) {
        live++;
        peak = Math.max(peak, live);
        await new Promise((r) => setTimeout(r, 5));
        live--;
        played.push(task.key);
        return episode('run1', task, 'done', task.index % 2 === 0);
      },
      saveRun: async () => {},
    });
    const run = await runner.start();
    expect(run.status).toBe('done');
    expect(played.sort()).toEqual(expandTasks(run.config).map((t) => t.key).sort());
    expect(peak).toBe(3);
    const p = runner.progress();
    expect(p).toMatchObject({ total: 8, done: 8, failed: 0, running: 0, success: 5 });
    expect(p.perEnv.maze).toMatchObject({ total: 5, success: 3 });
  });

  it('keeps totals per model and env as episodes finish', async () => {
    const two = makeRun(4);
    two.config.models.push({ providerId: 'q', label: 'other', model: 'n' });
    const runner = new BenchRunner(two, {
      play: async (task) => episode('run1', task, task.index === 0 ? 'error' : 'done', task.index !== 0 && task.modelIdx === 0 && task.env === 'maze'),
      saveRun: async () => {},
    });
    const { tally } = await runner.start();
    // Errored episodes are not finished (they are kept in run.errors for a retry), so not in the totals.
    expect(tally?.['0']?.maze).toMatchObject({ episodes: 4, success: 4, outcomes: { success: 4, failure: 0, truncated: 0, error: 0 } });
    expect(tally?.['1']?.maze).toMatchObject({ episodes: 4, success: 0, outcomes: { success: 0, failure: 4, truncated: 0, error: 0 } });
    expect(tally?.['1']?.wordle).toMatchObject({ episodes: 2, success: 0 });
  });

  it('saves run records whose totals count exactly the episodes they list as finished, each record its own', async () => {
    const saves: RunRecord[] = [];
    const runner = new BenchRunner(makeRun(3), {
      play: async (task) => {
        await new Promise((r) => setTimeout(r, 1 + task.index));
        return episode('run1', task, task.index === 4 ? 'error' : 'done', true);
      },
      // As the store does: the record is copied when saved (later finishes must not change it).
      saveRun: async (r) => void saves.push(JSON.parse(JSON.stringify(r)) as RunRecord),
      now: (() => {
        let t = 0;
        return () => (t += 1000); // every finished episode is past the write-behind interval
      })(),
    });
    const final = await runner.start();
    expect(saves.length).toBeGreaterThan(3);
    for (const r of saves) {
      const counted = Object.values(r.tally ?? {}).flatMap((byEnv) => Object.values(byEnv)).reduce((n, t) => n + t.episodes, 0);
      expect(counted).toBe(Object.keys(r.finished).length);
    }
    expect(Object.keys(final.finished)).toHaveLength(7);
    expect(final.errors).toEqual({ '0:maze_4:0': 'The episode ended in an error.' });
    expect(saves.at(-1)).toEqual(final);
  });

  it('resumes after a pause without replaying or losing a task', async () => {
    let saved: RunRecord = makeRun(2);
    const counts = new Map<string, number>();
    let runner: BenchRunner;
    const deps = {
      async play(task: Task) {
        counts.set(task.key, (counts.get(task.key) ?? 0) + 1);
        await new Promise((r) => setTimeout(r, 2));
        if (counts.size === 3) runner.pause();
        return episode('run1', task, 'done', true);
      },
      saveRun: async (r: RunRecord) => {
        saved = r;
      },
    };
    runner = new BenchRunner(saved, deps);
    const first = await runner.start();
    expect(first.status).toBe('paused');
    const doneFirst = Object.keys(first.finished).length;
    expect(doneFirst).toBeGreaterThan(0);
    expect(doneFirst).toBeLessThan(8);
    // A reload: a new runner from the saved record.
    const resumed = await new BenchRunner(saved, deps).start();
    expect(resumed.status).toBe('done');
    expect(Object.keys(resumed.finished)).toHaveLength(8);
    expect([...counts.values()].every((c) => c === 1)).toBe(true);
  });

  it('saves the run record behind the episodes: one write at a time, fewer than episodes, the last complete', async () => {
    let writing = 0, overlapped = false;
    const saves: RunRecord[] = [];
    const runner = new BenchRunner(makeRun(4), {
      play: async (task) => episode('run1', task, 'done', true),
      saveRun: async (r) => {
        overlapped ||= writing > 0;
        writing++;
        saves.push(r);
        await new Promise((resolve) => setTimeout(resolve, 1));
        writing--;
      },
    });
    const out = await runner.start();
    expect(overlapped).toBe(false);
    // The opening save, a few behind the episodes, the closing save: not one per episode.
    expect(saves.length).toBeLessThan(8 + 2);
    expect(Object.keys(saves.at(-1)!.finished)).toHaveLength(8);
    expect(out.status).toBe('done');
  });

  it('halves concurrency on a 429 and pauses when the agent cannot go on', async () => {
    const run = makeRun(8);
    const runner = new BenchRunner(run, {
      async play(task: Task, ctx: PlayContext) {
        if (task.key.endsWith('maze_0:0')) ctx.onRateLimit(10);
        return episode('run1', task, task.key.endsWith('wordle_2:0') ? 'paused' : 'done', false);
      },
      saveRun: async () => {},
    });
    const out = await runner.start();
    expect(out.status).toBe('paused');
    expect(runner.progress().concurrency).toBeLessThan(8);
    expect(Object.keys(out.finished)).toHaveLength(7);
  });
});

describe('BenchRunner errors', () => {
  it('keeps errored tasks out of finished, ends incomplete, and plays only them with onlyErrors', async () => {
    let saved: RunRecord = makeRun(2);
    const played: string[] = [];
    let outage = true;
    const deps = {
      async play(task: Task) {
        played.push(task.key);
        const failing = outage && task.env === 'wordle';
        return { ...episode('run1', task, failing ? 'error' : 'done', !failing), ...(failing ? { error: 'HTTP 429: slow down' } : {}) };
      },
      saveRun: async (r: RunRecord) => void (saved = r),
    };
    const first = await new BenchRunner(saved, deps).start();
    expect(first.status).toBe('incomplete');
    expect(Object.keys(first.finished)).toHaveLength(5);
    expect(first.errors).toEqual({ '0:wordle_0:0': 'HTTP 429: slow down', '0:wordle_1:0': 'HTTP 429: slow down', '0:wordle_2:0': 'HTTP 429: slow down' });
    const runner = new BenchRunner(saved, deps);
    expect(runner.progress()).toMatchObject({ done: 5, failed: 3, success: 0 });
    outage = false;
    played.length = 0;
    const second = await runner.start({ onlyErrors: true });
    expect(played.sort()).toEqual(['0:wordle_0:0', '0:wordle_1:0', '0:wordle_2:0']);
    expect(second.status).toBe('done');
    expect(second.errors).toEqual({});
  });
});
