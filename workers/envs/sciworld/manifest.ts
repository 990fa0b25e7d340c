import type { EnvManifest } from '../contract.ts';
import { evalSplit } from '../splits.ts';

export const sciworld: EnvManifest = {
  id: 'sciworld',
  title: 'SciWorld',
  summary: 'Carry out a science task (boil, melt, freeze, change state) in a text simulation of a house, ported from ScienceWorld.',
  agentgym: true,
  // AgentGym's 23 reachable task types, every variation: data_idx 0-4638. Only the matter family
  // (1-1..1-4, items 0-119) is built yet; other items refuse to reset, naming their task type.
  itemCount: 4639,
  playableRanges: [[0, 119]],
  evalItems: evalSplit('sciworld'),
  maxRounds: 30,
  dataVersion: 'sciworld-1',
  deterministic: true,
  scoring: { kind: '0-100', success: { atLeast: 100 }, headline: 'mean-reward' },
  downloads: [],
  format: () => import('./format.ts').then((m) => m.format),
  load: () => import('./index.ts').then((m) => m.module),
};
