/**
 * TODOList's data: AgentGym's projects.json (the account every episode starts from), its 155
 * tasks, and each task's expected final account (`additional_info.answer`), stored once per
 * distinct state (46 of them) as Python repr text. The world is AgentGym's own, so a reference
 * program's answer is kept as `ours` only where it equals AgentGym's: `recomputed` then means our
 * program reproduces AgentGym's answer, and the gold answer is always AgentGym's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLiteral } from '../../workers/envs/tools/literal.ts';
import { isDict, pyRepr } from '../../workers/envs/tools/py.ts';
import { solveTodo } from '../../workers/envs/todo/solutions.ts';
import { todoSuite, type SeedProject } from '../../workers/envs/todo/world.ts';
import type { DataGenerator } from './index.ts';
import { readTaskFile, recompute } from './tools-tasks.ts';

const dir = join(import.meta.dirname, 'agentgym-tools');

/** Each task's `additional_info.answer`, as repr text (ints stay ints). */
function finalStates(): string[] {
  return readFileSync(join(dir, 'todo.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((line, i) => {
      const t = parseLiteral(line, { json: true });
      const info = isDict(t) ? t.get('additional_info') : undefined;
      const answer = info !== undefined && isDict(info) ? info.get('answer') : undefined;
      if (answer === undefined || !isDict(answer)) throw new Error(`todo.jsonl line ${i + 1}: no final state`);
      return pyRepr(answer);
    });
}

export const todoData: DataGenerator = () => {
  const projects = JSON.parse(readFileSync(join(dir, 'todo-projects.json'), 'utf8')) as SeedProject[];
  const finals = finalStates();
  const states = [...new Set(finals)];
  const stateOf = finals.map((s) => states.indexOf(s));
  const suite = todoSuite(projects, finals.map((s) => parseLiteral(s)));
  const tasks = recompute(readTaskFile('todo'), suite, solveTodo).map((t) => ({ ...t, ours: t.ours === t.agentgym ? t.ours : null }));
  return { 'tools-todo.json': JSON.stringify({ projects, states, stateOf, tasks }) + '\n' };
};
