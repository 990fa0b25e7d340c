/**
 * The shared-episode payload: what a share link or an episode file carries.
 *
 * It holds what is needed to replay the episode and check it, and nothing else: the env, the
 * item, who played, each step's reply and author, and the recorded outcome of each step. Every
 * type is closed (no index signatures, no spreads when building), so provider settings such as
 * API keys, base URLs or headers cannot get in; model parameters (temperature...) are fine.
 *
 * Format v2 (written today) adds to v1:
 * - each step's action as the recording gave it to the env (or, for a reply with no usable action,
 *   the feedback it got), so a replay does not depend on today's reply parser;
 * - the episode's outcome (success, failure, or truncated by a round limit);
 * - for envs whose manifest says `deterministic: false`, the observation texts, since such an env
 *   can't be re-run: the replay shows them as recorded, with the evaluator's verdicts where the
 *   env gave some (never screenshots: pictures are not part of a recording).
 * Deterministic envs carry no observations: the re-run recomputes them, and each step keeps a
 * short hash of the observation it produced, so a link stays small yet a change is still caught.
 * v1 links (no actions, no outcome, deterministic envs only) are still read.
 */
import type { Verdict } from '../../../workers/envs/contract.ts';
import type { Outcome } from '../outcome.ts';

export const FORMAT_VERSION = 2;
export const READABLE_VERSIONS = [1, 2] as const;
export type FormatVersion = (typeof READABLE_VERSIONS)[number];

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
  /** The agent's whole reply. */
  reply: string;
  by: 'human' | 'model';
  /** v2: the action given to the env. v1 has neither this nor `invalid`: replay extracts it again. */
  action?: string;
  /** v2, instead of `action`: the reply had no usable action and got this feedback; the env did not move. */
  invalid?: string;
  /** Recorded reward of the step. */
  reward: number;
  done: boolean;
  /** Short hash of the recorded observation after the step (see hash.ts). */
  obs: string;
  /** v2, nondeterministic envs only: the observation after the step, as recorded. */
  observation?: string;
  /** v2, nondeterministic envs only: whether the env accepted the action. */
  valid?: boolean;
  /** v2, nondeterministic envs only, optional: the evaluator's checks on the step it graded. */
  verdicts?: Verdict[];
}

export interface SharedEpisode {
  v: FormatVersion;
  env: string;
  /** Item index; the item id is "<env>_<item>". */
  item: number;
  agent: SharedAgent;
  /** Hash of the first observation after reset. */
  obs0: string;
  /** v2, nondeterministic envs only: the first observation after reset, as recorded. */
  initialObservation?: string;
  steps: SharedStep[];
  /** v2: how the episode ended; absent when it was stopped before its end. */
  outcome?: Outcome;
  appVersion: string;
  dataVersion: string;
}

/** Outcome of reading a link or a file: never throws on outside input. */
export type Decoded = { ok: true; episode: SharedEpisode } | { ok: false; error: string };
