/** One benchmark over every env's eval split with the instant LLM; shared by Node and the probe page. */
import type { EnvOpener } from '../../workers/env-handle.ts';
import { ENVS } from '../../workers/envs/registry.ts';
import { BenchRunner } from '../../src/lib/bench/scheduler.ts';
import { newRun, playTask } from '../../src/lib/bench/run.ts';
import type { EpisodeRecord } from '../../src/lib/records.ts';
import type { RunRecord } from '../../src/lib/bench/types.ts';
import { instantLlm, recordReplies } from './instant-llm.ts';
import type { LlmClient } from '../../src/lib/llm/types.ts';

export interface OrchestrationResult {
  concurrency: number;
  episodes: number;
  steps: number;
  solved: number;
  seconds: number;
  episodesPerSec: number;
}

/**
 * The envs benchmarked: the deterministic ones. The instant LLM replays replies recorded against
 * observations, which a live site (WebArena: a real browser behind its proxy, timed by
 * perf:webarena) does not repeat.
 */
export const BENCH_ENVS = ENVS.filter((e) => e.deterministic);

const EVAL_ITEMS: Record<string, number[]> = Object.fromEntries(BENCH_ENVS.map((e) => [e.id, [...e.evalItems]]));

/** The instant LLM for every env's eval split, its replies recorded by playing through `recordWith`. */
export async function instantClient(recordWith: EnvOpener): Promise<LlmClient> {
  const formats = await Promise.all(BENCH_ENVS.map((e) => e.format()));
  const byInstruction = new Map(BENCH_ENVS.map((e, i) => [formats[i].instruction, e.id]));
  const table = await recordReplies(recordWith, EVAL_ITEMS, (id) => BENCH_ENVS.find((e) => e.id === id)!.maxRounds);
  return instantLlm(table, (instruction) => byInstruction.get(instruction) ?? '');
}

export async function orchestrate(opts: {
  openEnv: EnvOpener;
  /** The instant LLM (made once by `instantClient`, before any clock starts). */
  client: LlmClient;
  /** Called once per finished episode: the benchmark buffers an episode's steps and writes it when it ends. */
  save: (ep: EpisodeRecord) => Promise<void>;
  saveRun: (run: RunRecord) => Promise<void>;
  concurrency: number;
  repeats: number;
  now: () => number;
}): Promise<OrchestrationResult> {
  const run = await newRun(`perf-${opts.concurrency}`, 'perf', {
    envs: BENCH_ENVS.map((e) => e.id),
    items: EVAL_ITEMS,
    models: [{ providerId: 'instant', label: 'instant', model: 'instant-1' }],
    concurrency: opts.concurrency,
    params: {},
    repeats: opts.repeats,
  }, 'perf', 0);
  const finished = new Map<string, EpisodeRecord>();
  const runner = new BenchRunner(run, {
    play: playTask(run, {
      openEnv: opts.openEnv,
      client: async () => opts.client,
      save: async (ep) => {
        if (ep.status !== 'done' && ep.status !== 'error') return;
        finished.set(ep.id, ep);
        await opts.save(ep);
      },
      appVersion: 'perf',
    }),
    saveRun: opts.saveRun,
  });
  const t0 = opts.now();
  await runner.start();
  const seconds = (opts.now() - t0) / 1000;
  const eps = [...finished.values()];
  return {
    concurrency: opts.concurrency,
    episodes: eps.length,
    steps: eps.reduce((n, e) => n + e.steps.length, 0),
    solved: eps.filter((e) => e.success).length,
    seconds,
    episodesPerSec: eps.length / seconds,
  };
}
