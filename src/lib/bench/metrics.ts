/** Benchmark summaries from finished episodes, with AgentGym's scoring (final-step reward). */
import type { EpisodeRecord } from '../records.ts';
import { addEpisode, emptyTally, summaryOf } from './tally.ts';
import type { EnvSummary } from './types.ts';

export function summarize(env: string, episodes: readonly EpisodeRecord[]): EnvSummary {
  return summaryOf(env, episodes.reduce(addEpisode, emptyTally()));
}

/** One summary per env plus an "all" row (episode-weighted). */
export function summarizeRun(episodes: readonly EpisodeRecord[]): EnvSummary[] {
  const byEnv = new Map<string, EpisodeRecord[]>();
  for (const ep of episodes) byEnv.set(ep.env, [...(byEnv.get(ep.env) ?? []), ep]);
  const rows = [...byEnv.keys()].sort().map((env) => summarize(env, byEnv.get(env)!));
  return [...rows, summarize('all', episodes)];
}
