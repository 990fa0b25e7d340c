/** Benchmark run records (stored in IndexedDB, exported, shown in the leaderboard). */
import type { ModelParams } from '../records.ts';
import type { Interval } from './stats.ts';
import type { RunTally } from './tally.ts';
import type { ProviderSwap } from './providers.ts';

export interface ModelRef {
  /** Provider config id in this browser, or a CLI-made label. */
  providerId: string;
  /** Shown in tables: "<provider> · <model>". */
  label: string;
  model: string;
}

export interface RunConfig {
  envs: string[];
  /** Item indices per env (the eval split, its first N, or a custom list). */
  items: Record<string, number[]>;
  models: ModelRef[];
  concurrency: number;
  /** Overrides each env's own max rounds when set. */
  maxRounds?: number;
  params: ModelParams;
  repeats: number;
  /** The user's own instruction per env, in place of ours (recorded so the run can be repeated). */
  instructions?: Record<string, string>;
}

/** One episode to play: a model on an env item, repeat r. */
export interface Task {
  key: string;
  env: string;
  index: number;
  modelIdx: number;
  repeat: number;
}

export interface EnvSummary {
  env: string;
  /** The number this env's benchmark leads with (AgentGym reports BabyAI by mean reward). */
  headline: 'success-rate' | 'mean-reward';
  /** The headline's value: the success rate or the mean reward. */
  score: number;
  episodes: number;
  /** Episodes by how they ended; with their rates (count / episodes). */
  success: number;
  successRate: number;
  failure: number;
  failureRate: number;
  /** Out of rounds: the round limit (or the env's own time limit) cut the episode short. */
  truncated: number;
  truncatedRate: number;
  errors: number;
  errorRate: number;
  meanReward: number;
  /** Mean progress where the env reports subgoals, else null. */
  meanProgress: number | null;
  /** Share of steps whose action was valid. */
  grounding: number;
  meanSteps: number;
  inputTokens: number;
  outputTokens: number;
  cost: number;
  wallMs: number;
  /** Wilson 95 % interval of the success rate. */
  successCi: Interval;
  /** Standard error of the mean reward, and its seeded bootstrap 95 % interval (null where not computed: see withBootstrap). */
  rewardSe: number;
  rewardCi: Interval | null;
  /** pass@k and pass^k with k the repeats per item; null with one attempt per item. */
  passK: { k: number; passAt: number; passHat: number } | null;
}

export interface RunRecord {
  id: string;
  name: string;
  createdAt: number;
  finishedAt?: number;
  /** 'incomplete': every task was tried but some ended in an error (an outage, an env fault); resume retries them. */
  status: 'running' | 'paused' | 'done' | 'incomplete' | 'cancelled';
  config: RunConfig;
  /** Task key -> episode id, for every task that played to its end. */
  finished: Record<string, string>;
  /**
   * Task key -> why, for tasks whose episode ended in an error (its id is episodeIdFor the key).
   * Not finished: they are excluded from scores and played again on resume.
   */
  errors?: Record<string, string>;
  appVersion: string;
  /** env -> data version */
  dataVersions: Record<string, string>;
  /** Hash of every instruction prompt used, to tell prompt changes apart. */
  promptsHash: string;
  /** The agent-side format each env was played with (absent in runs made before formats had ids). */
  formats?: Record<string, string>;
  /** Version of the eval splits the items came from (absent in runs from before it was kept). */
  splitsVersion?: string;
  /** Why the run last stopped early, if it did. */
  lastError?: string;
  /** Running totals of the finished episodes (rebuilt from them where missing, e.g. on import). */
  tally?: RunTally;
  /** Providers picked in place of ones this browser lacked when the run was resumed, oldest first. */
  providerSwaps?: ProviderSwap[];
}

export function taskKey(env: string, index: number, modelIdx: number, repeat: number): string {
  return `${modelIdx}:${env}_${index}:${repeat}`;
}

export function expandTasks(config: RunConfig): Task[] {
  const tasks: Task[] = [];
  for (let m = 0; m < config.models.length; m++) {
    for (let r = 0; r < config.repeats; r++) {
      for (const env of config.envs) {
        for (const index of config.items[env] ?? []) {
          tasks.push({ key: taskKey(env, index, m, r), env, index, modelIdx: m, repeat: r });
        }
      }
    }
  }
  return tasks;
}
