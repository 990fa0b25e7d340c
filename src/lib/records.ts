import type { Verdict } from '../../workers/envs/contract.ts';

/**
 * Records stored in IndexedDB and exported/imported/shared. These are boundary types: anything
 * read back from outside (imports, links) is validated before it becomes one of these.
 */

export type AgentInfo =
  | { kind: 'human'; label: string }
  | {
      kind: 'model';
      label: string;
      provider: string;
      /** Model id as the provider returned it (falls back to the requested id). */
      model: string;
      params: ModelParams;
    };

export interface ModelParams {
  temperature?: number;
  maxTokens?: number;
  topP?: number;
  seed?: number;
}

export interface Usage {
  inputTokens: number;
  outputTokens: number;
  cachedTokens?: number;
  reasoningTokens?: number;
  /** The provider reported no usage: counts were estimated from text length. */
  estimated?: boolean;
  /** US dollars; provider-reported where given, else from the local price table. */
  cost?: number;
  costSource?: 'provider' | 'table';
}

export interface StepRecord {
  /** The agent's whole reply (a person's typed action is its own reply). */
  reply: string;
  /** The thought part of a ReAct reply (text before "Action:"), when it has one. */
  thought?: string;
  /** The action extracted from the reply, or null when the reply had none. */
  action: string | null;
  /** Who produced this step: a person can take over a model's episode. */
  by: 'human' | 'model';
  observation: string;
  reward: number;
  done: boolean;
  valid: boolean;
  /** For people, not the agent: why the env found the action invalid. */
  hint?: string;
  /** The env's evaluator checks, on the step it graded (WebArena's stop): why it scored so. */
  verdicts?: Verdict[];
  progress?: number;
  usage?: Usage;
  /** Model id as the provider returned it for this step. */
  model?: string;
  /** Milliseconds the agent took to produce the reply. */
  latencyMs?: number;
  at: number;
}

export interface EpisodeRecord {
  id: string;
  env: string;
  /** "<env>_<index>" */
  itemId: string;
  agent: AgentInfo;
  startedAt: number;
  finishedAt?: number;
  /** The first observation after reset. */
  initialObservation: string;
  steps: StepRecord[];
  /** 'interrupted': left running or paused when the page that played it went away (a reload). */
  status: 'running' | 'paused' | 'done' | 'stopped' | 'error' | 'interrupted';
  /**
   * How a finished ('done') episode ended: the task was won or lost, or the round limit (or the
   * env's own time limit) cut it short, as Gymnasium tells truncation from termination.
   */
  outcome?: 'success' | 'failure' | 'truncated';
  finalReward: number;
  success: boolean;
  /** Token and cost totals over the model's steps. */
  usage?: Usage;
  error?: string;
  appVersion: string;
  dataVersion: string;
  /** The agent-side format (instruction, reply parsing) the episode was played with. */
  format?: string;
  /** Set when the episode belongs to a benchmark run. */
  runId?: string;
  /** Set when the episode was branched from a replay. */
  parent?: { episodeId?: string; step: number };
}
