import { toolFormat, type ToolDoc } from '../tools/format.ts';

const task = { task_id: 'a task id from get_tasks' };

const TOOLS: ToolDoc[] = [
  { name: 'get_user_current_date', args: {}, does: "today's date, YYYY-MM-DD." },
  { name: 'get_user_current_location', args: {}, does: "the user's city." },
  { name: 'get_projects', args: {}, does: 'every project: id, order, colour, name and whether it is a favourite.' },
  { name: 'update_project', args: { project_id: 'a project id from get_projects', is_favorite: 'True or False' }, does: 'marks a project as a favourite or not.' },
  { name: 'get_tasks', args: { project_id: 'a project id from get_projects' }, does: "a project's open tasks: id, order, name (content), is_completed, priority (1 normal ... 4 urgent) and due date." },
  { name: 'get_task_description', args: task, does: "a task's description (place, tips and so on)." },
  { name: 'get_task_duration', args: task, does: "how long a task takes, as 'amount(unit)'." },
  { name: 'complete_task', args: task, does: 'marks a task as completed (it leaves the list).' },
  { name: 'update_task', args: { ...task, due_date: 'the new due date, YYYY-MM-DD' }, does: "changes a task's due date." },
  { name: 'delete_task', args: task, does: 'deletes a task.' },
];

export const format = toolFormat(
  'todo-ours-1',
  "You manage a user's to-do list in a Todoist account with a set of tools: answer questions about its projects and tasks, or change them as asked. When the task asks you to change something, make the changes and then finish with the answer \"done\".",
  TOOLS,
  'to find when a task is due, call get_projects with Action Input: {}, then get_tasks with Action Input: {"project_id": "<its id>"}, then finish with Action Input: {"answer": "<the due date>"}.',
);
