/**
 * The environment contract: one interface for every AgentGym environment.
 *
 * An environment is a pure, seeded state machine. It never touches the DOM, the network, the clock
 * or Math.random: the same item index and the same actions always give the same observations and
 * rewards, in a worker, in Node and in a replay. Transports (comlink worker, HTTP server, CLI) are
 * thin adapters over this file and add no env logic.
 */

/** A picture of the env state for people (Wordle grid, maze, BabyAI room, sheet...). */
export type Picture = GridPicture | TextPicture;

export interface GridPicture {
  kind: 'grid';
  rows: number;
  cols: number;
  /** Row-major, rows * cols entries. */
  cells: GridCell[];
  caption?: string;
}

export interface GridCell {
  /** CSS colour of the cell background. */
  fill: string;
  /** Short text drawn in the cell (a Wordle letter, a sheet value). */
  text?: string;
  /** Colour of text or shape. */
  ink?: string;
  /** A shape drawn in the cell. `agent` points in `dir`. */
  shape?: 'agent' | 'goal' | 'circle' | 'square' | 'key' | 'door-open' | 'door-closed' | 'door-locked';
  /** Direction for the agent: 0 right, 1 down, 2 left, 3 up (MiniGrid order). */
  dir?: 0 | 1 | 2 | 3;
}

export interface TextPicture {
  kind: 'text';
  title?: string;
  body: string;
}

export interface StepInfo {
  /** False when the action was not understood or not allowed (for grounding accuracy). */
  valid?: boolean;
  /** Share of subgoals reached so far, 0..1, where the env defines subgoals. */
  progress?: number;
  [key: string]: unknown;
}

export interface StepResult {
  observation: string;
  reward: number;
  done: boolean;
  info: StepInfo;
}

/** One live episode of one environment. */
export interface Env {
  /** Start the item `index` (0-based, `<env>_<index>`); returns the first observation. */
  reset(index: number): string;
  /** Apply one action (already extracted from the agent's reply). Never throws on bad input. */
  step(action: string): StepResult;
  /** The current observation, as AgentGym's GET /observation returns it. */
  observation(): string;
  /** Actions that are valid now, where the env can list them. */
  availableActions?(): string[];
  /** A picture of the current state for the UI and replays. */
  picture?(): Picture | null;
  /** Hidden ground truth (AgentGym's GET /detail); never shown to an agent. */
  detail?(): Record<string, unknown>;
}

/** What the agent loop does with a reply: step with an action, or feed back an observation. */
export type ActionParse = { action: string } | { invalid: string };

/** How AgentGym's HTTP server for this env names things, so its Python clients work unchanged. */
export interface HttpCompat {
  /** Body field of POST /reset holding the item index ("seed" for Wordle, "game" for MAZE...). */
  resetField: string;
  /** Whether POST /create also resets the env and returns its observation (TextCraft, BabyAI). */
  createResets?: boolean;
  /** Extra GET routes of the AgentGym server (e.g. Wordle's filtered_vocab), each given ?id=. */
  extraGets?: Record<string, (env: Env) => unknown>;
  /** Extra top-level fields of the reset and step responses (BabyAI's client reads a cumulative "score"). */
  responseExtras?: (env: Env) => Record<string, unknown>;
}

/** Static description of an environment: everything but the live state. */
export interface EnvSpec {
  /** Registry key and item id prefix, e.g. "wordle". */
  id: string;
  title: string;
  /** One sentence for the env picker. */
  summary: string;
  /** True for AgentGym's own envs (benchmarks default to these); false for our extra variants. */
  agentgym: boolean;
  /** The first human turn of the conversation: rules and the Thought/Action format. */
  instruction: string;
  /** The canned assistant reply that follows the instruction (AgentGym's conversation start). */
  instructionReply: string;
  /** Number of items the env can generate; item indices are 0..itemCount-1. */
  itemCount: number;
  /** AgentEval's test split as item indices. */
  evalItems: readonly number[];
  /** AgentGym's round limit for this env. */
  maxRounds: number;
  /** Version of the data the env is built from; changes when observations may change. */
  dataVersion: string;
  /** Pull the action out of a model reply the way the env's AgentGym client does. */
  extractAction(reply: string): ActionParse;
  /** Whether a final reward counts as success. */
  isSuccess(finalReward: number): boolean;
  create(): Env;
  http: HttpCompat;
}

/** Item ids are "<env>_<index>", as in AgentEval. */
export function itemId(envId: string, index: number): string {
  return `${envId}_${index}`;
}

/** Parse an item id; AgentGym ignores the prefix and takes the number after the last "_". */
export function itemIndex(id: string): number {
  const m = /_(\d+)$/.exec(id);
  if (!m) throw new Error(`Bad item id "${id}": expected <env>_<number>`);
  return Number(m[1]);
}

/** Check an item index against a spec; returns an error message or null. */
export function checkItemIndex(spec: EnvSpec, index: unknown): string | null {
  if (typeof index !== 'number' || !Number.isInteger(index)) return `Item index must be an integer, got ${JSON.stringify(index)}`;
  if (index < 0 || index >= spec.itemCount) return `Item index ${index} out of range for ${spec.id} (0..${spec.itemCount - 1})`;
  return null;
}
