import type { EnvManifest } from '../contract.ts';
import { evalSplit } from '../splits.ts';

export const textcraft: EnvManifest = {
  id: 'textcraft',
  title: 'TextCraft',
  summary: 'Craft a Minecraft item from a list of crafting commands, getting base ingredients as you go.',
  agentgym: true,
  // AgentGym's 544 goals (its server wraps larger indices around; ours refuses them).
  itemCount: 544,
  evalItems: evalSplit('textcraft'),
  maxRounds: 20,
  dataVersion: 'textcraft-2',
  deterministic: true,
  scoring: { kind: 'binary', success: { atLeast: 1 }, headline: 'success-rate' },
  answerFields: [['goal', 'Goal']],
  downloads: [],
  format: () => import('./format.ts').then((m) => m.format),
  load: () => import('./index.ts').then((m) => m.module),
};
