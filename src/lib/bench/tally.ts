/**
 * Running totals of a benchmark run, per model and env, kept with the run and updated as each
 * episode finishes. Adding an episode costs only that episode's steps, so a run view stays
 * constant-time per finished episode however large the run grows (instead of re-reading and
 * re-summarising every episode each time).
 */
import type { Scoring } from '../../../workers/envs/contract.ts';
import { getEnv } from '../../../workers/envs/registry.ts';
import { resultOf } from '../outcome.ts';
import type { EpisodeRecord } from '../records.ts';
import { bootstrapMean, meanSe, passK, wilson } from './stats.ts';
import type { EnvSummary, RunRecord } from './types.ts';

export interface Tally {
  episodes: number;
  /** Episodes whose final reward met the env's success rule. */
  success: number;
  /** Finished episodes by how they ended. */
  outcomes: { success: number; failure: number; truncated: number; error: number };
  rewardSum: number;
  steps: number;
  validSteps: number;
  progressSum: number;
  progressCount: number;
  inputTokens: number;
  outputTokens: number;
  cost: number;
  wallMs: number;
  /** Final reward -> episodes (rewards take few distinct values; drives the score histogram). */
  rewards: Record<string, number>;
  /** Model ids the provider reported. */
  returned: string[];
  /** Item id -> [attempts, successes], for pass@k over repeats (absent in tallies kept before it). */
  items?: Record<string, [number, number]>;
}

/** Model index (as in task keys) -> env -> totals. */
export type RunTally = Record<string, Record<string, Tally>>;

export function emptyTally(): Tally {
  return {
    episodes: 0, success: 0, outcomes: { success: 0, failure: 0, truncated: 0, error: 0 }, rewardSum: 0, steps: 0, validSteps: 0,
    progressSum: 0, progressCount: 0, inputTokens: 0, outputTokens: 0, cost: 0, wallMs: 0, rewards: {}, returned: [], items: {},
  };
}

/**
 * A new Tally with one more finished (done or error) episode. The counts are new; the per-key maps
 * (rewards, models, items) only ever grow and are extended in place, so adding an episode costs
 * that episode's steps, not a copy of every item seen so far (a tally is extended only by its run).
 */
export function addEpisode(t: Tally, ep: EpisodeRecord): Tally {
  const out: Tally = { ...t, outcomes: { ...t.outcomes } };
  const result = resultOf(ep);
  out.episodes++;
  if (ep.success) out.success++;
  if (result === 'success' || result === 'failure' || result === 'truncated' || result === 'error') out.outcomes[result]++;
  // An error (the model unreachable, the env failed) says nothing about the model: no score.
  if (result !== 'error') out.rewardSum += ep.finalReward;
  out.steps += ep.steps.length;
  out.wallMs += (ep.finishedAt ?? ep.startedAt) - ep.startedAt;
  for (const s of ep.steps) {
    if (s.valid) out.validSteps++;
    out.inputTokens += s.usage?.inputTokens ?? 0;
    out.outputTokens += s.usage?.outputTokens ?? 0;
    out.cost += s.usage?.cost ?? 0;
  }
  const last = ep.steps.at(-1);
  if (typeof last?.progress === 'number') {
    out.progressSum += last.progress;
    out.progressCount++;
  }
  const key = String(ep.finalReward);
  out.rewards[key] = (out.rewards[key] ?? 0) + 1;
  if (ep.agent.kind === 'model' && !out.returned.includes(ep.agent.model)) out.returned.push(ep.agent.model);
  if (out.items) {
    const [n, c] = out.items[ep.itemId] ?? [0, 0];
    out.items[ep.itemId] = [n + 1, c + (ep.success ? 1 : 0)];
  }
  return out;
}

/** The tally with a finished task's episode added (new objects down to the env's totals). */
export function tallyTask(tally: RunTally | undefined, taskKey: string, ep: EpisodeRecord): RunTally {
  const model = taskKey.split(':')[0];
  const envs = tally?.[model] ?? {};
  return { ...tally, [model]: { ...envs, [ep.env]: addEpisode(envs[ep.env] ?? emptyTally(), ep) } };
}

/** The tally of a run from its finished episodes, for runs stored or imported without one. */
export function tallyRun(run: RunRecord, episodes: ReadonlyMap<string, EpisodeRecord>): RunTally {
  let tally: RunTally = {};
  for (const [key, id] of Object.entries(run.finished)) {
    const ep = episodes.get(id);
    if (ep) tally = tallyTask(tally, key, ep);
  }
  return tally;
}

export function mergeTallies(ts: readonly Tally[]): Tally {
  const out = emptyTally();
  for (const t of ts) {
    out.episodes += t.episodes;
    out.success += t.success;
    for (const k of Object.keys(out.outcomes) as (keyof Tally['outcomes'])[]) out.outcomes[k] += t.outcomes[k];
    for (const k of ['rewardSum', 'steps', 'validSteps', 'progressSum', 'progressCount', 'inputTokens', 'outputTokens', 'cost', 'wallMs'] as const) out[k] += t[k];
    for (const [r, n] of Object.entries(t.rewards)) out.rewards[r] = (out.rewards[r] ?? 0) + n;
    for (const m of t.returned) if (!out.returned.includes(m)) out.returned.push(m);
    // One tally kept before per-item counts makes the merged counts partial: drop them.
    if (out.items && t.items) Object.assign(out.items, t.items);
    else delete out.items;
  }
  return out;
}

export type Headline = Scoring['headline'];

/** The number an env's benchmark leads with (AgentGym reports BabyAI by mean reward). */
export function headlineOf(env: string): Headline {
  return getEnv(env)?.scoring.headline ?? 'success-rate';
}

/**
 * The summary with its bootstrap interval: O(resamples × episodes), so it is computed for exports,
 * the CLI and a run at rest, not on every finished episode of a live run's view.
 */
export function withBootstrap(s: EnvSummary, t: Pick<Tally, 'rewards'>): EnvSummary {
  return { ...s, rewardCi: bootstrapMean(t.rewards) };
}

export function summaryOf(env: string, t: Tally, headline: Headline = headlineOf(env)): EnvSummary {
  const n = t.episodes;
  // Scores and outcome rates are over the episodes that played out; errors have their own rate.
  const scored = n - t.outcomes.error;
  const rate = (k: number) => (scored ? k / scored : 0);
  const meanReward = rate(t.rewardSum);
  return {
    env,
    headline,
    score: headline === 'mean-reward' ? meanReward : rate(t.success),
    episodes: n,
    success: t.success,
    successRate: rate(t.success),
    failure: t.outcomes.failure,
    failureRate: rate(t.outcomes.failure),
    truncated: t.outcomes.truncated,
    truncatedRate: rate(t.outcomes.truncated),
    errorRate: n ? t.outcomes.error / n : 0,
    meanReward,
    meanProgress: t.progressCount ? t.progressSum / t.progressCount : null,
    grounding: t.steps ? t.validSteps / t.steps : 0,
    meanSteps: n ? t.steps / n : 0,
    inputTokens: t.inputTokens,
    outputTokens: t.outputTokens,
    cost: t.cost,
    wallMs: t.wallMs,
    errors: t.outcomes.error,
    successCi: wilson(t.success, n),
    rewardSe: meanSe(t.rewards).se,
    rewardCi: null,
    passK: t.items ? passK(t.items) : null,
  };
}
