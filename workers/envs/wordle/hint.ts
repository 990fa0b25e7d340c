/**
 * Why a Wordle guess was invalid, for people (step info.hint). The agent sees only AgentGym's
 * "invalid word"; the hint explains the rule behind it, e.g. that capitals are not letters there.
 */
const LETTERS = /^[a-z]+$/;

/** `word`: the guess as the game read it (stripped, spaces removed). */
export function invalidGuessHint(word: string, allowed: ReadonlySet<string>): string {
  const length = Array.from(word).length;
  if (length !== 5) return `A guess is five letters (spaces between them are optional); this one has ${length} characters.`;
  const lower = word.toLowerCase();
  if (!LETTERS.test(lower)) return 'A guess may contain only the letters a-z.';
  if (lower !== word) {
    return allowed.has(lower)
      ? `The game reads lower-case letters only: "${lower.split('').join(' ')}" is a valid guess, "${word}" is not.`
      : `The game reads lower-case letters only, and "${lower}" is not in its word list either.`;
  }
  return `"${word}" is not in the game's word list.`;
}
