import type { Env, EnvSpec } from '../contract.ts';
import { extractAction } from './format.ts';
import { AGENTGYM_VOCAB, OFFICIAL_ANSWERS, OFFICIAL_GUESSES } from './words.ts';
import { MAX_GUESSES, WordleEnv, type WordleRules } from './wordle.ts';
import { evalSplit } from '../splits.ts';

function instruction(wordList: string): string {
  return `Let's play Wordle. There is a hidden five-letter word and you have ${MAX_GUESSES} attempts to find it; try to find it in as few attempts as possible.

Write each guess as its five letters separated by spaces, for example "s h i r e". The game answers every guess with five letters separated by spaces, one for each letter you guessed, in the same order:
- "g": this letter is in the hidden word, at exactly this position.
- "y": this letter is in the hidden word, but at a different position.
- "b": this letter is not in the hidden word.

${wordList}

Any other guess (a word outside the list, or not five letters) gets the answer "invalid word" and still uses up one attempt. Use every answer to narrow down which words the hidden word can still be before choosing your next guess.

Reply in exactly this format, one guess per reply:
Thought: <what the answers so far tell you, and why you pick this guess>
Action: <your guess as five letters separated by spaces>

A short example:
guess 1: m o u n t
answer 1: b y b b y
Thought: The word has an "o" that is not second and a "t" that is not last, and no "m", "u" or "n". Valid words such as "those", "other" and "trove" fit these clues, and guessing "those" would give a different answer for each of them.
Action: t h o s e`;
}

const agentgymList = `Valid guesses are exactly these words, and the hidden word is one of them:
\`\`\`
${AGENTGYM_VOCAB.join('\n')}
\`\`\``;

const officialList = `A guess must be a valid English five-letter word from the official Wordle list of accepted guesses (about ${Math.round(OFFICIAL_GUESSES.length / 1000)},000 words, not shown here); the hidden word is one of the official Wordle answers.`;

function filteredVocab(env: Env): string[] {
  return env instanceof WordleEnv ? env.filteredVocab() : [];
}

const agentgymRules: WordleRules = { answers: AGENTGYM_VOCAB, allowed: new Set(AGENTGYM_VOCAB), hidden: 'redraw' };
const officialRules: WordleRules = { answers: OFFICIAL_ANSWERS, allowed: new Set(OFFICIAL_GUESSES), hidden: 'fixed' };

const common = {
  instructionReply: 'OK',
  maxRounds: 8,
  extractAction,
  isSuccess: (reward: number) => reward === 1,
  http: {
    resetField: 'seed',
    extraGets: { filtered_vocab: filteredVocab },
    // AgentGym's Wordle server echoes the env id in its reset reply.
    replies: { reset: (r) => ({ id: r.id, observation: r.observation }) },
  },
} satisfies Partial<EnvSpec>;

export const wordle: EnvSpec = {
  ...common,
  id: 'wordle',
  title: 'Wordle',
  summary: "Guess a hidden five-letter word in six tries from b/y/g letter feedback, over LMRL-Gym's 40-word vocabulary.",
  agentgym: true,
  instruction: instruction(agentgymList),
  itemCount: AGENTGYM_VOCAB.length,
  evalItems: evalSplit('wordle'),
  dataVersion: 'wordle-2',
  create: () => new WordleEnv(agentgymRules),
};

export const wordleOfficial: EnvSpec = {
  ...common,
  id: 'wordle-official',
  title: 'Wordle (official lists)',
  summary: "Wordle over NYT's full lists: item i hides puzzle #i's answer; any of ~13,000 accepted words may be guessed.",
  agentgym: false,
  instruction: instruction(officialList),
  itemCount: OFFICIAL_ANSWERS.length,
  evalItems: evalSplit('wordle-official'),
  dataVersion: 'wordle-official-1',
  create: () => new WordleEnv(officialRules),
};
