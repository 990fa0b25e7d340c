/**
 * Wordle solver that uses only what the agent is told: the word lists it may guess from and the
 * feedback strings. It keeps the answers consistent with all feedback and guesses the word that
 * minimises the expected number of answers left (sum of squared feedback-bucket sizes), preferring
 * a possible answer on ties. Decisions are cached by game history, so replaying many games with
 * one oracle computes each position once.
 */
import { START_OBSERVATION } from './wordle.ts';

const FEEDBACK_OBS = /^([bgy]) ([bgy]) ([bgy]) ([bgy]) ([bgy])\n?$/;
const DIGIT = { b: 0, y: 1, g: 2 } as const;
const PATTERNS = 243; // 3^5

/** A word as five letter codes plus a 26-bit set of its letters, for fast scoring. */
interface Coded {
  word: string;
  codes: number[];
  mask: number;
}

function encode(word: string): Coded {
  const codes = Array.from(word, (c) => c.charCodeAt(0) - 97);
  return { word, codes, mask: codes.reduce((m, c) => m | (1 << c), 0) };
}

/** feedback() as a base-3 number (b=0, y=1, g=2; first letter least significant). */
function pattern(guess: Coded, hidden: Coded): number {
  let p = 0;
  for (let i = 4; i >= 0; i--) {
    const c = guess.codes[i];
    p = p * 3 + (c === hidden.codes[i] ? 2 : hidden.mask & (1 << c) ? 1 : 0);
  }
  return p;
}

function parsePattern(observation: string): number | null {
  const m = FEEDBACK_OBS.exec(observation);
  if (!m) return null;
  return m.slice(1).reduceRight((p, d) => p * 3 + DIGIT[d as keyof typeof DIGIT], 0);
}

const DECISIONS = new WeakMap<readonly string[], { guesses: readonly string[]; decisions: Map<string, Coded> }>();

export class WordleOracle {
  private readonly pool: Coded[];
  private readonly answers: Coded[];
  /** Shared by every oracle over the same answer list: a position is worked out once per process. */
  private readonly decisions: Map<string, Coded>;
  private candidates: Coded[] = [];
  private history = '';
  private lastGuess: Coded | null = null;

  /** `answers`: the words the hidden word can be; `guesses`: every word the game accepts. */
  constructor(answers: readonly string[], guesses: readonly string[]) {
    this.answers = answers.map(encode);
    this.pool = guesses.map(encode);
    let shared = DECISIONS.get(answers);
    if (!shared || shared.guesses !== guesses) DECISIONS.set(answers, (shared = { guesses, decisions: new Map() }));
    this.decisions = shared.decisions;
  }

  /** The next guess, as spaced letters, given the game's last observation. */
  next(observation: string): string {
    if (observation === START_OBSERVATION) {
      this.candidates = this.answers;
      this.history = '';
    } else {
      const p = parsePattern(observation);
      if (p === null || !this.lastGuess) throw new Error(`Wordle oracle cannot read: ${JSON.stringify(observation)}`);
      const guess = this.lastGuess;
      this.candidates = this.candidates.filter((h) => pattern(guess, h) === p);
      this.history += `${guess.word}:${p},`;
      if (this.candidates.length === 0) throw new Error('Wordle oracle: no word fits the feedback');
    }
    let guess = this.decisions.get(this.history);
    if (!guess) {
      guess = this.choose();
      this.decisions.set(this.history, guess);
    }
    this.lastGuess = guess;
    return guess.word.split('').join(' ');
  }

  private choose(): Coded {
    const cands = this.candidates;
    if (cands.length <= 2) return cands[0];
    const isCandidate = new Set(cands.map((c) => c.word));
    const buckets = new Int32Array(PATTERNS);
    let best = cands[0];
    let bestScore = Infinity;
    for (const g of this.pool) {
      buckets.fill(0);
      let score = 0;
      // Sum of squares, grown incrementally: adding one to a bucket of n adds 2n + 1.
      for (const h of cands) score += 2 * buckets[pattern(g, h)]++ + 1;
      if (score < bestScore || (score === bestScore && isCandidate.has(g.word) && !isCandidate.has(best.word))) {
        best = g;
        bestScore = score;
      }
    }
    return best;
  }
}
