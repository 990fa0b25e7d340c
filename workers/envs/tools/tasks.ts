/**
 * Tool-env tasks as shipped in static-data: AgentGym's ids, goals and init configs, AgentGym's gold
 * subgoals and ours (recomputed in the offline world), each as Python repr text so ints and floats
 * survive JSON (AgentGym's `26.0` is not `26` when printed).
 */
import type { ToolTask } from './engine.ts';
import { parseLiteral } from './literal.ts';
import type { PyValue } from './py.ts';

export interface TaskRecord {
  id: number;
  goal: string;
  init: { current_date: string; current_location: string } | null;
  /** AgentGym's subgoals, as the repr of a list. */
  agentgym: string;
  /** Ours, as the repr of a list; null where no reference solution covers the goal. */
  ours: string | null;
}

/** Checks shipped records (outside input to the env) and turns them into tasks, index = id. */
export function toTasks(records: unknown): ToolTask[] {
  if (!Array.isArray(records)) throw new Error('Tool tasks: expected an array');
  return records.map((r: TaskRecord, i) => {
    if (r.id !== i || typeof r.goal !== 'string' || typeof r.agentgym !== 'string') throw new Error(`Tool tasks: bad record ${i}`);
    const init = r.init;
    if (init !== null && (typeof init?.current_date !== 'string' || typeof init.current_location !== 'string')) throw new Error(`Tool tasks: bad init of ${i}`);
    const agentgymSubgoals = subgoalList(r.agentgym, i);
    const ours = r.ours === null ? null : subgoalList(r.ours, i);
    return { id: i, goal: r.goal, init, subgoals: ours ?? agentgymSubgoals, agentgymSubgoals, recomputed: ours !== null };
  });
}

function subgoalList(text: string, i: number): PyValue[] {
  const v = parseLiteral(text);
  if (!Array.isArray(v)) throw new Error(`Tool tasks: subgoals of ${i} are not a list`);
  return v;
}
