/**
 * TODOList's offline Todoist account and tools: the five projects of AgentGym's projects.json,
 * re-created pristine on every reset (AgentGym deletes and re-seeds the live account), with the
 * result shapes and texts of Toolusage's todo_tools.py over Todoist's REST v2 (active tasks only;
 * a completed or deleted task is gone; `order` values are kept, not renumbered).
 */
import type { ToolSuite, ToolTask } from '../tools/engine.ts';
import { todoBoard } from './board.ts';
import { dict, int, isDict, pyEquals, PyError, pyStr, type PyDict, type PyValue } from '../tools/py.ts';

/** A project as in AgentGym's projects.json (static-data/tools-todo.json). */
export interface SeedProject {
  name: string;
  is_favorite: boolean;
  tasks: { content: string; description: string; due_date: string; duration: number; duration_unit: string; priority: number }[];
}

export interface Project {
  id: string;
  order: number;
  name: string;
  is_favorite: boolean;
}

export interface Task {
  id: string;
  projectId: string;
  order: number;
  content: string;
  description: string;
  due_date: string;
  duration: string;
  priority: number;
}

export interface Account {
  date: string;
  location: string;
  projects: Project[];
  /** Active tasks, project by project in order (the order Todoist lists them). */
  tasks: Task[];
  /** For the board only: the account as seeded, and how each task that left the lists left. */
  seeded: { projects: Project[]; tasks: Task[] };
  gone: Map<string, 'completed' | 'deleted'>;
}

/**
 * Todoist assigns fresh string ids on every seeding; ours are fixed so episodes replay. They look
 * like Todoist's (digits) and differ between projects and tasks.
 */
const projectId = (p: number) => String(2203306141 + p);
const taskId = (n: number) => String(7025417001 + n);

function seedAccount(seed: readonly SeedProject[], init: ToolTask['init']): Account {
  const projects: Project[] = seed.map((p, i) => ({ id: projectId(i), order: i + 1, name: p.name, is_favorite: p.is_favorite }));
  const tasks: Task[] = [];
  seed.forEach((p, i) =>
    p.tasks.forEach((t, j) =>
      tasks.push({ id: taskId(tasks.length), projectId: projectId(i), order: j + 1, content: t.content, description: t.description, due_date: t.due_date, duration: `${t.duration}(${t.duration_unit})`, priority: t.priority }),
    ),
  );
  const seeded = { projects: projects.map((p) => ({ ...p })), tasks: tasks.map((t) => ({ ...t })) };
  return { date: init?.current_date ?? '', location: init?.current_location ?? '', projects, tasks, seeded, gone: new Map() };
}

const ok = (result: PyValue) => ({ ok: true, result });
const fail = (result: string) => ({ ok: false, result });

function projectView(p: Project): PyDict {
  return dict({ id: p.id, order: int(p.order), color: 'charcoal', name: p.name, is_favorite: p.is_favorite });
}

/** `_clean_task` of a REST v2 task: id, order, content, is_completed, priority, then due_date. */
function taskView(t: Task): PyDict {
  return dict({ id: t.id, order: int(t.order), content: t.content, is_completed: false, priority: int(t.priority), due_date: t.due_date });
}

/** The account as the server checks it when an episode ends: every project, then every active task, ids removed. */
function accountState(a: Account): PyDict {
  const noId = (d: PyDict) => new Map([...d].filter(([k]) => k !== 'id'));
  const tasks = a.projects.flatMap((p) => a.tasks.filter((t) => t.projectId === p.id).map((t) => noId(taskView(t))));
  return dict({ projects: a.projects.map((p) => noId(projectView(p))), tasks });
}

/**
 * Todoist's own replies to a bad request, which the tools pass on as their failed result. Todoist
 * is not reachable to check their exact wording; these are its short plain-text bodies.
 */
const TASK_NOT_FOUND = 'Task not found';
const PROJECT_NOT_FOUND = 'Project not found';
const BAD_ARGUMENT = 'Invalid argument value';

/** An id is put into a URL with str.format, so any value is looked up by its str(). */
const byId = <T extends { id: string }>(list: T[], id: PyValue) => list.find((x) => x.id === pyStr(id));

/** A real calendar date in YYYY-MM-DD, the only `due_date` Todoist accepts. */
function isDate(v: PyValue): v is string {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v);
}

/** requests sends `is_favorite` as str(value) ("True"/"False"); Todoist reads booleans either way. */
function favourite(v: PyValue): boolean | null {
  const s = pyStr(v).toLowerCase();
  return s === 'true' ? true : s === 'false' ? false : null;
}

/**
 * clean_observation: the Subgoal of a result is the result without its ids (a list's dicts must
 * each have one, as `item.pop("id")` raises otherwise), so answers match whatever ids were assigned.
 */
function withoutIds(result: PyValue): PyValue {
  const drop = (d: PyDict, strict: boolean) => {
    if (strict && !d.has('id')) throw new PyError('KeyError', "'id'");
    return new Map([...d].filter(([k]) => k !== 'id'));
  };
  if (Array.isArray(result)) return result.map((x) => (isDict(x) ? drop(x, true) : x));
  if (!isDict(result)) return result;
  const out = drop(result, false);
  for (const k of ['task', 'project']) {
    const inner = out.get(k);
    if (inner !== undefined && isDict(inner)) out.set(k, drop(inner, true));
  }
  return out;
}

export const TODO_ACTIONS = ['get_user_current_date', 'get_user_current_location', 'get_projects', 'update_project', 'get_tasks', 'get_task_description', 'get_task_duration', 'complete_task', 'update_task', 'delete_task', 'check_valid_actions', 'finish'] as const;

/**
 * The suite; `expected[i]` is task i's final account state (additional_info.answer). On the step
 * that ends the episode the server reports 1.0 only if progress is 1 and the account equals it.
 */
export function todoSuite(seed: readonly SeedProject[], expected: readonly PyValue[]): ToolSuite<Account> {
  return {
    validActions: TODO_ACTIONS,
    start: (task) => seedAccount(seed, task.init),
    clean: withoutIds,
    picture: todoBoard,
    report: (reward, { state, task, done }) => (done ? (reward === 1 && pyEquals(accountState(state), expected[task.id]) ? 1 : 0) : reward),
    tools: {
      get_user_current_date: { args: [], run: (_, a) => ok(a.date) },
      get_user_current_location: { args: [], run: (_, a) => ok(a.location) },
      get_projects: { args: [], run: (_, a) => ok(a.projects.map(projectView)) },
      update_project: {
        args: ['project_id', 'is_favorite'],
        run: ([id, fav], a) => {
          const p = byId(a.projects, id);
          if (!p) return fail(PROJECT_NOT_FOUND);
          // None leaves the parameter out, so nothing changes.
          if (fav !== null) {
            const f = favourite(fav);
            if (f === null) return fail(BAD_ARGUMENT);
            p.is_favorite = f;
          }
          return ok(dict({ message: 'Update the project successfully.', project: projectView(p) }));
        },
      },
      get_tasks: {
        args: ['project_id'],
        // A filter: an unknown project has no tasks. None is a parameter requests leaves out, so
        // Todoist lists every active task.
        run: ([id], a) => ok(a.tasks.filter((t) => id === null || t.projectId === pyStr(id)).map(taskView)),
      },
      get_task_description: {
        args: ['task_id'],
        run: ([id], a) => {
          const t = byId(a.tasks, id);
          return t ? ok(dict({ id: t.id, content: t.content, description: t.description })) : fail(TASK_NOT_FOUND);
        },
      },
      get_task_duration: {
        args: ['task_id'],
        run: ([id], a) => {
          const t = byId(a.tasks, id);
          return t ? ok(dict({ id: t.id, content: t.content, duration: t.duration })) : fail(TASK_NOT_FOUND);
        },
      },
      complete_task: {
        args: ['task_id'],
        run: ([id], a) => {
          const t = remove(a, id, 'completed');
          if (!t) return fail(`Task ${pyStr(id)} is not exists.`);
          const task = taskView(t);
          task.delete('is_completed');
          return ok(dict({ message: 'Complete task successfully.', task }));
        },
      },
      update_task: {
        args: ['task_id', 'due_date'],
        run: ([id, due], a) => {
          const t = byId(a.tasks, id);
          if (!t) return fail(TASK_NOT_FOUND);
          if (due !== null) {
            if (!isDate(due)) return fail(BAD_ARGUMENT);
            t.due_date = due;
          }
          return ok(dict({ message: 'Update the task successfully', task: taskView(t) }));
        },
      },
      delete_task: {
        args: ['task_id'],
        run: ([id], a) => {
          const t = remove(a, id, 'deleted');
          return t ? ok(dict({ message: 'Delete the task successfully.', task: taskView(t) })) : fail(`Task ${pyStr(id)} is not exists.`);
        },
      },
    },
  };
}

/** Takes an active task out of the account (completing and deleting both do, in REST v2). */
function remove(a: Account, id: PyValue, how: 'completed' | 'deleted'): Task | undefined {
  const t = byId(a.tasks, id);
  if (t) {
    a.tasks.splice(a.tasks.indexOf(t), 1);
    a.gone.set(t.id, how);
  }
  return t;
}
