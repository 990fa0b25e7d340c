/** One benchmark over every env's eval split with the instant LLM; shared by Node and the probe page. */
import type { EnvOpener } from '../../workers/env-handle.ts';
import { ENVS } from '../../workers/envs/registry.ts';
import type { EnvManifest } from '../../workers/envs/contract.ts';
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

/** The benchmarked envs named in `ids` (all of them when it is absent); an unknown name is an error. */
export function benchEnvs(ids?: readonly string[]): EnvManifest[] {
  if (!ids) return BENCH_ENVS;
  return ids.map((id) => BENCH_ENVS.find((e) => e.id === id) ?? fail(`${id} is not a deterministic env (choose from ${BENCH_ENVS.map((e) => e.id).join(', ')})`));
}

function fail(message: string): never {
  throw new Error(message);
}

function evalItems(envs: readonly EnvManifest[]): Record<string, number[]> {
  return Object.fromEntries(envs.map((e) => [e.id, [...e.evalItems]]));
}

/** The instant LLM for the envs' eval splits, its replies recorded by playing through `recordWith`. */
export async function instantClient(recordWith: EnvOpener, envs: readonly EnvManifest[] = BENCH_ENVS): Promise<LlmClient> {
  const formats = await Promise.all(envs.map((e) => e.format()));
  const byInstruction = new Map(envs.map((e, i) => [formats[i].instruction, e.id]));
  const table = await recordReplies(recordWith, evalItems(envs), (id) => envs.find((e) => e.id === id)!.maxRounds);
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
  /** The envs to run (the client must have been recorded for them); all deterministic envs by default. */
  envs?: readonly EnvManifest[];
}): Promise<OrchestrationResult> {
  const envs = opts.envs ?? BENCH_ENVS;
  const run = await newRun(`perf-${opts.concurrency}`, 'perf', {
    envs: envs.map((e) => e.id),
    items: evalItems(envs),
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
