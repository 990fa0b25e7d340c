/**
 * The tool-env core shared by AgentGym's five tool environments: dispatch of a parsed call to the
 * env's tools, the action path, the progress-rate reward and the observation texts, as
 * agentenv-tool's servers and Toolusage's `<tool>_env.py` produce them.
 */
import type { Env, Picture, StackPicture, StepResult } from '../contract.ts';
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

/** What makes one tool env: its tools and per-env scoring rules. */
export interface ToolSuite<S> {
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
  /** The reply to an unknown tool (default `ERROR | Invalid action: <name>.`; Sheet adds the valid names). */
  unknownTool?(name: string): string;
  /**
   * How often the server runs a step whose observation says "error" (default 1). Sheet's runs it
   * up to 4 times, meant for network errors: a failed call that changed the sheet changes it again.
   */
  attempts?: number;
  /** A picture of the world (Sheet: the open sheet), shown above the list of calls. */
  picture?(state: S): Exclude<Picture, StackPicture> | null;
}

export const RESET_PREFIX = 'Now new trial starts.\nYou should perform actions to accomplish the goal: ';
export const GIVE_ACTION = '\nGive me one action.';

/** finish(answer): the answer itself, lists sorted first (so list answers match in any order). */
const FINISH: Tool<unknown> = {
  args: ['answer'],
  run: ([answer]) => ({ ok: true, result: Array.isArray(answer) ? pySorted(answer) : answer }),
};

export class ToolEnv<S> implements Env {
  private task: ToolTask | null = null;
  private state!: S;
  /** The action path's subgoals, in call order. */
  private path: PyValue[] = [];
  /** One line per tool call, for the picture. */
  private calls: string[] = [];
  private reward = 0;
  private done = false;

  constructor(private readonly suite: ToolSuite<S>, private readonly tasks: readonly ToolTask[]) {}

  reset(index: number): string {
    const task = this.tasks[index];
    if (!task) throw new Error(`No task ${index} (0..${this.tasks.length - 1})`);
    this.task = task;
    this.state = this.suite.start(task);
    this.path = [];
    this.calls = [];
    this.reward = 0;
    this.done = false;
    return this.observation();
  }

  /** AgentGym's GET /observation never advances past the reset text. */
  observation(): string {
    return RESET_PREFIX + this.requireTask().goal + GIVE_ACTION;
  }

  step(action: string): StepResult {
    const task = this.requireTask();
    const parsed = parseCall(action);
    if (parsed.kind === 'format-error') return this.result(FORMAT_ERROR, false, { valid: false });
    const attempt = () => {
      const out = parsed.kind === 'error' ? { text: parsed.text, raised: true } : this.dispatch(parsed.name, parsed.input);
      if (!out.raised) {
        this.done = (this.suite.ends ?? endsEpisode)(parsed.rebuilt);
        if (!out.text.includes('Invalid')) this.reward = Math.max(this.reward, this.progress(task));
      }
      return out;
    };
    let out = attempt();
    for (let n = 1; n < (this.suite.attempts ?? 1) && /error/i.test(out.text); n++) out = attempt();
    return this.result(`Observation: ${out.text}${GIVE_ACTION}`, this.done, { valid: !out.raised && !out.unknown });
  }

  /** For people: the goal, the progress and the calls so far with how each went. */
  picture(): Picture {
    const task = this.requireTask();
    const progress = this.progress(task);
    const head = this.suite.progress ? `Progress: ${Math.round(progress * 100)}%` : `Subgoals reached: ${Math.round(progress * task.subgoals.length)} of ${task.subgoals.length}`;
    const calls = this.calls.length ? this.calls.join('\n') : '(no tool calls yet)';
    const text: Picture = { kind: 'text', title: task.goal, body: `${head}\n\n${calls}` };
    const world = this.suite.picture?.(this.state);
    return world ? { kind: 'stack', parts: [world, text] } : text;
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

  private requireTask(): ToolTask {
    if (!this.task) throw new Error('Call reset() before using the env');
    return this.task;
  }

  private result(observation: string, done: boolean, info: { valid: boolean }): StepResult {
    const reward = this.suite.report ? this.suite.report(this.reward, { state: this.state, task: this.requireTask(), done }) : this.reward;
    return { observation, reward, done, info: { ...info, progress: this.reward } };
  }

  /**
   * Runs one call; `raised` marks Python exceptions, which skip the path, `done` and the reward;
   * `unknown` marks a name that is no tool.
   */
  private dispatch(name: string, input: PyValue): { text: string; raised: boolean; unknown?: boolean } {
    const valid = this.suite.validActions;
    if (name === 'check_valid_actions' && valid.includes(name)) return { text: `You can use following valid actions: ${pyRepr([...valid])}`, raised: false };
    // Sheet's finish is its own (no answer; it returns the sheet); the others share FINISH.
    const tool = Object.hasOwn(this.suite.tools, name) ? this.suite.tools[name] : name === 'finish' ? (FINISH as Tool<S>) : undefined;
    if (!tool) return { text: this.suite.unknownTool?.(name) ?? `ERROR | Invalid action: ${name}.`, raised: false, unknown: true };
    try {
      const names = [...(tool.argsFor && isDict(input) ? tool.argsFor(input) : tool.args), ...(tool.optional ?? [])];
      const args = readArgs(names, input, tool.optional ?? []);
      const { ok, result } = tool.run(args, this.state, names);
      const kwargs = dict(Object.fromEntries(names.map((a, i) => [a, args[i]])));
      const clean = this.suite.clean ?? ((r: PyValue) => r);
      this.path.push(ok ? clean(result) : `Calling ${name} with ${pyRepr(kwargs)} failed`);
      this.calls.push(`${ok ? '✓' : '✗'} ${name}(${names.map((a, i) => `${a}=${pyRepr(args[i])}`).join(', ')})`);
      return { text: pyStr(result), raised: false };
    } catch (e) {
      if (e instanceof PyError) return { text: `ERROR | ${e.pyType}(${e.pyMessage})`, raised: true };
      throw e;
    }
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
