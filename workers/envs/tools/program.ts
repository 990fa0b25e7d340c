/**
 * Reference solutions as programs of tool calls. A program yields calls, receives each result as
 * the text the agent would see, and returns the answer. The same program computes a task's gold
 * answer at data-build time (run against the offline world) and drives the oracle at play time
 * (from observations only), so the oracle's answer is the gold answer by construction.
 */
import type { ObservationOracle } from '../contract.ts';
import { GIVE_ACTION, RESET_PREFIX } from './engine.ts';
import { parseLiteral } from './literal.ts';
import { dict, isDict, pyRepr, type PyDict, type PyValue } from './py.ts';

export interface Call {
  tool: string;
  args: Record<string, PyValue>;
}

/** Yields calls, gets back each call's result text, returns the answer to finish with. */
export type Program = Generator<Call, PyValue, string>;

/** A reference solution for a goal, or null when no template covers it. */
export type Solver = (goal: string) => Program | null;

/** The action text for a call, in the grammar the server expects. */
export function callText(call: Call): string {
  return `Action: ${call.tool} with Action Input: ${pyRepr(dict(call.args))}`;
}

export function finishText(answer: PyValue): string {
  return callText({ tool: 'finish', args: { answer } });
}

/** The result text inside "Observation: ...\nGive me one action.". */
export function resultText(observation: string): string {
  const body = observation.startsWith('Observation: ') ? observation.slice('Observation: '.length) : observation;
  return body.endsWith(GIVE_ACTION) ? body.slice(0, -GIVE_ACTION.length) : body;
}

export function goalOf(resetObservation: string): string {
  if (!resetObservation.startsWith(RESET_PREFIX)) return '';
  return resultText(resetObservation.slice(RESET_PREFIX.length));
}

/** Runs a program to its answer, `step` giving the observation for each action text. */
export function runProgram(program: Program, step: (action: string) => string): { answer: PyValue; calls: number } {
  let next = program.next('');
  let calls = 0;
  while (!next.done) {
    calls++;
    next = program.next(resultText(step(callText(next.value))));
  }
  return { answer: next.value, calls };
}

/** The oracle: the goal's reference program, then `finish` with its answer. */
export class ProgramOracle implements ObservationOracle {
  private program: Program | null = null;

  constructor(private readonly solve: Solver) {}

  next(observation: string): string {
    try {
      if (!this.program) {
        const program = this.solve(goalOf(observation));
        // No template for this goal: give up at once rather than guess.
        if (!program) return finishText(null);
        this.program = program;
        return this.emit(program.next(''));
      }
      return this.emit(this.program.next(resultText(observation)));
    } catch (e) {
      // A result the program cannot read (the world lacks what the goal names): give up.
      if (e instanceof ProgramError) return finishText(null);
      throw e;
    }
  }

  private emit(step: IteratorResult<Call, PyValue>): string {
    return step.done ? finishText(step.value) : callText(step.value);
  }
}

/** A tool result as a Python value; plain text results (names, dates, messages) stay strings. */
export function readResult(text: string): PyValue {
  try {
    return parseLiteral(text);
  } catch {
    return text;
  }
}

/** A tool result a program cannot use (an error text where it expected data). */
export class ProgramError extends Error {}

/** `v[k1][k2]...` on nested dicts; throws ProgramError when the path is missing. */
export function field(v: PyValue, ...keys: string[]): PyValue {
  let cur = v;
  for (const k of keys) {
    if (!isDict(cur) || !cur.has(k)) throw new ProgramError(`No field ${keys.join('.')} in ${pyRepr(v).slice(0, 200)}`);
    cur = (cur as PyDict).get(k)!;
  }
  return cur;
}

/** One call inside a program: `const r = yield* ask('tool', {...})` gives the result as a value. */
export function* ask(tool: string, args: Record<string, PyValue> = {}): Generator<Call, PyValue, string> {
  return readResult(yield { tool, args });
}

/** A goal template: a pattern over the goal text and the program for its captures. */
export interface Template {
  pattern: RegExp;
  program(m: RegExpExecArray): Program;
}

/** The solver of a template list: the first template whose pattern matches the goal. */
export function templateSolver(templates: readonly Template[]): Solver {
  return (goal) => {
    for (const t of templates) {
      const m = t.pattern.exec(goal);
      if (m) return t.program(m);
    }
    return null;
  };
}

export function asList(v: PyValue): PyValue[] {
  if (!Array.isArray(v)) throw new ProgramError(`Expected a list, got ${pyRepr(v).slice(0, 200)}`);
  return v;
}
