/**
 * Benchmark summaries from finished episodes, with AgentGym's scoring (final-step reward). Each
 * episode ends as a success, a failure, truncated (out of rounds) or an error, counted apart; the
 * headline number is the success rate, or the mean reward for envs AgentGym reports that way.
 */
import type { Scoring } from '../../../workers/envs/contract.ts';
import { getEnv } from '../../../workers/envs/registry.ts';
import { resultOf } from '../outcome.ts';
import type { EpisodeRecord } from '../records.ts';
import type { EnvSummary } from './types.ts';

type Headline = Scoring['headline'];

/** Running totals over episodes: one `add` per finished episode, a summary at any time. */
class Tally {
  private n = 0;
  private counts = { success: 0, failure: 0, truncated: 0, error: 0 };
  /** Final rewards of the episodes that did not end in an error. */
  private rewardScored = 0;
  private steps = 0;
  private valid = 0;
  private input = 0;
  private output = 0;
  private cost = 0;
  private wall = 0;
  private progressSum = 0;
  private progressCount = 0;

  add(ep: EpisodeRecord): void {
    this.n++;
    const result = resultOf(ep);
    // Benchmark runs only finish episodes that ended; a stopped one (an import) has no outcome.
    if (result !== 'stopped' && result !== 'unfinished') this.counts[result]++;
    if (result !== 'error') this.rewardScored += ep.finalReward;
    this.steps += ep.steps.length;
    this.wall += (ep.finishedAt ?? ep.startedAt) - ep.startedAt;
    for (const s of ep.steps) {
      if (s.valid) this.valid++;
      this.input += s.usage?.inputTokens ?? 0;
      this.output += s.usage?.outputTokens ?? 0;
      this.cost += s.usage?.cost ?? 0;
    }
    const last = ep.steps.at(-1);
    if (typeof last?.progress === 'number') {
      this.progressSum += last.progress;
      this.progressCount++;
    }
  }

  summary(env: string, headline: Headline): EnvSummary {
    const n = this.n;
    const { success, failure, truncated, error } = this.counts;
    // An error (the model could not be reached, the env failed) says nothing about the model:
    // scores and outcome rates are over the episodes that played out; errors have their own rate.
    const scored = n - error;
    const rate = (k: number) => (scored ? k / scored : 0);
    const meanReward = rate(this.rewardScored);
    return {
      env,
      headline,
      score: headline === 'mean-reward' ? meanReward : rate(success),
      episodes: n,
      success,
      successRate: rate(success),
      failure,
      failureRate: rate(failure),
      truncated,
      truncatedRate: rate(truncated),
      errors: error,
      errorRate: n ? error / n : 0,
      meanReward,
      meanProgress: this.progressCount ? this.progressSum / this.progressCount : null,
      grounding: this.steps ? this.valid / this.steps : 0,
      meanSteps: n ? this.steps / n : 0,
      inputTokens: this.input,
      outputTokens: this.output,
      cost: this.cost,
      wallMs: this.wall,
    };
  }
}

function headlineOf(env: string): Headline {
  return getEnv(env)?.scoring.headline ?? 'success-rate';
}

export function summarize(env: string, episodes: readonly EpisodeRecord[], headline: Headline = headlineOf(env)): EnvSummary {
  const tally = new Tally();
  for (const ep of episodes) tally.add(ep);
  return tally.summary(env, headline);
}

/**
 * One summary per env plus an "all" row (episode-weighted). The "all" row leads with mean reward
 * only when every env in it does: a success rate can't be averaged with a mean reward.
 */
export function summarizeRun(episodes: readonly EpisodeRecord[]): EnvSummary[] {
  const byEnv = new Map<string, EpisodeRecord[]>();
  for (const ep of episodes) byEnv.set(ep.env, [...(byEnv.get(ep.env) ?? []), ep]);
  const rows = [...byEnv.keys()].sort().map((env) => summarize(env, byEnv.get(env)!));
  const allHeadline: Headline = rows.length && rows.every((r) => r.headline === 'mean-reward') ? 'mean-reward' : 'success-rate';
  return [...rows, summarize('all', episodes, allHeadline)];
}

/** The headline number in words: "45.0% success" or "0.512 mean reward". */
export function formatScore(r: Pick<EnvSummary, 'headline' | 'score'>): string {
  return r.headline === 'mean-reward' ? `${r.score.toFixed(3)} mean reward` : `${(r.score * 100).toFixed(1)}% success`;
}
