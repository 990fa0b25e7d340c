/**
 * TODOList's reference solutions: one program per goal template, reading the account through the
 * tools as an agent would (project ids from get_projects, task ids from get_tasks). The eval split
 * is the first task of each template, so the template list is also the split's definition.
 */
import { ask, asList, field, ProgramError, templateSolver, type Template } from '../tools/program.ts';
import { int, type PyValue } from '../tools/py.ts';

const S = (v: PyValue) => v as string;

/** A task as listed by get_tasks, with the name of its project. */
interface Listed {
  project: string;
  id: string;
  content: string;
  due: string;
  priority: number;
}

function* projects() {
  return asList(yield* ask('get_projects')).map((p) => ({ id: S(field(p, 'id')), name: S(field(p, 'name')), favourite: field(p, 'is_favorite') === true }));
}

function* tasksOf(project: { id: string; name: string }) {
  return asList(yield* ask('get_tasks', { project_id: project.id })).map(
    (t): Listed => ({ project: project.name, id: S(field(t, 'id')), content: S(field(t, 'content')), due: S(field(t, 'due_date')), priority: Number(field(t, 'priority')) }),
  );
}

/** The tasks of the named project, or of every project when no name is given. */
function* tasks(projectName?: string) {
  const all: Listed[] = [];
  for (const p of yield* projects()) if (projectName === undefined || p.name === projectName) all.push(...(yield* tasksOf(p)));
  if (projectName !== undefined && all.length === 0) throw new ProgramError(`No project ${projectName}`);
  return all;
}

/** A task by name, looking project by project and stopping at the first that has it. */
function* findTask(content: string) {
  for (const p of yield* projects()) {
    const t = (yield* tasksOf(p)).find((x) => x.content === content);
    if (t) return t;
  }
  throw new ProgramError(`No task ${content}`);
}

function* minutes(id: string) {
  const d = S(field(yield* ask('get_task_duration', { task_id: id }), 'duration'));
  const m = /^(\d+)\(minute\)$/.exec(d);
  if (!m) throw new ProgramError(`Unexpected duration ${d}`);
  return Number(m[1]);
}

function* today() {
  return S(yield* ask('get_user_current_date'));
}

/** YYYY-MM-DD plus n days (calendar arithmetic on the date alone). */
function addDays(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

const yesNo = (b: boolean) => (b ? 'Yes' : 'No');
const names = (list: Listed[]) => list.map((t) => t.content);
const Q = `"?(.+?)"?`;

export const TEMPLATES: Template[] = [
  {
    pattern: /^When is the due date of (.+) in (.+)\? /,
    *program([, task, project]) {
      const t = (yield* tasks(project)).find((x) => x.content === task);
      if (!t) throw new ProgramError(`No task ${task}`);
      return t.due;
    },
  },
  {
    pattern: /^Finally, I have completed the task (.+), please mark it as completed/,
    *program([, task]) {
      yield* ask('complete_task', { task_id: (yield* findTask(task)).id });
      return 'done';
    },
  },
  {
    pattern: /complete the task (.+) timely, please extend the due date to (\d{4}-\d{2}-\d{2})/,
    *program([, task, date]) {
      yield* ask('update_task', { task_id: (yield* findTask(task)).id, due_date: date });
      return 'done';
    },
  },
  {
    pattern: /^Which task should I do first today to avoid missing the deadline\? (.+) or (.+) \?/,
    *program([, a, b]) {
      const all = yield* tasks();
      const due = (n: string) => all.find((t) => t.content === n)?.due ?? '';
      return due(b) < due(a) ? b : a;
    },
  },
  {
    pattern: /^What tasks should I complete before (\d{4}-\d{2}-\d{2}) in (.+) project \?/,
    *program([, date, project]) {
      return names((yield* tasks(project)).filter((t) => t.due < date));
    },
  },
  {
    pattern: /^What tasks should I complete before (\d{4}-\d{2}-\d{2})\?/,
    *program([, date]) {
      return names((yield* tasks()).filter((t) => t.due < date));
    },
  },
  {
    pattern: /^How many tasks in total need to be completed before (\d{4}-\d{2}-\d{2})\?/,
    *program([, date]) {
      return int((yield* tasks()).filter((t) => t.due < date).length);
    },
  },
  {
    pattern: new RegExp(`^How long is it expected to take to complete the task ${Q}\\?`),
    *program([, task]) {
      return field(yield* ask('get_task_duration', { task_id: (yield* findTask(task)).id }), 'duration');
    },
  },
  {
    pattern: /^Until today, some tasks have expired\. Please help me adjust their deadlines to tomorrow/,
    *program() {
      const now = yield* today();
      for (const t of (yield* tasks()).filter((x) => x.due < now)) yield* ask('update_task', { task_id: t.id, due_date: addDays(now, 1) });
      return 'done';
    },
  },
  {
    pattern: /update the due date of the task "(.+)" to (?:be )?(one|two|three|four) days? (later|earlier) in the "(.+)" project/,
    *program([, task, n, way, project]) {
      const t = (yield* tasks(project)).find((x) => x.content === task);
      if (!t) throw new ProgramError(`No task ${task}`);
      const days = ['one', 'two', 'three', 'four'].indexOf(n) + 1;
      yield* ask('update_task', { task_id: t.id, due_date: addDays(t.due, way === 'later' ? days : -days) });
      return 'done';
    },
  },
  {
    pattern: /^What is the task that takes the longest time in the (.+) project\? $/,
    *program([, project]) {
      let best = { name: '', min: -1 };
      for (const t of yield* tasks(project)) {
        const m = yield* minutes(t.id);
        if (m > best.min) best = { name: t.content, min: m };
      }
      return best.name;
    },
  },
  {
    pattern: /^What is the priority level of the task "(.+)" in the (.+?)(?: project)?\?/,
    *program([, task, project]) {
      const t = (yield* tasks(project)).find((x) => x.content === task);
      if (!t) throw new ProgramError(`No task ${task}`);
      return int(t.priority);
    },
  },
  {
    pattern: /^How many minutes in total are required to complete all tasks in the (.+) project\?/,
    *program([, project]) {
      let sum = 0;
      for (const t of yield* tasks(project)) sum += yield* minutes(t.id);
      return int(sum);
    },
  },
  {
    pattern: /^What is the description of the task "(.+)" in the .+ project\?/,
    *program([, task]) {
      return field(yield* ask('get_task_description', { task_id: (yield* findTask(task)).id }), 'description');
    },
  },
  {
    pattern: /^Is there any task with a priority level of (\d)/,
    *program([, level]) {
      return yesNo((yield* tasks()).some((t) => t.priority === Number(level)));
    },
  },
  {
    pattern: new RegExp(`^What is the project name that includes the task ${Q}\\?`),
    *program([, task]) {
      return (yield* findTask(task)).project;
    },
  },
  {
    pattern: /^Which project is marked as a favorite\?/,
    *program() {
      return (yield* projects()).find((p) => p.favourite)?.name ?? 'None';
    },
  },
  {
    pattern: /^How many tasks have a priority level of (\d)\?/,
    *program([, level]) {
      return int((yield* tasks()).filter((t) => t.priority === Number(level)).length);
    },
  },
  {
    pattern: /^Could you mark the project "(.+)" as a favorite\?/,
    *program([, name]) {
      const p = (yield* projects()).find((x) => x.name === name);
      if (!p) throw new ProgramError(`No project ${name}`);
      yield* ask('update_project', { project_id: p.id, is_favorite: true });
      return 'done';
    },
  },
  {
    pattern: /^(?:Please )?[Dd]elete the task "(.+)"\./,
    *program([, task]) {
      yield* ask('delete_task', { task_id: (yield* findTask(task)).id });
      return 'done';
    },
  },
];

export const solveTodo = templateSolver(TEMPLATES);
