import { describe, expect, it } from 'vitest';
import { measureEnv, measureResets, percentile, table, timedReads } from './measure.ts';
import { alfworld } from '../../workers/envs/alfworld/manifest.ts';
import { nodeDataFor } from '../../workers/node-data-source.ts';
import { policySource } from './policy.ts';
import { babyai } from '../../workers/envs/babyai/manifest.ts';
import { maze } from '../../workers/envs/maze/manifest.ts';
import { openLocalEnv } from '../../workers/local-env.ts';

describe('perf measurement', () => {
  it('drives MAZE with its oracle over every eval item', async () => {
    const policies = await policySource(maze);
    expect(policies.name).toBe('oracle');
    const t = await measureEnv(maze, await openLocalEnv('maze'), policies, { now: () => performance.now(), minSteps: 0, budgetMs: 0 });
    expect(t).toMatchObject({ env: 'maze', episodes: 25, solved: 25 });
    expect(t.steps).toBeGreaterThan(25);
    expect(t.stepP99Us).toBeGreaterThanOrEqual(t.stepP50Us);
  });

  it('falls back to the available actions in turn without an oracle', async () => {
    const policies = await policySource(babyai);
    expect(policies.name).toBe('available actions');
    const p = policies.start(await openLocalEnv('babyai'));
    expect([p('', ['a', 'b']), p('', ['a', 'b']), p('', ['a', 'b']), p('', null)]).toEqual(['a', 'b', 'a', 'look']);
    // A clock that ticks 1 ms a call: every timed span is exactly 1 ms.
    let clock = 0;
    const t = await measureEnv(maze, await openLocalEnv('maze'), policies, { now: () => clock++, minSteps: 100, budgetMs: 1e9 });
    expect(t.episodes % 25).toBe(0);
    expect(t.steps).toBeGreaterThanOrEqual(100);
    expect([t.resetFirstUs, t.resetP50Us, t.resetP99Us, t.stepP50Us, t.stepP99Us, t.stepsPerSec]).toEqual([1000, 1000, 1000, 1000, 1000, 1000]);
  });

  it('times resets alone: the first apart, warm-up passes untimed, then passes up to the sample count', async () => {
    // Reads 0, 8, 9, 10, ...: the first reset takes 8 ms, every later one 1 ms.
    let n = 0;
    const slowFirst = () => (n++ === 0 ? 0 : 6 + n);
    const handle = await openLocalEnv('maze', { views: false });
    let resets = 0;
    const counted = { ...handle, reset: (i: number) => (resets++, handle.reset(i)) };
    const t = await measureResets(maze, counted, slowFirst, { warmupPasses: 1, minSamples: 30, budgetMs: 1e9 });
    expect(t).toMatchObject({ firstUs: 8000, p50Us: 1000, p99Us: 1000, p999Us: 1000 });
    // 25 eval items: two timed passes reach 30 samples.
    expect(t.spans).toHaveLength(50);
    expect(resets).toBe(1 + 25 + 50);
  });

  it("reports the file an env reads on reset (ALFWorld's game file) apart from the rest of the reset", async () => {
    let clock = 0;
    const now = () => clock++; // each call to the clock is 1 ms
    const data = timedReads(nodeDataFor('alfworld'), now);
    const handle = await openLocalEnv('alfworld', { views: false }, data.source);
    const few = { ...alfworld, evalItems: alfworld.evalItems.slice(0, 3) };
    const t = await measureResets(few, handle, now, { warmupPasses: 0, minSamples: 3, budgetMs: 1e9 }, data.readMs);
    // One read per reset, timed by two clock calls (1 ms); the reset's own span is two calls more.
    expect(t.reads).toEqual({ readP50Us: 1000, ownP50Us: 2000 });
    const noFile = await measureResets(maze, await openLocalEnv('maze', { views: false }), now, { warmupPasses: 0, minSamples: 3, budgetMs: 1e9 }, () => 0);
    expect(noFile.reads).toBeUndefined();
  });

  it('takes nearest-rank percentiles and lays out a table', () => {
    const xs = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect([percentile(xs, 0.5), percentile(xs, 0.99), percentile([7], 0.99)]).toEqual([50, 99, 7]);
    expect(percentile([], 0.5)).toBeNaN();
    expect(table(['env', 'n'], [['maze', '12']])).toBe('env    n\n----  --\nmaze  12');
  });
});
