import type { EnvManifest } from '../contract.ts';
import { evalSplit } from '../splits.ts';

export const sheet: EnvManifest = {
  id: 'sheet',
  title: 'Sheet',
  summary: 'Edit a spreadsheet with tools (update, insert and delete, sort, merge, formulas) until it matches the expected sheet.',
  agentgym: true,
  itemCount: 20,
  evalItems: evalSplit('sheet'),
  maxRounds: 15,
  dataVersion: 'tools-sheet-1',
  deterministic: true,
  scoring: { kind: 'progress', success: { atLeast: 1 }, headline: 'success-rate' },
  downloads: [{ path: 'tools-sheet.json', bytes: 349826, what: "AgentGym's workbook (42 sheets with their number formats, merges and notes) and the 20 tasks" }],
  format: () => import('./format.ts').then((m) => m.format),
  load: () => import('./index.ts').then((m) => m.module),
};
