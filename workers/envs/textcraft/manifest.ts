import type { EnvManifest } from '../contract.ts';
import { evalSplit } from '../splits.ts';

export const textcraft: EnvManifest = {
  id: 'textcraft',
  title: 'TextCraft',
  summary: 'Craft a Minecraft item from a list of crafting commands, getting base ingredients as you go.',
  agentgym: true,
  // The crafting tree's goal count; the conformance suite checks it against the loaded env.
  itemCount: 547,
  evalItems: evalSplit('textcraft'),
  maxRounds: 20,
  dataVersion: 'textcraft-mcdata-1.16.2-1',
  deterministic: true,
  scoring: { kind: 'binary', success: { atLeast: 1 }, headline: 'success-rate' },
  downloads: [],
  format: () => import('./format.ts').then((m) => m.format),
  load: () => import('./index.ts').then((m) => m.module),
};
