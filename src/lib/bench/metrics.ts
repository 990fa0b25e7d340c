/**
 * Benchmark summaries from finished episodes, with AgentGym's scoring (final-step reward). Each
 * episode ends as a success, a failure, truncated (out of rounds) or an error, counted apart; the
 * headline number is the success rate, or the mean reward for envs AgentGym reports that way.
 * The counting itself is the run tally's (tally.ts), so stored totals and these can't drift apart.
 */
import type { EpisodeRecord } from '../records.ts';
import { addEpisode, emptyTally, headlineOf, summaryOf, withBootstrap, type Headline } from './tally.ts';
import type { EnvSummary } from './types.ts';

export function summarize(env: string, episodes: readonly EpisodeRecord[], headline: Headline = headlineOf(env)): EnvSummary {
  const tally = episodes.reduce(addEpisode, emptyTally());
  return withBootstrap(summaryOf(env, tally, headline), tally);
}

/** The "all" row leads with mean reward only when every env in it does: a rate and a mean don't average. */
export function allHeadline(rows: readonly Pick<EnvSummary, 'headline'>[]): Headline {
  return rows.length && rows.every((r) => r.headline === 'mean-reward') ? 'mean-reward' : 'success-rate';
}

/** One summary per env plus an "all" row (episode-weighted). */
export function summarizeRun(episodes: readonly EpisodeRecord[]): EnvSummary[] {
  const byEnv = new Map<string, EpisodeRecord[]>();
  for (const ep of episodes) byEnv.set(ep.env, [...(byEnv.get(ep.env) ?? []), ep]);
  const rows = [...byEnv.keys()].sort().map((env) => summarize(env, byEnv.get(env)!));
  return [...rows, summarize('all', episodes, allHeadline(rows))];
}

/** The headline number in words: "45.0% success" or "0.512 mean reward". */
export function formatScore(r: Pick<EnvSummary, 'headline' | 'score'>): string {
  return r.headline === 'mean-reward' ? `${r.score.toFixed(3)} mean reward` : `${(r.score * 100).toFixed(1)}% success`;
}
