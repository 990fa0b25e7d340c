/** Every accepted guess of the official lists, apart from words.ts so the 40-word game doesn't carry it. */
import extraGuesses from '../../../static-data/wordle-guesses.json' with { type: 'json' };
import { OFFICIAL_ANSWERS } from './words.ts';

/** Every accepted guess: the answers plus the words that are never answers. */
export const OFFICIAL_GUESSES: readonly string[] = [...OFFICIAL_ANSWERS, ...extraGuesses];
