/**
 * AgentGym's tool task files (copied unchanged into scripts/data/agentgym-tools/, MIT) and the
 * recomputation of their answers in our offline worlds: each goal's reference program runs against
 * the world's tools, and what it finishes with (sorted, as `finish` sorts lists) is the gold subgoal.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ToolEnv, type ToolSuite, type ToolTask } from '../../workers/envs/tools/engine.ts';
import { parseLiteral } from '../../workers/envs/tools/literal.ts';
import { ProgramError, runProgram, type Solver } from '../../workers/envs/tools/program.ts';
import { isDict, pyRepr, pySorted, type PyValue } from '../../workers/envs/tools/py.ts';
import type { TaskRecord } from '../../workers/envs/tools/tasks.ts';

export interface RawTask {
  id: number;
  goal: string;
  subgoals: PyValue[];
  init: { current_date: string; current_location: string } | null;
}

/** Reads `<name>.jsonl` with the Python-literal reader (JSON.parse would turn 26.0 into 26). */
export function readTaskFile(name: string): RawTask[] {
  const text = readFileSync(join(import.meta.dirname, 'agentgym-tools', `${name}.jsonl`), 'utf8');
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((line, i) => {
      const t = parseLiteral(line, { json: true });
      if (!isDict(t) || t.get('id') !== BigInt(i)) throw new Error(`${name}.jsonl line ${i + 1}: expected id ${i}`);
      const info = t.get('additional_info');
      const init = isDict(info!) ? info.get('init_config') : null;
      const subgoals = t.get('subgoals');
      if (typeof t.get('goal') !== 'string' || !Array.isArray(subgoals)) throw new Error(`${name}.jsonl line ${i + 1}: bad goal or subgoals`);
      return {
        id: i,
        goal: t.get('goal') as string,
        subgoals,
        init: init && isDict(init) ? { current_date: String(init.get('current_date')), current_location: String(init.get('current_location')) } : null,
      };
    });
}

/**
 * Runs each goal's reference program in the world; tasks without one keep AgentGym's answer, and so
 * do goals a template matches but whose program fails here (a place our gazetteer lacks).
 */
export function recompute<S>(raw: readonly RawTask[], suite: ToolSuite<S>, solve: Solver): TaskRecord[] {
  const tasks: ToolTask[] = raw.map((t) => ({ ...t, subgoals: [], agentgymSubgoals: t.subgoals, recomputed: false }));
  const env = new ToolEnv(suite, tasks);
  return raw.map((t) => {
    const program = solve(t.goal);
    let ours: string | null = null;
    if (program) {
      env.reset(t.id);
      try {
        const { answer } = runProgram(program, (action) => env.step(action).observation);
        ours = pyRepr([Array.isArray(answer) ? pySorted(answer) : answer]);
      } catch (e) {
        if (!(e instanceof ProgramError)) throw e;
      }
    }
    return { id: t.id, goal: t.goal, init: t.init, agentgym: pyRepr(t.subgoals), ours };
  });
}
