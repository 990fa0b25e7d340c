/**
 * Wordle as AgentGym's agentenv-lmrlgym serves it (LMRL-Gym's WordleGame behind
 * ReformatWordleEnvironment). A guess arrives as spaced letters ("s h i r e"); the server strips it
 * and drops the spaces, so "shire" is accepted too, but only lower-case letters count ("SHIRE" is
 * an invalid word there and here; step info.hint says why). Any attempt, valid or not, uses one of
 * the 6 tries. A valid guess is answered with spaced b/y/g letters and a trailing newline;
 * anything else with "invalid word". Reward is LMRL-Gym's (-1 per guess, 0 on the win) shifted up by 1 as
 * AgentGym does: 1 on the winning guess, else 0.
 */
import type { Env, GridCell, Picture, StepResult } from '../contract.ts';
import { PyRandom } from '../python-random.ts';
import { pyStrip } from '../python-str.ts';
import { consistent, feedback, spaced } from './feedback.ts';
import { invalidGuessHint } from './hint.ts';

export const START_OBSERVATION = "Let's start Wordle!";
export const INVALID_OBSERVATION = 'invalid word';
export const MAX_GUESSES = 6;
const WORD = /^[a-z]{5}$/;

export interface WordleRules {
  /** Words the hidden word is drawn from, in order (LMRL-Gym: the vocabulary). */
  answers: readonly string[];
  /** Words accepted as guesses. */
  allowed: ReadonlySet<string>;
  /**
   * 'redraw' (LMRL-Gym): before scoring each valid guess the hidden word is drawn again among the
   * answers still consistent with all feedback, by `random.Random(seed).choice` with the item
   * index as seed (CPython's generator, reseeded on every reset).
   * 'fixed': item i hides answers[i] for the whole game.
   */
  hidden: 'redraw' | 'fixed';
}

interface Attempt {
  /** The guess as the game read it (spaces removed), or the raw text when invalid. */
  word: string;
  /** Compact feedback ("bygbb"), or null for an invalid word. */
  feedback: string | null;
  /** The hidden word the guess was scored against, or null for an invalid word. */
  hidden: string | null;
}

export class WordleEnv implements Env {
  private index = 0;
  private readonly rng = new PyRandom(0);
  private candidates: readonly string[];
  private attempts: Attempt[] = [];
  private hiddenWord: string | null = null;
  private won = false;
  private last = START_OBSERVATION;

  constructor(private readonly rules: WordleRules) {
    this.candidates = rules.answers;
    // Like LMRL-Gym's env, a new env is already a game of item 0 (AgentGym's client asks for the
    // vocabulary before any reset).
    this.reset(0);
  }

  reset(index: number): string {
    const fixed = this.rules.hidden === 'fixed' ? this.rules.answers[index] : null;
    if (this.rules.hidden === 'fixed' && fixed === undefined) throw new Error(`No Wordle answer for item ${index}.`);
    this.index = index;
    this.rng.seed(index);
    this.candidates = this.rules.answers;
    this.attempts = [];
    this.hiddenWord = fixed;
    this.won = false;
    this.last = START_OBSERVATION;
    return this.last;
  }

  step(action: string): StepResult {
    if (this.done()) return { observation: this.last, reward: 0, done: true, info: { valid: false } };
    // The server's deformat_history: Python strip, then every space removed (other whitespace stays).
    const word = pyStrip(action).replaceAll(' ', '');
    if (!WORD.test(word) || !this.rules.allowed.has(word)) {
      this.attempts.push({ word, feedback: null, hidden: null });
      this.last = INVALID_OBSERVATION;
      return { observation: this.last, reward: 0, done: this.done(), info: { valid: false, hint: invalidGuessHint(word, this.rules.allowed) } };
    }
    if (this.rules.hidden === 'redraw') this.hiddenWord = this.rng.choice(this.candidates);
    const fb = feedback(word, this.hiddenWord!);
    this.candidates = consistent(this.candidates, word, fb);
    this.attempts.push({ word, feedback: fb, hidden: this.hiddenWord });
    // LMRL-Gym's win test: one candidate left, and it has been guessed.
    this.won = this.candidates.length === 1 && this.attempts.some((a) => a.word === this.candidates[0]);
    this.last = `${spaced(fb)}\n`;
    return { observation: this.last, reward: this.won ? 1 : 0, done: this.done(), info: { valid: true } };
  }

  observation(): string {
    return this.last;
  }

  /** The answers still consistent with the feedback (AgentGym's GET /filtered_vocab). */
  filteredVocab(): string[] {
    return [...this.candidates];
  }

  picture(): Picture {
    const cells: GridCell[] = [];
    for (let row = 0; row < MAX_GUESSES; row++) cells.push(...rowCells(this.attempts[row]));
    const status = this.won ? 'solved' : this.done() ? 'out of guesses' : `${MAX_GUESSES - this.attempts.length} ${MAX_GUESSES - this.attempts.length === 1 ? 'guess' : 'guesses'} left`;
    return { kind: 'grid', rows: MAX_GUESSES, cols: 5, cells, caption: `Wordle · ${status}` };
  }

  detail(): Record<string, unknown> {
    return {
      // AgentGym's fields first, then the hidden state.
      seed: this.index,
      observation: this.last,
      reward: this.won ? 1 : 0,
      done: this.done(),
      hidden: this.hiddenWord,
      guesses: this.attempts.map((a) => a.word),
      drawn: this.attempts.map((a) => a.hidden),
      candidates: this.candidates.length,
      won: this.won,
    };
  }

  private done(): boolean {
    return this.won || this.attempts.length >= MAX_GUESSES;
  }
}

const FILL = { g: '#16a34a', y: '#ca8a04', b: '#475569' } as const;
const EMPTY: GridCell = { fill: '#f1f5f9' };
const INVALID_FILL = '#fee2e2';

function rowCells(attempt: Attempt | undefined): GridCell[] {
  if (!attempt) return Array.from({ length: 5 }, () => ({ ...EMPTY }));
  const fb = attempt.feedback;
  if (fb === null) {
    // An invalid attempt still costs a row: show what was typed, in its own case (capitals are
    // what made "SOLAR" invalid, so the row must not hide them), on a pale red row.
    const chars = Array.from(attempt.word.slice(0, 10)).slice(0, 5);
    return Array.from({ length: 5 }, (_, i) => ({ fill: INVALID_FILL, text: chars[i], ink: '#991b1b' }));
  }
  return Array.from(attempt.word, (ch, i) => ({ fill: FILL[fb[i] as keyof typeof FILL], text: ch.toUpperCase(), ink: '#ffffff' }));
}
