/**
 * Running a benchmark, the same in the browser and in Node: a new RunRecord for a config, and the
 * `play` function BenchRunner calls for each task: one EpisodeSession whose steps are kept in
 * memory and saved once, when the episode ends. One write per episode instead of one per step is
 * what lets a run go at hundreds of episodes a second; an episode cut short by a reload is not
 * stored at all and is re-run whole on resume under the same deterministic id.
 */
import type { EnvOpener } from '../../../workers/env-handle.ts';
import { requireEnv } from '../../../workers/envs/registry.ts';
import { hashString } from '../../../workers/envs/rng.ts';
import { SPLITS_VERSION } from '../../../workers/envs/splits.ts';
import { EpisodeSession } from '../agent/episode-session.ts';
import { withInstruction } from '../agent/instruction.ts';
import type { AgentFormat } from '../../../workers/envs/contract.ts';
import type { PriceTable } from '../llm/pricing.ts';
import { LlmError, type LlmClient } from '../llm/types.ts';
import type { EpisodeRecord } from '../records.ts';
import { episodeIdFor, type PlayContext } from './scheduler.ts';
import type { RunConfig, RunRecord, Task } from './types.ts';

export async function newRun(id: string, name: string, config: RunConfig, appVersion: string, now: number): Promise<RunRecord> {
  const specs = config.envs.map(requireEnv);
  const formats = await Promise.all(specs.map((s) => formatFor(config, s.id)));
  return {
    id,
    name,
    createdAt: now,
    status: 'running',
    config,
    finished: {},
    appVersion,
    dataVersions: Object.fromEntries(specs.map((s) => [s.id, s.dataVersion])),
    formats: Object.fromEntries(specs.map((s, i) => [s.id, formats[i].id])),
    promptsHash: hashString(JSON.stringify(formats.map((f, i) => [specs[i].id, f.instruction, f.instructionReply]))).toString(16).padStart(8, '0'),
    splitsVersion: SPLITS_VERSION,
  };
}

/** The agent format a run plays an env with: the env's own, with the user's instruction if given. */
export async function formatFor(config: RunConfig, envId: string): Promise<AgentFormat> {
  return withInstruction(await requireEnv(envId).format(), config.instructions?.[envId]);
}

export interface PlayDeps {
  openEnv: EnvOpener;
  /** A client for the run's model number `modelIdx`. */
  client(modelIdx: number): Promise<LlmClient>;
  /** Called once per episode, with its final record. */
  save(ep: EpisodeRecord): Promise<void>;
  appVersion: string;
  prices?: PriceTable;
  now?: () => number;
}

/** Failures that will hit every episode alike: pause the run instead of failing them one by one. */
const RUN_WIDE: readonly LlmError['kind'][] = ['network', 'auth', 'not-found'];

export function playTask(run: RunRecord, deps: PlayDeps) {
  return async (task: Task, ctx: PlayContext): Promise<EpisodeRecord> => {
    const spec = requireEnv(task.env);
    const env = await deps.openEnv(task.env, { views: false });
    let last: EpisodeRecord | undefined;
    let final: EpisodeRecord;
    try {
      const ep = await EpisodeSession.start({
        env,
        spec,
        format: await formatFor(run.config, task.env),
        index: task.index,
        client: await deps.client(task.modelIdx),
        id: episodeIdFor(run.id, task),
        runId: run.id,
        params: run.config.params,
        ...(run.config.maxRounds ? { maxRounds: run.config.maxRounds } : {}),
        appVersion: deps.appVersion,
        ...(deps.prices ? { prices: deps.prices } : {}),
        ...(deps.now ? { now: deps.now } : {}),
        onUpdate: (r) => {
          last = r;
        },
        onRetry: (e, _attempt, delayMs) => {
          if (e.kind === 'rate-limit') ctx.onRateLimit(delayMs);
        },
      });
      const stop = () => void ep.stop();
      ctx.signal.addEventListener('abort', stop);
      try {
        await ep.run();
      } finally {
        ctx.signal.removeEventListener('abort', stop);
      }
      if (!ep.finished && !ctx.signal.aborted) {
        const runWide = ep.failure instanceof LlmError && RUN_WIDE.includes(ep.failure.kind);
        if (!runWide) await ep.abandon();
      }
      final = ep.snapshot;
    } catch (e) {
      // The env itself failed to start: record the task as an error episode.
      final = {
        ...(last ?? emptyEpisode(run, task, deps)),
        status: 'error',
        error: e instanceof Error ? e.message : String(e),
      };
    } finally {
      env.close();
    }
    // Played: the next task may start while this one is stored (writes are grouped, so one may wait a moment).
    ctx.released?.();
    await deps.save(final);
    return final;
  };
}

function emptyEpisode(run: RunRecord, task: Task, deps: PlayDeps): EpisodeRecord {
  const now = (deps.now ?? Date.now)();
  const model = run.config.models[task.modelIdx];
  return {
    id: episodeIdFor(run.id, task),
    env: task.env,
    itemId: `${task.env}_${task.index}`,
    agent: { kind: 'model', label: model?.label ?? 'model', provider: model?.providerId ?? 'unknown', model: model?.model ?? 'unknown', params: run.config.params },
    startedAt: now,
    finishedAt: now,
    initialObservation: '',
    steps: [],
    status: 'error',
    finalReward: 0,
    success: false,
    appVersion: deps.appVersion,
    dataVersion: requireEnv(task.env).dataVersion,
    runId: run.id,
  };
}

/** Summaries per model label: finished and errored episodes grouped by the model index in their task key. */
export function episodesByModel(run: RunRecord, episodes: readonly EpisodeRecord[]): Record<string, EpisodeRecord[]> {
  const byId = new Map(episodes.map((e) => [e.id, e]));
  const out: Record<string, EpisodeRecord[]> = {};
  for (const m of run.config.models) out[m.label] = [];
  const errored = Object.keys(run.errors ?? {}).map((key) => [key, episodeIdFor(run.id, { key })] as const);
  for (const [key, id] of [...Object.entries(run.finished), ...errored]) {
    const ep = byId.get(id);
    const model = run.config.models[Number(key.split(':')[0])];
    if (ep && model) out[model.label].push(ep);
  }
  return out;
}
