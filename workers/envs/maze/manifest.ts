import type { EnvManifest } from '../contract.ts';
import { evalSplit } from '../splits.ts';

export const maze: EnvManifest = {
  id: 'maze',
  title: 'MAZE',
  summary: 'Find the goal of a fixed maze, told only your position and the walls around you.',
  agentgym: true,
  // LMRL-Gym's 26 starts minus the last, which is the goal itself (AgentGym's reset fails there).
  itemCount: 25,
  evalItems: evalSplit('maze'),
  maxRounds: 15,
  dataVersion: 'maze-1',
  deterministic: true,
  scoring: { kind: 'signed', success: { atLeast: 1 }, headline: 'success-rate' },
  revealLabel: 'Show the shortest path',
  downloads: [],
  format: () => import('./format.ts').then((m) => m.format),
  load: () => import('./index.ts').then((m) => m.module),
};
