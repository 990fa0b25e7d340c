import type { Env, EnvModule } from '../contract.ts';
import { OFFICIAL_GUESSES } from './guesses.ts';
import { WordleOracle } from './oracle.ts';
import { WordleEnv, type WordleRules } from './wordle.ts';
import { AGENTGYM_VOCAB, OFFICIAL_ANSWERS } from './words.ts';

function filteredVocab(env: Env): string[] {
  return env instanceof WordleEnv ? env.filteredVocab() : [];
}

const http: EnvModule['http'] = {
  resetField: 'seed',
  extraGets: { filtered_vocab: filteredVocab },
  // AgentGym's Wordle server echoes the env id in its reset reply.
  replies: { reset: (r) => ({ id: r.id, observation: r.observation }) },
};

const agentgymRules: WordleRules = { answers: AGENTGYM_VOCAB, allowed: new Set(AGENTGYM_VOCAB), hidden: 'redraw' };
const officialRules: WordleRules = { answers: OFFICIAL_ANSWERS, allowed: new Set(OFFICIAL_GUESSES), hidden: 'fixed' };

export const module: EnvModule = {
  create: () => new WordleEnv(agentgymRules),
  http,
  oracle: () => new WordleOracle(AGENTGYM_VOCAB, AGENTGYM_VOCAB),
};

export const officialModule: EnvModule = {
  create: () => new WordleEnv(officialRules),
  http,
  oracle: () => new WordleOracle(OFFICIAL_ANSWERS, OFFICIAL_GUESSES),
};
