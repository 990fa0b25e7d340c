import type { EnvManifest } from '../contract.ts';
import { evalSplit } from '../splits.ts';

export const academia: EnvManifest = {
  id: 'academia',
  title: 'Academia',
  summary: 'Answer questions about papers and authors by querying a citation graph and a co-author graph.',
  agentgym: true,
  itemCount: 20,
  evalItems: evalSplit('academia'),
  maxRounds: 12,
  dataVersion: 'tools-academia-1',
  deterministic: true,
  scoring: { kind: 'progress', success: { atLeast: 1 }, headline: 'success-rate' },
  answerFields: [['answer', 'Answer']],
  downloads: [{ path: 'tools-academia.json', bytes: 33383, what: 'the paper and author graphs and the 20 tasks' }],
  format: () => import('./format.ts').then((m) => m.format),
  load: () => import('./index.ts').then((m) => m.module),
};
