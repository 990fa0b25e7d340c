/**
 * TODOList (AgentGym's agentenv-tool, Toolusage's todo env) on AgentGym's 155 tasks, offline.
 * AgentGym drives a live Todoist account (REST v2), wiped and re-seeded from projects.json on every
 * reset; we keep the same account in memory (world.ts), with Toolusage's tools, result shapes and
 * texts, and AgentGym's scoring: progress against the gold answer, and on the step that ends the
 * episode 1.0 only if progress is 1 and the account equals the task's expected final state.
 * - Answers: AgentGym's own (its world is ours). Reference programs (solutions.ts) cover every
 *   goal; `recomputed` marks the 141 tasks whose answer they reproduce. The oracle reaches 1.0 on
 *   135: on the other 20 AgentGym's answer or expected account contradicts the task (overdue counts
 *   and expired tasks that no one "today" explains, not a time zone nor the day the labels were
 *   made; 'before', 'more than' and 'less than' read inclusively where sibling tasks read them
 *   strictly; dates of 2023; todo.test.ts lists each with its reason).
 * - Eval split: the first task of each of the first 20 goal templates in solutions.ts (14
 *   questions, 6 operations: complete, set a due date, move one by days, move overdue tasks, mark a
 *   project favourite, delete), all among the 135.
 * - Differences: ids are fixed (Todoist assigns new ones per seeding); Todoist's own error bodies
 *   (unknown id, bad date or favourite flag) are short texts of ours, as Todoist could not be
 *   checked, and get_tasks of an unknown project lists no tasks; a done step reports 1 or 0, where
 *   AgentGym's server reports the bool; reset without an item keeps the location (AgentGym's sets
 *   it to the current date by mistake).
 */
import { parseLiteral } from '../tools/literal.ts';
import { toolModule } from '../tools/module.ts';
import { solveTodo } from './solutions.ts';
import { todoSuite, type SeedProject } from './world.ts';

export const module = toolModule(
  'tools-todo.json',
  (d) => {
    const { projects, states, stateOf } = d as { projects: SeedProject[]; states: string[]; stateOf: number[] };
    if (!Array.isArray(projects) || !Array.isArray(states) || !Array.isArray(stateOf)) throw new Error('tools-todo.json: no projects or states');
    const parsed = states.map((s) => parseLiteral(s));
    return todoSuite(
      projects,
      stateOf.map((i) => parsed[i]),
    );
  },
  solveTodo,
);
