import type { EnvManifest } from '../contract.ts';
import { evalSplit } from '../splits.ts';

export const alfworld: EnvManifest = {
  id: 'alfworld',
  title: 'ALFWorld',
  summary: 'Carry out a household task (find, clean, heat, cool, place, look at) in a text version of an ALFRED room.',
  agentgym: true,
  // AgentGym's 2,420 train games then its 200 test games; 239 train games are not in our data.
  itemCount: 2620,
  // AgentGym's 200 test games (its mappings_test.json, played from valid_train): items 2420-2619.
  evalItems: evalSplit('alfworld'),
  maxRounds: 30,
  dataVersion: 'alfworld-1',
  deterministic: true,
  scoring: { kind: 'binary', success: { atLeast: 1 }, headline: 'success-rate' },
  answerFields: [['task_type', 'Task type']],
  // Plus one game file (about 2.7 KB) per reset: static-data/alfworld/games/<item>.json.
  downloads: [{ path: 'alfworld/meta.json', bytes: 5857, what: 'ALFWorld: missing training items and the canContain table' }],
  format: () => import('./format.ts').then((m) => m.format),
  load: () => import('./index.ts').then((m) => m.module),
};
