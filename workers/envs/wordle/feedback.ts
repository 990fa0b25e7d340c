/**
 * LMRL-Gym's Wordle feedback, one letter per guessed letter: g (same letter at this position),
 * y (letter elsewhere in the hidden word), b (letter absent). Unlike NYT Wordle, repeated letters
 * are not counted: every copy of a letter the hidden word contains is g or y.
 */
export function feedback(guess: string, hidden: string): string {
  let out = '';
  for (let i = 0; i < guess.length; i++) {
    out += guess[i] === hidden[i] ? 'g' : hidden.includes(guess[i]) ? 'y' : 'b';
  }
  return out;
}

/**
 * Words of `pool` that would have given the same feedback to `guess`. Under this feedback rule that
 * is exactly the set LMRL-Gym keeps with its per-letter knowledge (here / not here / absent).
 */
export function consistent(pool: readonly string[], guess: string, fb: string): string[] {
  return pool.filter((w) => feedback(guess, w) === fb);
}

/** "gybbg" -> "g y b b g". */
export function spaced(letters: string): string {
  return letters.split('').join(' ');
}
