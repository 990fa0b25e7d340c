/** Benchmark summaries from finished episodes, with AgentGym's scoring (final-step reward). */
import type { EpisodeRecord } from '../records.ts';
import type { EnvSummary } from './types.ts';

export function summarize(env: string, episodes: readonly EpisodeRecord[]): EnvSummary {
  const n = episodes.length;
  let success = 0, reward = 0, steps = 0, valid = 0, input = 0, output = 0, cost = 0, wall = 0, errors = 0;
  let progressSum = 0, progressCount = 0;
  for (const ep of episodes) {
    if (ep.success) success++;
    if (ep.status === 'error') errors++;
    reward += ep.finalReward;
    steps += ep.steps.length;
    wall += (ep.finishedAt ?? ep.startedAt) - ep.startedAt;
    for (const s of ep.steps) {
      if (s.valid) valid++;
      input += s.usage?.inputTokens ?? 0;
      output += s.usage?.outputTokens ?? 0;
      cost += s.usage?.cost ?? 0;
    }
    const last = ep.steps.at(-1);
    if (typeof last?.progress === 'number') {
      progressSum += last.progress;
      progressCount++;
    }
  }
  return {
    env,
    episodes: n,
    success,
    successRate: n ? success / n : 0,
    meanReward: n ? reward / n : 0,
    meanProgress: progressCount ? progressSum / progressCount : null,
    grounding: steps ? valid / steps : 0,
    meanSteps: n ? steps / n : 0,
    inputTokens: input,
    outputTokens: output,
    cost,
    wallMs: wall,
    errors,
  };
}

/** One summary per env plus an "all" row (episode-weighted). */
export function summarizeRun(episodes: readonly EpisodeRecord[]): EnvSummary[] {
  const byEnv = new Map<string, EpisodeRecord[]>();
  for (const ep of episodes) byEnv.set(ep.env, [...(byEnv.get(ep.env) ?? []), ep]);
  const rows = [...byEnv.keys()].sort().map((env) => summarize(env, byEnv.get(env)!));
  return [...rows, summarize('all', episodes)];
}
