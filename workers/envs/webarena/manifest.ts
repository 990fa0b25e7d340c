import type { EnvManifest } from '../contract.ts';
import { evalSplit } from '../splits.ts';

export const webarena: EnvManifest = {
  id: 'webarena',
  title: 'WebArena',
  summary: 'Do a task on a website (a demo shop, its admin, a forum) in a real headless browser, from its accessibility tree.',
  // Our 20 demo tasks (server/webarena/tasks/demo.raw.json), not AgentGym's sites: not an AgentEval split.
  agentgym: false,
  itemCount: 20,
  evalItems: evalSplit('webarena'),
  // AgentGym's WebArena round limit.
  maxRounds: 25,
  dataVersion: 'webarena-demo-1',
  // A live browser: share links carry the observations instead of re-running.
  deterministic: false,
  needsProxy: true,
  scoring: { kind: 'binary', success: { atLeast: 1 }, headline: 'success-rate' },
  downloads: [],
  format: () => import('./format.ts').then((m) => m.format),
  load: () => import('./index.ts').then((m) => m.module),
};
