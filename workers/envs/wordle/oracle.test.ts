import { nodeDataSource } from '../../node-data-source.ts';
import { describe, expect, it } from 'vitest';
import { format } from './format.ts';
import { WordleEnv } from './wordle.ts';
import { module, officialModule } from './index.ts';
import { WordleOracle } from './oracle.ts';
import { OFFICIAL_GUESSES } from './guesses.ts';
import { OFFICIAL_ANSWERS } from './words.ts';
import { MAX_GUESSES } from './wordle.ts';

/** Plays one item with the oracle; returns the number of guesses on a win, or null on a loss. */
function play(env: WordleEnv, item: number, oracle: WordleOracle): number | null {
  let snap = { observation: env.reset(item), reward: 0, done: false, info: {} as { valid?: boolean } };
  let guesses = 0;
  while (!snap.done) {
    snap = env.step(oracle.next(snap.observation));
    guesses++;
    expect(snap.info.valid).toBe(true);
  }
  return snap.reward === 1 ? guesses : null;
}

describe('Wordle oracle', () => {
  it('wins every item of wordle within 6 guesses, knowing only the prompt vocabulary', () => {
    // The vocabulary exactly as the agent reads it: the fenced list in the instruction.
    const vocab = /```\n([\s\S]*?)\n```/.exec(format.instruction)![1].split('\n');
    expect(vocab).toHaveLength(40);
    const oracle = new WordleOracle(vocab, vocab);
    for (let item = 0; item < 40; item++) {
      const guesses = play(module.create(nodeDataSource) as WordleEnv, item, oracle);
      expect(guesses, `item ${item}`).not.toBeNull();
      expect(guesses!).toBeLessThanOrEqual(MAX_GUESSES);
    }
  });

  it('wins nearly every one of the first 100 wordle-official items', () => {
    const oracle = new WordleOracle(OFFICIAL_ANSWERS, OFFICIAL_GUESSES);
    const results = Array.from({ length: 100 }, (_, item) => play(officialModule.create(nodeDataSource) as WordleEnv, item, oracle));
    const wins = results.filter((g) => g !== null);
    expect(wins.length / results.length).toBeGreaterThanOrEqual(0.95);
  });

  it('refuses feedback it cannot read', () => {
    const oracle = new WordleOracle(['those'], ['those']);
    oracle.next("Let's start Wordle!");
    expect(() => oracle.next('invalid word')).toThrow(/cannot read/);
  });
});
