/**
 * TODOList's reference solutions: one program per goal template, reading the account through the
 * tools as an agent would (project ids from get_projects, task ids from get_tasks). The eval split
 * is the first task of each of the first 20 templates; the templates after them cover the other
 * goals, so that every one of the 155 tasks has a program (20 of them cannot reach AgentGym's
 * label: todo.test.ts lists them with the reason).
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

/**
 * A task named loosely: the one whose name contains the phrase ("chemistry experiment"), or else
 * the phrase without its first word ("attending soccer practice" is 'Attend soccer practice').
 */
function loose(list: Listed[], phrase: string): Listed {
  const words = phrase.toLowerCase().split(' ');
  for (const key of [words.join(' '), words.slice(1).join(' ')]) {
    const t = list.find((x) => x.content.toLowerCase().includes(key));
    if (t) return t;
  }
  throw new ProgramError(`No task like ${phrase}`);
}

function* description(id: string) {
  return S(field(yield* ask('get_task_description', { task_id: id }), 'description'));
}

/** One line of a description ("- Place: Home" gives "Home" for "Place"). */
function* descriptionLine(id: string, key: string) {
  const m = new RegExp(`^- ${key}: ?(.*)$`, 'm').exec(yield* description(id));
  if (!m) throw new ProgramError(`No ${key} in the description of ${id}`);
  return m[1];
}

/** The minutes all of a project's tasks take together. */
function* totalMinutes(project: string) {
  return (yield* withMinutes(yield* tasks(project))).reduce((s, t) => s + t.minutes, 0);
}

/** Whether any of the tasks takes longer than `limit` minutes, asking no more durations than needed. */
function* someLonger(list: Listed[], limit: number) {
  for (const t of list) if ((yield* minutes(t.id)) > limit) return true;
  return false;
}

/** The named tasks with their durations in minutes. */
function* withMinutes(list: Listed[]) {
  const out: (Listed & { minutes: number })[] = [];
  for (const t of list) out.push({ ...t, minutes: yield* minutes(t.id) });
  return out;
}

/** The tasks where `key` is extreme (largest, or smallest with `least`), ties included. */
function extremes<T>(list: T[], key: (t: T) => number | string, least = false): T[] {
  const sorted = list.map(key).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const best = least ? sorted[0] : sorted[sorted.length - 1];
  return list.filter((t) => key(t) === best);
}

const NUMBERS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, a: 1 };
const count = (word: string) => NUMBERS[word] ?? Number(word);

/**
 * A bulk change in one project: which of its tasks ("with priority 3 or higher", "with a due date
 * before D", "with a duration less than N minutes", "except those with a priority of N"), and what
 * to do to them (complete, delete, expire, move by days or to a day counted from today).
 */
function* bulkChange(goal: string, project: string | undefined, now: string) {
  let list = yield* tasks(project);
  let m: RegExpExecArray | null;
  if ((m = /(?<!those )(?:with priority|with a priority of|whose priority is) (\d)( or higher)?/.exec(goal))) {
    const [n, higher] = [Number(m[1]), m[2] !== undefined];
    list = list.filter((t) => (higher ? t.priority >= n : t.priority === n));
  }
  if ((m = /except those with a priority of (\d)/.exec(goal))) list = list.filter((t) => t.priority !== Number(m![1]));
  if ((m = /with a due date before "(\d{4}-\d{2}-\d{2})"/.exec(goal))) list = list.filter((t) => t.due < m![1]);
  if (/expired/.test(goal)) list = list.filter((t) => t.due < now);
  if ((m = /duration (less|longer) than (\d+) minutes/.exec(goal))) {
    const [less, n] = [m[1] === 'less', Number(m[2])];
    list = (yield* withMinutes(list)).filter((t) => (less ? t.minutes < n : t.minutes > n));
  }
  for (const t of list) {
    if (/as completed|in completing/.test(goal)) yield* ask('complete_task', { task_id: t.id });
    else if (/delete|clear/.test(goal)) yield* ask('delete_task', { task_id: t.id });
    else yield* ask('update_task', { task_id: t.id, due_date: newDue(goal, t.due, now) });
  }
  return list;
}

function newDue(goal: string, due: string, now: string): string {
  if (/\bexpire tasks\b/.test(goal)) return now;
  if (/to be tomorrow/.test(goal)) return addDays(now, 1);
  let m = /to be (\w+) days? from today/.exec(goal);
  if (m) return addDays(now, count(m[1]));
  if (/to be one week later/.test(goal)) return addDays(due, 7);
  m = /to be (\w+) days? (earlier|later)/.exec(goal);
  if (m) return addDays(due, m[2] === 'later' ? count(m[1]) : -count(m[1]));
  throw new ProgramError(`No change of due date in ${goal}`);
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
    pattern: /^What is the priority level of the task ["'](.+)["'] in the (.+?)(?: project)?\?/,
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
  {
    pattern: /^(?:Until today, how many tasks are overdue|How many tasks are overdue)\?/,
    *program() {
      const now = yield* today();
      return int((yield* tasks()).filter((t) => t.due < now).length);
    },
  },
  {
    // Bulk changes in a project or over expired tasks, then maybe a question about the result.
    pattern:
      /^(?=.*(?:as completed|completing|delete|later|earlier|from today|tomorrow)).*?tasks in the "(.+?)" project|^Please help me expire tasks in the "(.+?)" project|^Until today, please help me clear all expired tasks/,
    *program({ input: goal, 1: p1, 2: p2 }) {
      const [change, question = ''] = goal.split(/\. (?:Then|After that|Afterward),? |\? (?:Then|After that|Afterward),? /);
      // Today's date only where the change counts from it.
      const now = /expire|today|tomorrow/.test(change) ? yield* today() : '';
      const changed = yield* bulkChange(change, p1 ?? p2, now);
      let m: RegExpExecArray | null;
      if (!question) return 'done';
      if (/names of those completed tasks/.test(question)) return names(changed);
      if (/total number of completed tasks/.test(question)) return int(changed.length);
      if ((m = /tasks with priority (\d) across all projects/.exec(question))) return int((yield* tasks()).filter((t) => t.priority === Number(m![1])).length);
      if (/tasks (?:are there in total|across all projects)/.test(question)) return int((yield* tasks()).length);
      if ((m = /all the tasks in "(.+?)" project/.exec(question))) return `${yield* totalMinutes(m[1])}(minute)`;
      if ((m = /total duration of tasks in (.+?)\?/.exec(question))) return int(yield* totalMinutes(m[1]));
      throw new ProgramError(`No question in ${question}`);
    },
  },
  {
    pattern: /^What is the most important task for me in the next (\d+) days/,
    *program([, n]) {
      const now = yield* today();
      const soon = (yield* tasks()).filter((t) => t.due >= now && t.due <= addDays(now, Number(n)));
      return extremes(soon, (t) => t.priority)[0]?.content ?? 'None';
    },
  },
  {
    pattern: /^I recall the task of summarizing (a history chapter).*chapter's name/,
    *program([, what]) {
      return yield* descriptionLine(loose(yield* tasks(), what).id, 'Chaper Name');
    },
  },
  {
    pattern: /^Is the location for conducting (.+?)s the same as the location for rehearsing (.+?)\?/,
    *program([, a, b]) {
      const all = yield* tasks();
      const place = (phrase: string) => descriptionLine(loose(all, phrase).id, 'Place');
      return yesNo((yield* place(a)) === (yield* place(b)));
    },
  },
  {
    pattern: /^Which task requires more time, (.+) or (.+?)\? (.*)/,
    *program([, a, b, rest]) {
      const all = yield* tasks();
      const [ta, tb] = [loose(all, a), loose(all, b)];
      const aWins = (yield* minutes(ta.id)) >= (yield* minutes(tb.id));
      // Asked for a list, the task's name; otherwise the question's own words.
      return /form of a list/.test(rest) ? [aWins ? ta.content : tb.content] : aWins ? a : b;
    },
  },
  {
    pattern: /^Please mark the project that includes the (.+) task as a favorite/,
    *program([, what]) {
      const t = loose(yield* tasks(), what);
      const p = (yield* projects()).find((x) => x.name === t.project)!;
      yield* ask('update_project', { project_id: p.id, is_favorite: true });
      return 'done';
    },
  },
  {
    pattern: /^(?:Which task in|What is the task that takes the (longest) time in) the (.+) project(?: (requires the least amount of time|has the longest duration))?\?/,
    *program([, longest, project, how]) {
      const list = yield* withMinutes(yield* tasks(project));
      return names(extremes(list, (t) => t.minutes, !longest && how === 'requires the least amount of time'));
    },
  },
  {
    pattern: /^(?:How many tasks are there in total|What is the total number of tasks in the Todoist account)\?/,
    *program() {
      return int((yield* tasks()).length);
    },
  },
  {
    pattern: /^(?:What is the due date for|Could you provide the due date for) the task ["'](.+?)["'](?: in the (.+) project)?\?/,
    *program([, task, project]) {
      const t = (yield* tasks(project)).find((x) => x.content === task);
      if (!t) throw new ProgramError(`No task ${task}`);
      return t.due;
    },
  },
  {
    pattern: /^How many projects are there\?/,
    *program() {
      return int((yield* projects()).length);
    },
  },
  {
    pattern: /^What is the description of the task "(.+)"\?/,
    *program([, task]) {
      return yield* description((yield* findTask(task)).id);
    },
  },
  {
    pattern: /^(?:Which task has the highest priority level|Among the tasks in the (.+) project, which one has the highest priority)\?/,
    *program([, project]) {
      return names(extremes(yield* tasks(project), (t) => t.priority));
    },
  },
  {
    pattern: /^(?:Are there any tasks|Is there any task in the (.+) project)(?: that requires?| with a duration of)? more than (\d+) hours?/,
    *program([, project, hours]) {
      return yesNo(yield* someLonger(yield* tasks(project), Number(hours) * 60));
    },
  },
  {
    pattern: /^What is the duration of the task "(.+)" in the (.+) project\?/,
    *program([, task, project]) {
      const t = (yield* tasks(project)).find((x) => x.content === task);
      if (!t) throw new ProgramError(`No task ${task}`);
      return field(yield* ask('get_task_duration', { task_id: t.id }), 'duration');
    },
  },
  {
    pattern: /^Which task has the earliest due date(?: among all projects)?\?/,
    *program() {
      return names(extremes(yield* tasks(), (t) => t.due, true));
    },
  },
  {
    pattern: /^Among the tasks in the (.+) project, which one has the (earliest|latest) due date\?/,
    *program([, project, which]) {
      return extremes(yield* tasks(project), (t) => t.due, which === 'earliest')[0].content;
    },
  },
  {
    pattern: /^What is the location for conducting the task "(.+)"\?/,
    *program([, task]) {
      return yield* descriptionLine((yield* findTask(task)).id, 'Place');
    },
  },
  {
    pattern: /^Which project has the (?:most|highest number of) tasks\?/,
    *program() {
      const sizes: { name: string; n: number }[] = [];
      for (const p of yield* projects()) sizes.push({ name: p.name, n: (yield* tasksOf(p)).length });
      return extremes(sizes, (s) => s.n)[0].name;
    },
  },
  {
    pattern: /^Which project has the most urgent task based on priority level\?/,
    *program() {
      const top = extremes(yield* tasks(), (t) => t.priority);
      // Ties between projects: the one with the most tasks of that priority.
      const counts = [...new Set(top.map((t) => t.project))].map((name) => ({ name, n: top.filter((t) => t.project === name).length }));
      return extremes(counts, (c) => c.n)[0].name;
    },
  },
  {
    pattern: /^What tasks (?:in the (.+?) project )?need to be completed before (?:(\d{4}-\d{2}-\d{2})(?: in the (.+) project)?|the due date of "(.+)")\?/,
    *program([, p1, date, p2, task]) {
      const list = yield* tasks(p1 ?? p2);
      const by = date ?? (yield* findTask(task)).due;
      return names(list.filter((t) => t.due < by));
    },
  },
  {
    pattern: /^What tasks in the (.+?) (?:project )?have a due date before (\d{4}-\d{2}-\d{2})\?/,
    *program([, project, date]) {
      return names((yield* tasks(project)).filter((t) => t.due < date));
    },
  },
  {
    pattern: /^I remember there is an assignment that required me to (.+?)\. /,
    *program([, what]) {
      const words = what.toLowerCase();
      for (const t of yield* tasks()) if ((yield* description(t.id)).toLowerCase().includes(words)) return t.content;
      return 'None';
    },
  },
  {
    pattern: /^What tasks need to be completed in the (.+) according to the to-do list\?/,
    *program([, place]) {
      const found: string[] = [];
      for (const t of yield* tasks()) if ((yield* descriptionLine(t.id, 'Place')) === place) found.push(t.content);
      return found;
    },
  },
  {
    pattern: /^Which tasks have the same deadline as (.+?)\?/,
    *program([, phrase]) {
      const all = yield* tasks();
      const t = loose(all, phrase);
      return names(all.filter((x) => x.due === t.due && x.id !== t.id));
    },
  },
  {
    pattern: /^What is the total duration (?:of|needed to complete) (?:all )?tasks (?:in the "?(.+?)"? project|with a priority level of (\d) in the Todoist account)\?/,
    *program([, project, level]) {
      const list = project ? yield* tasks(project) : (yield* tasks()).filter((t) => t.priority === Number(level));
      const total = (yield* withMinutes(list)).reduce((s, t) => s + t.minutes, 0);
      return `${total}(minute)`;
    },
  },
  {
    pattern: /^What tasks in the (.+?) (?:project )?have a duration of more than (\d+) hours?\?/,
    *program([, project, hours]) {
      return names((yield* withMinutes(yield* tasks(project))).filter((t) => t.minutes > Number(hours) * 60));
    },
  },
  {
    pattern: /^What tasks (?:in the (.+) project )?have a priority level of (\d)\?/,
    *program([, project, level]) {
      return names((yield* tasks(project)).filter((t) => t.priority === Number(level)));
    },
  },
  {
    pattern: /^How many tasks (?:are there )?in the "(.+)" project(?: have a priority level of (\d))?\?/,
    *program([, project, level]) {
      return int((yield* tasks(project)).filter((t) => level === undefined || t.priority === Number(level)).length);
    },
  },
  {
    pattern: /^What is the total number of tasks with a priority level of (\d) in the Todoist account\?/,
    *program([, level]) {
      return int((yield* tasks()).filter((t) => t.priority === Number(level)).length);
    },
  },
  {
    pattern: /^Are there any tasks in the (.+) project with a priority level of (\d)/,
    *program([, project, level]) {
      return yesNo((yield* tasks(project)).some((t) => t.priority === Number(level)));
    },
  },
  {
    pattern: /^What's the current status of the task "(.+)"\?/,
    *program([, task]) {
      // get_tasks lists open tasks only: a task not listed is completed or gone.
      const t = (yield* tasks()).find((x) => x.content === task);
      return `The task '${task}' is ${t ? 'not ' : ''}completed.`;
    },
  },
  {
    pattern: /(?:adjust|[Ee]xtend|update) the due date for the task "(.+)" to (\d{4}-\d{2}-\d{2})/,
    *program([, task, date]) {
      yield* ask('update_task', { task_id: (yield* findTask(task)).id, due_date: date });
      return 'done';
    },
  },
  {
    pattern: /update the due date of the task "(.+)" to be tomorrow in the "(.+)" project/,
    *program([, task, project]) {
      const t = (yield* tasks(project)).find((x) => x.content === task);
      if (!t) throw new ProgramError(`No task ${task}`);
      yield* ask('update_task', { task_id: t.id, due_date: addDays(yield* today(), 1) });
      return 'done';
    },
  },
  {
    pattern: /[Mm]ark the task "(.+)" (?:in the "(.+)" project )?as completed/,
    *program([, task, project]) {
      const t = (yield* tasks(project)).find((x) => x.content === task);
      if (!t) throw new ProgramError(`No task ${task}`);
      yield* ask('complete_task', { task_id: t.id });
      return 'done';
    },
  },
  {
    pattern: /delete the task "(.+)" from the "(.+)" project/,
    *program([, task, project]) {
      const t = (yield* tasks(project)).find((x) => x.content === task);
      if (!t) throw new ProgramError(`No task ${task}`);
      yield* ask('delete_task', { task_id: t.id });
      return 'done';
    },
  },
  {
    pattern: /make the project "(.+)" a favorite/,
    *program([, name]) {
      const p = (yield* projects()).find((x) => x.name === name);
      if (!p) throw new ProgramError(`No project ${name}`);
      yield* ask('update_project', { project_id: p.id, is_favorite: true });
      return 'done';
    },
  },
  {
    pattern: /^Could you provide the due dates for (?:both '(.+)' and '(.+)'|all tasks in the (.+) project)\?/,
    *program([, a, b, project]) {
      const list = yield* tasks(project);
      const picked = project ? list : list.filter((t) => t.content === a || t.content === b);
      return picked.map((t) => t.due);
    },
  },
  {
    pattern: /^Is there any task in the (?:Todoist account|(.+) project) that needs to be completed before the task '(.+?)'/,
    *program([, project, task]) {
      const by = (yield* findTask(task)).due;
      return yesNo((yield* tasks(project)).some((t) => t.due < by));
    },
  },
  {
    pattern: /^Are there any tasks in the Todoist account with the same (priority|due date|duration) as '(.+?)'/,
    *program([, what, task]) {
      const all = yield* tasks();
      const t = all.find((x) => x.content === task);
      if (!t) throw new ProgramError(`No task ${task}`);
      const others = all.filter((x) => x !== t);
      if (what === 'priority') return yesNo(others.some((x) => x.priority === t.priority));
      if (what === 'due date') return yesNo(others.some((x) => x.due === t.due));
      // Durations one call each: stop at the first match.
      const own = yield* minutes(t.id);
      for (const x of others) if ((yield* minutes(x.id)) === own) return 'Yes';
      return 'No';
    },
  },
  {
    pattern: /^Can you rearrange the tasks in the "(.+)" project by their priorities, from highest to lowest\?/,
    *program([, project]) {
      // No tool moves a task, so the answer is the order itself.
      return names([...(yield* tasks(project))].sort((a, b) => b.priority - a.priority));
    },
  },
];

export const solveTodo = templateSolver(TEMPLATES);
