import type { EnvManifest } from '../contract.ts';
import { evalSplit } from '../splits.ts';

export const babyai: EnvManifest = {
  id: 'babyai',
  title: 'BabyAI',
  summary: 'Follow a mission in rooms with doors, keys, balls and boxes, seeing only a 7x7 patch ahead.',
  agentgym: true,
  // 40 levels x 100 seeds: data_idx % 40 picks the level, data_idx // 40 the seed.
  itemCount: 4000,
  // AgentEval's babyai ids live only in its Hugging Face file; ours: 0-95 without 25, 36, 38, 39, 65
  // and 77, each left out with its reason in eval-splits.json.
  evalItems: evalSplit('babyai'),
  maxRounds: 20,
  dataVersion: 'babyai-2',
  deterministic: true,
  // Reward is 1 - 0.9 * steps / max_steps on completing the mission, so it never reaches 1:
  // completion is success and mean reward is the headline, as AgentGym reports BabyAI.
  scoring: { kind: 'decay', success: { above: 0 }, headline: 'mean-reward' },
  // After a loss: the mission and which of its actions were done (its verifier's memory).
  answerFields: [['goal', 'Mission'], ['missionDone', 'Done'], ['missionFailed', 'Failed (the wrong object)'], ['missionLeft', 'Left undone']],
  downloads: [],
  format: () => import('./format.ts').then((m) => m.format),
  load: () => import('./index.ts').then((m) => m.module),
};
