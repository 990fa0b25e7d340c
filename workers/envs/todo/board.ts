/**
 * TODOList's picture for people: the account as a board, one lane per project with its tasks in
 * order, every task of the seeded account still shown with what happened to it this episode
 * (completed, deleted, or its due date moved). Never part of an observation.
 */
import type { BoardItem, BoardPicture } from '../contract.ts';
import type { Account, Task } from './world.ts';

const detail = (t: Task) => `due ${t.due_date} · priority ${t.priority} · ${t.duration.replace(/\((\w+)\)$/, ' $1s')}`;

function item(seeded: Task, a: Account): BoardItem {
  const how = a.gone.get(seeded.id);
  if (how) return { title: seeded.content, detail: detail(seeded), mark: how === 'completed' ? { tone: 'done', label: 'completed' } : { tone: 'removed', label: 'deleted' } };
  const now = a.tasks.find((t) => t.id === seeded.id) ?? seeded;
  if (now.due_date === seeded.due_date) return { title: now.content, detail: detail(now) };
  return { title: now.content, detail: detail(now), mark: { tone: 'changed', label: `updated: due ${seeded.due_date} → ${now.due_date}` } };
}

export function todoBoard(a: Account): BoardPicture {
  const lanes = a.projects.map((p) => {
    const was = a.seeded.projects.find((s) => s.id === p.id);
    const flag = p.is_favorite ? 'favourite' : '';
    const badge = was && was.is_favorite !== p.is_favorite ? `${flag || 'not favourite'} (changed)` : flag;
    return { title: p.name, ...(badge ? { badge } : {}), items: a.seeded.tasks.filter((t) => t.projectId === p.id).map((t) => item(t, a)) };
  });
  const count = (label: string, n: number) => (n ? `${n} ${label}` : '');
  const gone = [...a.gone.values()];
  const moved = a.tasks.filter((t) => a.seeded.tasks.find((s) => s.id === t.id)?.due_date !== t.due_date).length;
  const changes = [count('completed', gone.filter((g) => g === 'completed').length), count('deleted', gone.filter((g) => g === 'deleted').length), count('updated', moved)].filter(Boolean);
  return {
    kind: 'board',
    title: `Todoist account · today ${a.date}`,
    lanes,
    caption: `${a.tasks.length} open tasks${changes.length ? ` · this episode: ${changes.join(', ')}` : ''}`,
  };
}
