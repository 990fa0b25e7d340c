/**
 * The shared-episode payload (format v1): what a share link or an episode file carries.
 *
 * It holds what is needed to re-run the episode and check it, and nothing else: the env, the
 * item, who played, each step's reply and author, and the recorded outcome of each step. Every
 * type is closed (no index signatures, no spreads when building), so provider settings such as
 * API keys, base URLs or headers cannot get in; model parameters (temperature...) are fine.
 *
 * Observations are not carried: the re-run recomputes them. Each step keeps a short hash of the
 * observation it produced instead, so a link stays small yet a changed observation is still caught.
 */

export const FORMAT_VERSION = 1;

export interface SharedModelParams {
  temperature?: number;
  maxTokens?: number;
  topP?: number;
  seed?: number;
}

export type SharedAgent =
  | { kind: 'human'; label: string }
  | { kind: 'model'; label: string; provider: string; model: string; params: SharedModelParams };

export interface SharedStep {
  /** The agent's whole reply; the action is extracted again on replay. */
  reply: string;
  by: 'human' | 'model';
  /** Recorded reward of the step. */
  reward: number;
  done: boolean;
  /** Short hash of the recorded observation after the step (see hash.ts). */
  obs: string;
}

export interface SharedEpisode {
  v: typeof FORMAT_VERSION;
  env: string;
  /** Item index; the item id is "<env>_<item>". */
  item: number;
  agent: SharedAgent;
  /** Hash of the first observation after reset. */
  obs0: string;
  steps: SharedStep[];
  appVersion: string;
  dataVersion: string;
}

/** Outcome of reading a link or a file: never throws on outside input. */
export type Decoded = { ok: true; episode: SharedEpisode } | { ok: false; error: string };
