import { describe, expect, it } from 'vitest';
import type { EnvManifest, EnvModule } from '../workers/envs/contract.ts';
import { ENVS, requireEnv } from '../workers/envs/registry.ts';
import { budgetFor, CI_BUDGET, fuzzEnv } from './fuzz-core.ts';

/** MAZE with bugs planted: from its 5th step on, the reward is NaN, the text says "Got Infinity" and every step (invalid ones too) changes its state. */
function brokenMaze(): EnvManifest {
  const maze = requireEnv('maze');
  return {
    ...maze,
    async load(): Promise<EnvModule> {
      const real = await maze.load();
      return {
        ...real,
        async create(data) {
          const env = await real.create(data);
          let n = 0;
          return Object.assign(Object.create(env) as typeof env, {
            async step(action: string) {
              const r = await env.step(action);
              return ++n >= 5 ? { ...r, reward: Number.NaN, observation: `Got ${1 / 0}` } : r;
            },
            detail: () => ({ ...env.detail?.(), calls: n }),
          });
        },
      };
    },
  };
}

describe('fuzz', () => {
  it.each(ENVS.map((e) => [e.id, e] as const))('%s holds its invariants under the CI budget', async (_id, spec) => {
    const budget = budgetFor(spec, CI_BUDGET);
    const r = await fuzzEnv(spec, budget);
    expect(r.failures).toEqual([]);
    // Every episode is stepped (BIRD's end after one query, so the count can't be much higher).
    expect(r.steps).toBeGreaterThanOrEqual(budget.episodes);
  }, 120_000);

  it('catches a planted bug (so a clean run means something)', async () => {
    const r = await fuzzEnv(brokenMaze(), { episodes: 1, steps: 20, pastDone: 0 });
    expect(r.failures.some((f) => /reward NaN outside/.test(f))).toBe(true);
    expect(r.failures.some((f) => /JS value Infinity/.test(f))).toBe(true);
    expect(r.failures.some((f) => /an invalid action changed the env's state/.test(f))).toBe(true);
  });
});
