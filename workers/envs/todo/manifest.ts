import type { EnvManifest } from '../contract.ts';
import { evalSplit } from '../splits.ts';

export const todo: EnvManifest = {
  id: 'todo',
  title: 'TODOList',
  summary: "Answer questions about a to-do list and change it (complete, reschedule, delete tasks) with Todoist's tools.",
  agentgym: true,
  itemCount: 155,
  evalItems: evalSplit('todo'),
  maxRounds: 15,
  dataVersion: 'tools-todo-3',
  deterministic: true,
  scoring: { kind: 'progress', success: { atLeast: 1 }, headline: 'success-rate' },
  answerFields: [['answer', 'Answer']],
  downloads: [{ path: 'tools-todo.json', bytes: 151627, what: 'the starting account (5 projects, 15 tasks), the 155 tasks and their 46 expected final states' }],
  format: () => import('./format.ts').then((m) => m.format),
  load: () => import('./index.ts').then((m) => m.module),
};
