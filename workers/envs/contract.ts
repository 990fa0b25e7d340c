/**
 * The environment contract: one interface for every AgentGym environment.
 *
 * An environment is a pure, seeded state machine. It never touches the DOM, the network, the clock
 * or Math.random: the same item index and the same actions always give the same observations and
 * rewards, in a worker, in Node and in a replay. Transports (comlink worker, HTTP server, CLI) are
 * thin adapters over this file and add no env logic.
 */

/** A picture of the env state for people (Wordle grid, maze, BabyAI room, sheet...). */
export type Picture = GridPicture | TextPicture | TablePicture | CardsPicture | BoardPicture | TreePicture | ImagePicture | StackPicture;

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

/** Rows of cells under column headings (a SQL result, a sheet range). Cells are display strings. */
export interface TablePicture {
  kind: 'table';
  title?: string;
  columns: string[];
  /** Row-major; each row has `columns.length` entries; `null` is shown as an empty, marked cell. */
  rows: (string | null)[][];
  /** E.g. "showing 100 of 2,301 rows · 3.2 ms". */
  caption?: string;
  /** Headings at the left of the rows, one per row (a sheet's row numbers). */
  rowHeads?: string[];
  /** Cells to point out, by their row and column in `rows`. */
  marks?: TableMark[];
  /** Blocks of cells drawn as one cell showing the top-left cell's text (a sheet's merged cells). */
  spans?: TableSpan[];
}

export interface TableMark {
  row: number;
  col: number;
  /** Drawn highlighted, e.g. changed by the last step. */
  highlight?: boolean;
  /** A note attached to the cell: a marker in its corner, the text on hover. */
  note?: string;
}

/** `rows` × `cols` cells from (`row`, `col`), 0-based in `rows`. */
export interface TableSpan {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** A list of cards, e.g. one per tool call with its arguments and result. */
export interface CardsPicture {
  kind: 'cards';
  title?: string;
  /** A line above the cards (progress, counts). */
  summary?: string;
  cards: PictureCard[];
}

export interface PictureCard {
  title: string;
  /** Monospaced body (arguments, a result). */
  body?: string;
  tone?: 'ok' | 'error' | 'neutral';
  /** Short label at the card's right, e.g. "step 3". */
  badge?: string;
}

/** Lanes of items side by side, e.g. a task manager's projects and their tasks. */
export interface BoardPicture {
  kind: 'board';
  title?: string;
  lanes: BoardLane[];
  caption?: string;
}

export interface BoardLane {
  title: string;
  /** Short label beside the title, e.g. "favourite". */
  badge?: string;
  items: BoardItem[];
}

export interface BoardItem {
  title: string;
  /** A line under the title (due date, priority). */
  detail?: string;
  /** What happened to the item, as a tag: done (completed), changed (updated) or removed (deleted). */
  mark?: { tone: 'done' | 'changed' | 'removed'; label: string };
}

/** Nested things, e.g. a room, the containers in it and what they hold. */
export interface TreePicture {
  kind: 'tree';
  title?: string;
  nodes: TreeNode[];
  caption?: string;
}

export interface TreeNode {
  label: string;
  /** Short states beside the label ("open", "on", "read 23 °C"). */
  notes?: string[];
  children?: TreeNode[];
}

/** A raster image (e.g. a browser screenshot) as a `data:image/png|jpeg|webp;base64,...` URL. */
export interface ImagePicture {
  kind: 'image';
  src: string;
  alt: string;
  caption?: string;
}

/** Several pictures shown one under another (a schema and a result, a screenshot and a tree). */
export interface StackPicture {
  kind: 'stack';
  parts: Exclude<Picture, StackPicture>[];
}

/** One check of an env's evaluator (WebArena: each string, URL or page check) and how it went. */
export interface Verdict {
  evaluator: string;
  check: string;
  pass: boolean;
  /** What was compared, for people. */
  detail: string;
}

export interface StepInfo {
  /** False when the action was not understood or not allowed (for grounding accuracy). */
  valid?: boolean;
  /** Share of subgoals reached so far, 0..1, where the env defines subgoals. */
  progress?: number;
  /** A note for people (not the agent) on why an action was invalid, shown under the observation. */
  hint?: string;
  /** The evaluator's checks, on the step that was graded (WebArena's stop). */
  verdicts?: Verdict[];
  [key: string]: unknown;
}

export interface StepResult {
  observation: string;
  reward: number;
  /** The task ended (won or lost): Gymnasium's `terminated`. */
  done: boolean;
  /** The env's own time limit cut the episode short (Gymnasium's `truncated`); implies the end. */
  truncated?: boolean;
  info: StepInfo;
}

type MaybePromise<T> = T | Promise<T>;

/**
 * One live episode of one environment. `reset` and `step` may be async (sql.js starts
 * asynchronously, WebArena is a network call); `close` frees what the episode holds.
 */
export interface Env {
  /** Start the item `index` (0-based, `<env>_<index>`); returns the first observation. */
  reset(index: number): MaybePromise<string>;
  /** Apply one action (already extracted from the agent's reply). Never throws on bad input. */
  step(action: string): MaybePromise<StepResult>;
  /** The current observation, as AgentGym's GET /observation returns it. */
  observation(): string;
  /** Actions that are valid now, where the env can list them. */
  availableActions?(): string[];
  /** A picture of the current state for the UI and replays (async where it is fetched: a screenshot). */
  picture?(): MaybePromise<Picture | null>;
  /**
   * The hidden answer as a picture for people once an episode is over (BIRD's gold query and its
   * result). Never part of an observation, and no transport an agent uses offers it: the UI asks
   * for it only after the end.
   */
  reveal?(): MaybePromise<Picture | null>;
  /** Hidden ground truth (AgentGym's GET /detail); never shown to an agent. */
  detail?(): Record<string, unknown>;
  close?(): MaybePromise<void>;
}

/** What the agent loop does with a reply: step with an action, or feed back an observation. */
export type ActionParse = { action: string } | { invalid: string };

/** How AgentGym's HTTP server for this env names things, so its Python clients work unchanged. */
export interface HttpCompat {
  /** Body field of POST /reset holding the item index ("seed" for Wordle, "game" for MAZE...). */
  resetField: string;
  /** Whether POST /reset with the item field null resets the current item again (the tool envs). */
  resetNullRepeats?: boolean;
  /** Whether POST /create also resets the env and returns its observation (TextCraft). */
  createResets?: boolean;
  /** Whether the AgentGym server keeps executing steps after the task is done (TextCraft has no done-lock). */
  stepsAfterDone?: boolean;
  /** Extra GET routes of the AgentGym server (e.g. Wordle's filtered_vocab), each given ?id=. */
  extraGets?: Record<string, (env: Env) => unknown>;
  /** Name of the env id in request bodies and queries when it is not "id" (BIRD, tools: "env_idx"). */
  idField?: string;
  /**
   * Body field of POST /create naming the item to load at once (tools, SearchQA: "id"); implies
   * createResets. Without it, an env with createResets starts at item = its id (TextCraft).
   */
  createItemField?: string;
  /**
   * Reply bodies where the AgentGym server's shape differs from the defaults: create `{id}`
   * (`{id, observation, reward, done}` with createResets), reset `{observation}` (as create with
   * createResets), step `{observation, reward, done}`. E.g. Wordle's reset adds `id`, BabyAI adds
   * `score`, BIRD's create is a bare number and its step names the observation `state`.
   */
  replies?: {
    /** `started` is null unless the env resets on create. */
    create?: (id: number, started: HttpReplyContext | null) => unknown;
    reset?: HttpReplyShape;
    step?: HttpReplyShape;
  };
}

/** What the HTTP server knows when it answers create, reset or step. */
export interface HttpReplyContext {
  /** The env id the server handed out. */
  id: number;
  observation: string;
  reward: number;
  done: boolean;
  info: StepInfo;
  /** Sum of step rewards since the last reset (AgentGym's running "score"/detail reward). */
  total: number;
  /** The item the env was last reset to (SciWorld's reset reply names its task and variation). */
  item: number | null;
}

export type HttpReplyShape = (r: HttpReplyContext) => unknown;

/**
 * The scorer, as plain data: the reward scale, the rule that makes a final reward a success and
 * the number a benchmark leads with (AgentGym reports BabyAI by mean reward, never reaching 1).
 */
export interface Scoring {
  /** `binary` 0/1, `decay` (BabyAI: 1 - 0.9 * steps / max), `0-100` (SciWorld), `progress` (tools' progress rate). */
  kind: 'binary' | 'signed' | 'decay' | '0-100' | 'progress';
  /** A final reward counts as success when it is at least `atLeast` (or above `above`). */
  success: { atLeast: number } | { above: number };
  headline: 'success-rate' | 'mean-reward';
}

export function isSuccess(scoring: Scoring, finalReward: number): boolean {
  return 'atLeast' in scoring.success ? finalReward >= scoring.success.atLeast : finalReward > scoring.success.above;
}

/** The agent side of a task: what a model is told and how its replies become actions. */
export interface AgentFormat {
  /** Names this format in run records (a change of wording gets a new id). */
  id: string;
  /** The first human turn of the conversation: rules and the Thought/Action format. */
  instruction: string;
  /** The canned assistant reply that follows the instruction (AgentGym's conversation start). */
  instructionReply: string;
  /** Pull the action out of a model reply the way the env's AgentGym client does. */
  extractAction(reply: string): ActionParse;
  /**
   * The turns before the model's first reply, as the env's AgentGym client builds them, given the
   * instruction in use (ours or one the user supplied). Without it: the instruction, the canned
   * reply, then the first observation as its own turn.
   */
  opening?(instruction: string, firstObservation: string): OpeningTurn[];
}

export interface OpeningTurn {
  role: 'user' | 'assistant';
  content: string;
}

export interface LiveSource {
  /** The services called, for people ("open-meteo's geocoding, archive, air-quality and elevation APIs"). */
  services: string;
  /** A key the user must supply (stored in this browser only); none for open-meteo. */
  key?: 'tmdb';
}

/** A file an env fetches on first use (shown with a progress bar, cached by data version). */
export interface Download {
  /** Path under static-data/. */
  path: string;
  bytes: number;
  what: string;
}

/** Where an env's data comes from: fetched and cached in the browser, read from disk in Node. */
export interface DataSource {
  json<T>(path: string): Promise<T>;
  bytes(path: string): Promise<Uint8Array>;
  /** Set when the files are a user's own dataset (workers/user-data): which kind, so the env reads them as such. */
  readonly dataset?: DatasetRef;
}

/**
 * A user's dataset as an env sees it. Its files sit at fixed paths per kind:
 * `webshop-exact`: WebShop's `items_shuffle_1000.json` and `items_ins_v2_1000.json`;
 * `bird-dev` / `spider-dev`: `questions.json` (BIRD's dev.json shape), `tables.json`,
 * `databases/<db_id>.sqlite`.
 */
export interface DatasetRef {
  /** Unique per content: the data version of runs on it. */
  id: string;
  kind: 'webshop-exact' | 'bird-dev' | 'spider-dev';
  /** Item index of the first question or goal (BIRD's dev items start at 9428, after train). */
  firstItem: number;
}

/** An HTTP GET as AgentGym's tools send it with Python's `requests`. */
export interface HttpRequest {
  url: string;
  /** Query parameters in order, each value printed as `requests` prints it (lists repeat the name). */
  query: [string, string][];
  headers?: Record<string, string>;
}

export interface HttpReply {
  status: number;
  text: string;
}

/**
 * What an env in live mode is given from outside (the worker or Node side): an HTTP client and
 * the user's keys. The env builds requests and reads replies; it never does I/O itself.
 */
export interface LiveBackend {
  /** Sends a request; rejects only when no reply came (network down, refused, aborted). */
  get(request: HttpRequest): Promise<HttpReply>;
  /** The user's TMDB API read-access token (Movie). */
  tmdbToken?: string;
}

/** A service outside the page an env drives (the WebArena proxy): where it is and its token. */
export interface ServiceEndpoint {
  url: string;
  token: string;
}

/** What the app hands an env when a session opens, from its settings (never baked into env code). */
export interface CreateOptions {
  /** The browser proxy, for an env whose manifest says `needsProxy`. */
  proxy?: ServiceEndpoint;
  /** Answer from the real services (manifest `live`) instead of the offline world. */
  live?: LiveBackend;
}

/** An env's code, dynamic-imported by `EnvManifest.load()` in a worker or in Node. */
export interface EnvModule {
  /**
   * A fresh env; may await its data (once per worker or process: cache inside the module).
   * `options.live` is only given to envs whose manifest has `live`.
   */
  create(data: DataSource, options?: CreateOptions): MaybePromise<Env>;
  http: HttpCompat;
  /** The env's own oracle, from observations only (BrowserGym's `cheat`): tests, perf, mock LLM. */
  oracle?: () => ObservationOracle;
}

export interface ObservationOracle {
  /** The next action, given the latest observation (the first call gets the reset observation). */
  next(observation: string): string;
}

/**
 * Static description of an environment, free to read: the UI, the server and the benchmark list
 * and describe envs from manifests without loading any env code (Gymnasium's registry spec).
 */
export interface EnvManifest {
  /** Registry key and item id prefix, e.g. "wordle". */
  id: string;
  title: string;
  /** One sentence for the env picker. */
  summary: string;
  /** True for AgentGym's own envs (benchmarks default to these); false for our extra variants. */
  agentgym: boolean;
  /** Number of items; item indices are 0..itemCount-1. */
  itemCount: number;
  /**
   * Where only some items can start yet (SciWorld's task types not built so far): the inclusive
   * index ranges that can; the others refuse to reset with a message saying why. Absent: all.
   */
  playableRanges?: readonly (readonly [number, number])[];
  /** The eval split as item indices. */
  evalItems: readonly number[];
  /** AgentGym's round limit for this env. */
  maxRounds: number;
  /** The env's own step limit where it is lower than maxRounds (Wordle's 6 guesses): the limit shown. */
  stepLimit?: number;
  /** Version of the data the env is built from; changes when observations may change. */
  dataVersion: string;
  /** False for envs whose observations can't be re-run (WebArena, live data): links carry them. */
  deterministic: boolean;
  /** The env drives a browser through the WebArena proxy: the app passes the proxy from its settings. */
  needsProxy?: boolean;
  /**
   * An optional live mode (off unless the user turns it on): the env's tools call the real
   * services. Live episodes drift and are not reproducible, so they are recorded as live.
   */
  live?: LiveSource;
  scoring: Scoring;
  /** Label of the button that shows people the hidden answer after an episode (Env.reveal); absent when the env has none. */
  revealLabel?: string;
  /**
   * For an env without Env.reveal: the fields of its detail() that answer the task, with what to
   * call them, shown to people after a loss (Wordle's word, a tool task's answer).
   */
  answerFields?: readonly (readonly [key: string, label: string])[];
  /** Files fetched on first use; empty when the env's data ships inside its code chunk. */
  downloads: readonly Download[];
  /** The agent-side format (instruction, canned reply, action extraction). */
  format(): Promise<AgentFormat>;
  /** The dynamics, HTTP shapes and oracle. */
  load(): Promise<EnvModule>;
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

/** Whether an item can start (see EnvManifest.playableRanges). */
export function isPlayable(spec: Pick<EnvManifest, 'playableRanges'>, index: number): boolean {
  return !spec.playableRanges || spec.playableRanges.some(([lo, hi]) => index >= lo && index <= hi);
}

/** The last item that can start. */
export function lastPlayable(spec: Pick<EnvManifest, 'itemCount' | 'playableRanges'>): number {
  return spec.playableRanges ? Math.max(...spec.playableRanges.map(([, hi]) => hi)) : spec.itemCount - 1;
}

/** Check an item index against a spec; returns an error message or null. */
export function checkItemIndex(spec: Pick<EnvManifest, 'id' | 'itemCount'>, index: unknown): string | null {
  if (typeof index !== 'number' || !Number.isInteger(index)) return `Item index must be an integer, got ${JSON.stringify(index)}`;
  if (index < 0 || index >= spec.itemCount) return `Item index ${index} out of range for ${spec.id} (0..${spec.itemCount - 1})`;
  return null;
}
