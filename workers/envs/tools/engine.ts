/**
 * The tool-env core shared by AgentGym's five tool environments: dispatch of a parsed call to the
 * env's tools, the action path, the progress-rate reward and the observation texts, as
 * agentenv-tool's servers and Toolusage's `<tool>_env.py` produce them.
 */
import type { Env, LiveBackend, Picture, StackPicture, StepResult } from '../contract.ts';
import { endsEpisode, FORMAT_ERROR, parseCall } from './grammar.ts';
import { dict, isDict, PyError, pyEquals, pyRepr, pySorted, pyStr, typeName, type PyDict, type PyValue } from './py.ts';

/** A tool's outcome: AgentGym's `(success, result)` pair. A failure is still logged on the path. */
export interface ToolOutcome {
  ok: boolean;
  result: PyValue;
}

export interface Tool<S> {
  /** Argument names in the order the server reads them from the input (the first missing one raises KeyError). */
  args: readonly string[];
  /** Where the names read depend on the input (Sheet's formula tools: `position_list` or a range). */
  argsFor?(input: PyDict): readonly string[];
  /** Names read with `params.get` after the others: None when missing. */
  optional?: readonly string[];
  /**
   * Throws PyError for what raises in Python (bad types, bad dates); returns failures otherwise.
   * `names` are the argument names read, in the order of `args`.
   */
  run(args: PyValue[], state: S, names: readonly string[]): ToolOutcome;
}

/** One task of an AgentGym tool data file, with the gold subgoals this env scores against. */
export interface ToolTask {
  id: number;
  goal: string;
  /** Gold subgoals: our answer, recomputed in the offline world where a reference solution exists. */
  subgoals: PyValue[];
  /** AgentGym's own subgoals (from its live APIs), shown beside ours. */
  agentgymSubgoals: PyValue[];
  /** Whether `subgoals` was recomputed offline; if not, it is AgentGym's and may not hold here. */
  recomputed: boolean;
  /** `init_config` (current date and location) where the env has one. */
  init: { current_date: string; current_location: string } | null;
}

/** What makes one tool env: its tools and per-env scoring rules; `B` is what its picture compares with. */
export interface ToolSuite<S, B = unknown> {
  /** The names `check_valid_actions` lists, in AgentGym's order. */
  validActions: readonly string[];
  tools: Readonly<Record<string, Tool<S>>>;
  /** Fresh per-episode state (a reset must restore a pristine world). */
  start(task: ToolTask): S;
  /** Subgoal recorded for a successful result (Weather drops its temperature arrays). */
  clean?(result: PyValue): PyValue;
  /** A match rule tried before `==` (Weather: coordinates within 50 km); undefined = not applicable. */
  matches?(gold: PyValue, predicted: PyValue): boolean | undefined;
  /**
   * The reward reported for the running progress (default: itself). Weather reports any progress
   * as 1.0; TODOList's done step reports 1.0 only when the account state is right.
   */
  report?(reward: number, at: { state: S; task: ToolTask; done: boolean }): number;
  /** Progress from the state instead of the subgoals (Sheet: the share of cells that match). */
  progress?(state: S, task: ToolTask): number;
  /** Whether a call ends the episode (default: its text contains "finish" or "Finish"; Sheet ignores case). */
  ends?(rebuilt: string): boolean;
  /**
   * How often the server runs a step whose observation says "error" (default 1). Sheet's runs it
   * up to 4 times, meant for network errors: a failed call that changed the sheet changes it again.
   */
  attempts?: number;
  /**
   * What the world looks like before each step (Sheet: the open sheet's cells), kept so the picture
   * can point out what the last step changed.
   */
  snapshot?(state: S): B;
  /** A picture of the world (Sheet: the open sheet), shown above the tool-call cards; `before` is null until a step. */
  picture?(state: S, before: B | null): Exclude<Picture, StackPicture> | null;
  /** The reply to an unknown tool (default `ERROR | Invalid action: <name>.`; Sheet adds the valid names). */
  unknownTool?(name: string): string;
}

export const RESET_PREFIX = 'Now new trial starts.\nYou should perform actions to accomplish the goal: ';
export const GIVE_ACTION = '\nGive me one action.';

/** finish(answer): the answer itself, lists sorted first (so list answers match in any order). */
const FINISH: Tool<unknown> = {
  args: ['answer'],
  run: ([answer]) => ({ ok: true, result: Array.isArray(answer) ? pySorted(answer) : answer }),
};

/** A call the env will run: its tool and arguments, read and checked. */
interface Call<T> {
  name: string;
  tool: T;
  /** The argument names read (the tool's, or those its input picks), in the order of `args`. */
  names: readonly string[];
  args: PyValue[];
  rebuilt: string;
}

/** What both kinds of tool say about their arguments. */
type ToolArgs = Pick<Tool<unknown>, 'args' | 'argsFor' | 'optional'>;

/** The outcome of running a call: the tool's pair, or what it raised. */
type Ran = ToolOutcome | PyError;

/** One card's worth of a call, for the picture. */
interface CallLog {
  name: string;
  input: string;
  result: string;
  ok: boolean;
}

/** Longest result text a card shows (the chat has the whole observation). */
const CARD_RESULT_CHARS = 600;

/**
 * Everything of an episode but running the tool: reset, parsing, dispatch, the path, the reward
 * and the picture. ToolEnv runs tools at once; LiveToolEnv awaits the ones that call a service.
 */
abstract class ToolEpisode<S, T extends ToolArgs> implements Env {
  private task: ToolTask | null = null;
  protected state!: S;
  /** The action path's subgoals, in call order. */
  private path: PyValue[] = [];
  private calls: CallLog[] = [];
  private reward = 0;
  private done = false;
  /** The suite's snapshot of the world as the last step began. */
  private before: unknown = null;

  constructor(
    protected readonly suite: ToolSuite<S>,
    private readonly tasks: readonly ToolTask[],
  ) {}

  /** The tool behind a name (the suite's, or another kind in a subclass). */
  protected abstract toolNamed(name: string): T | undefined;

  abstract step(action: string): StepResult | Promise<StepResult>;

  reset(index: number): string {
    const task = this.tasks[index];
    if (!task) throw new Error(`No task ${index} (0..${this.tasks.length - 1})`);
    this.task = task;
    this.state = this.suite.start(task);
    this.path = [];
    this.calls = [];
    this.reward = 0;
    this.done = false;
    this.before = null;
    return this.observation();
  }

  /** AgentGym's GET /observation never advances past the reset text. */
  observation(): string {
    return RESET_PREFIX + this.requireTask().goal + GIVE_ACTION;
  }

  /** For people: the world where the suite draws one, the goal, the progress and one card per tool call. */
  picture(): Picture {
    const task = this.requireTask();
    const progress = this.progress(task);
    const summary = this.suite.progress ? `Progress: ${Math.round(progress * 100)}%` : `Subgoals reached: ${Math.round(progress * task.subgoals.length)} of ${task.subgoals.length}`;
    const cards: Picture = {
      kind: 'cards',
      title: task.goal,
      summary: this.calls.length ? summary : `${summary} · no tool calls yet`,
      cards: this.calls.map((c, i) => ({
        title: c.name,
        body: `${c.input || '(no arguments)'}\n→ ${c.result.length > CARD_RESULT_CHARS ? `${c.result.slice(0, CARD_RESULT_CHARS)}…` : c.result}`,
        tone: c.ok ? 'ok' : 'error',
        badge: `call ${i + 1}`,
      })),
    };
    const world = this.suite.picture?.(this.state, this.before);
    return world ? { kind: 'stack', parts: [world, cards] } : cards;
  }

  detail(): Record<string, unknown> {
    const task = this.requireTask();
    return {
      goal: task.goal,
      answer: task.subgoals.map(pyRepr),
      agentgymAnswer: task.agentgymSubgoals.map(pyRepr),
      recomputed: task.recomputed,
      progress: this.progress(task),
    };
  }

  /**
   * The part of a step before a tool runs: the result when there is nothing to run (a format
   * error, bad input, an unknown tool, check_valid_actions, missing arguments), else the call.
   */
  protected begin(action: string): StepResult | Call<T> {
    this.requireTask();
    this.before = this.suite.snapshot?.(this.state) ?? null;
    const parsed = parseCall(action);
    if (parsed.kind === 'format-error') return this.result(FORMAT_ERROR, false, { valid: false });
    if (parsed.kind === 'error') return this.answer(parsed.rebuilt, { text: parsed.text, raised: true });
    const { name, input, rebuilt } = parsed;
    const valid = this.suite.validActions;
    if (name === 'check_valid_actions' && valid.includes(name)) return this.answer(rebuilt, { text: `You can use following valid actions: ${pyRepr([...valid])}`, raised: false });
    const tool = this.toolNamed(name);
    if (!tool) {
      const text = this.suite.unknownTool?.(name) ?? `ERROR | Invalid action: ${name}.`;
      this.calls.push({ name, input: pyRepr(input), result: text, ok: false });
      return this.answer(rebuilt, { text, raised: false, unknown: true });
    }
    const names = [...(tool.argsFor && isDict(input) ? tool.argsFor(input) : tool.args), ...(tool.optional ?? [])];
    try {
      return { name, tool, names, args: readArgs(names, input, tool.optional ?? []), rebuilt };
    } catch (e) {
      if (!(e instanceof PyError)) throw e;
      return this.end({ name, tool, names, args: [], rebuilt }, e, pyRepr(input));
    }
  }

  /** The rest of a step once the tool ran: the path, the picture's log, done and the reward. */
  protected end(call: Call<T>, ran: Ran, input = call.names.map((a, i) => `${a}=${pyRepr(call.args[i])}`).join(', ')): StepResult {
    const { name } = call;
    const subgoal = ran instanceof PyError ? ran : attempt(() => this.subgoal(call, ran));
    if (subgoal instanceof PyError) {
      const text = `ERROR | ${subgoal.pyType}(${subgoal.pyMessage})`;
      this.calls.push({ name, input, result: text, ok: false });
      return this.answer(call.rebuilt, { text, raised: true });
    }
    this.path.push(subgoal);
    const { ok, result } = ran as ToolOutcome;
    this.calls.push({ name, input, result: pyStr(result), ok });
    return this.answer(call.rebuilt, { text: pyStr(result), raised: false });
  }

  /** The path entry of a call; its cleaning runs inside the server's try too, so it may raise. */
  private subgoal({ name, names, args }: Call<T>, { ok, result }: ToolOutcome): PyValue {
    if (ok) return (this.suite.clean ?? ((r: PyValue) => r))(result);
    return `Calling ${name} with ${pyRepr(dict(Object.fromEntries(names.map((a, i) => [a, args[i]]))))} failed`;
  }

  /** `raised` marks Python exceptions, which skip `done` and the reward; `unknown` a name that is no tool. */
  private answer(rebuilt: string, out: { text: string; raised: boolean; unknown?: boolean }): StepResult {
    const task = this.requireTask();
    if (!out.raised) {
      this.done = (this.suite.ends ?? endsEpisode)(rebuilt);
      if (!out.text.includes('Invalid')) this.reward = Math.max(this.reward, this.progress(task));
    }
    return this.result(`Observation: ${out.text}${GIVE_ACTION}`, this.done, { valid: !out.raised && !out.unknown });
  }

  private requireTask(): ToolTask {
    if (!this.task) throw new Error('Call reset() before using the env');
    return this.task;
  }

  private result(observation: string, done: boolean, info: { valid: boolean }): StepResult {
    const reward = this.suite.report ? this.suite.report(this.reward, { state: this.state, task: this.requireTask(), done }) : this.reward;
    return { observation, reward, done, info: { ...info, progress: this.reward } };
  }

  /** Share of gold subgoals found on the path, each path entry used at most once (or the suite's own measure). */
  private progress(task: ToolTask): number {
    if (this.suite.progress) return this.suite.progress(this.state, task);
    if (task.subgoals.length === 0) return 0;
    const left = [...this.path];
    let found = 0;
    for (const gold of task.subgoals) {
      const at = left.findIndex((p) => this.suite.matches?.(gold, p) ?? pyEquals(gold, p));
      if (at >= 0) {
        left.splice(at, 1);
        found++;
      }
    }
    return found / task.subgoals.length;
  }
}

/** A tool env over an offline world: every tool runs at once, so a step is synchronous. */
export class ToolEnv<S> extends ToolEpisode<S, Tool<S>> {
  protected toolNamed(name: string): Tool<S> | undefined {
    return suiteTool(this.suite, name);
  }

  step(action: string): StepResult {
    const call = this.begin(action);
    if (!('tool' in call)) return call;
    const run = () => this.end(call, attempt(() => call.tool.run(call.args, this.state, call.names)));
    let result = run();
    for (let n = 1; n < (this.suite.attempts ?? 1) && /error/i.test(result.observation); n++) result = run();
    return result;
  }
}

/** A tool answered by a live service through the backend, in place of the offline world. */
export interface LiveTool<S> {
  args: readonly string[];
  /** Throws PyError for what raises in Python (a missing key in the reply, a connection error). */
  run(args: PyValue[], state: S, backend: LiveBackend): Promise<ToolOutcome>;
}

type AnyTool<S> = Tool<S> | LiveTool<S>;

/**
 * A tool env in live mode: the tools in `live` call the real service through the injected backend
 * (the env itself does no I/O); the rest (dates, distances, finish) run as offline. Live answers
 * drift, so episodes are not reproducible; they are scored against AgentGym's own gold answers.
 */
export class LiveToolEnv<S> extends ToolEpisode<S, AnyTool<S>> {
  constructor(
    suite: ToolSuite<S>,
    tasks: readonly ToolTask[],
    private readonly live: Readonly<Record<string, LiveTool<S>>>,
    private readonly backend: LiveBackend,
  ) {
    super(suite, tasks.map((t) => ({ ...t, subgoals: t.agentgymSubgoals, recomputed: false })));
  }

  protected toolNamed(name: string): AnyTool<S> | undefined {
    return this.isLive(name) ? this.live[name] : suiteTool(this.suite, name);
  }

  private isLive(name: string): boolean {
    return name !== 'finish' && Object.hasOwn(this.live, name);
  }

  async step(action: string): Promise<StepResult> {
    const call = this.begin(action);
    if (!('tool' in call)) return call;
    let ran: Ran;
    try {
      ran = this.isLive(call.name) ? await (call.tool as LiveTool<S>).run(call.args, this.state, this.backend) : (call.tool as Tool<S>).run(call.args, this.state, call.names);
    } catch (e) {
      if (!(e instanceof PyError)) throw e;
      ran = e;
    }
    return this.end(call, ran);
  }
}

/** A suite's own tool, else the shared finish (Sheet's finish is its own: no answer, it returns the sheet). */
function suiteTool<S>(suite: ToolSuite<S>, name: string): Tool<S> | undefined {
  if (Object.hasOwn(suite.tools, name)) return suite.tools[name];
  return name === 'finish' ? (FINISH as Tool<S>) : undefined;
}

function attempt<T>(run: () => T): T | PyError {
  try {
    return run();
  } catch (e) {
    if (e instanceof PyError) return e;
    throw e;
  }
}

/**
 * `params["x"]` for each argument (`params.get("x")` for the optional ones), raising what Python
 * raises for a non-dict or a missing key.
 */
function readArgs(names: readonly string[], input: PyValue, optional: readonly string[]): PyValue[] {
  if (names.length === 0) return [];
  if (!isDict(input)) throw notSubscriptable(input);
  return names.map((n) => {
    if (!input.has(n) && !optional.includes(n)) throw new PyError('KeyError', pyRepr(n));
    return (input as PyDict).get(n) ?? null;
  });
}

function notSubscriptable(v: PyValue): PyError {
  if (Array.isArray(v)) return new PyError('TypeError', 'list indices must be integers or slices, not str');
  if (typeof v === 'string') return new PyError('TypeError', "string indices must be integers, not 'str'");
  return new PyError('TypeError', `'${typeName(v)}' object is not subscriptable`);
}
