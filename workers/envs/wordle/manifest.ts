import type { EnvManifest } from '../contract.ts';
import { evalSplit } from '../splits.ts';

const common = {
  maxRounds: 8,
  // LMRL-Gym's 6 guesses end the game first (MAX_GUESSES in wordle.ts; the conformance suite checks).
  stepLimit: 6,
  deterministic: true,
  scoring: { kind: 'binary', success: { atLeast: 1 }, headline: 'success-rate' },
  downloads: [],
} satisfies Partial<EnvManifest>;

export const wordle: EnvManifest = {
  ...common,
  id: 'wordle',
  title: 'Wordle',
  summary: "Guess a hidden five-letter word in six tries from b/y/g letter feedback, over LMRL-Gym's 40-word vocabulary.",
  agentgym: true,
  itemCount: 40,
  evalItems: evalSplit('wordle'),
  dataVersion: 'wordle-2',
  // LMRL-Gym draws the word again at every guess: the last one drawn is what it scored against.
  answerFields: [['hidden', 'The word (last drawn)']],
  format: () => import('./format.ts').then((m) => m.format),
  load: () => import('./index.ts').then((m) => m.module),
};

export const wordleOfficial: EnvManifest = {
  ...common,
  id: 'wordle-official',
  title: 'Wordle (official lists)',
  summary: "Wordle over NYT's full lists: item i hides puzzle #i's answer; any of ~13,000 accepted words may be guessed.",
  agentgym: false,
  itemCount: 2309,
  evalItems: evalSplit('wordle-official'),
  dataVersion: 'wordle-official-1',
  answerFields: [['hidden', 'The word']],
  format: () => import('./format.ts').then((m) => m.officialFormat),
  load: () => import('./index.ts').then((m) => m.officialModule),
};
