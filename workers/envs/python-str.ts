/**
 * Python's `str.strip()` with no argument: it strips what `str.isspace()` calls whitespace, which
 * is not JavaScript's `trim()` set (Python adds \x1c-\x1f and \x85; JavaScript adds \ufeff).
 * AgentGym's clients and servers strip actions this way, so an exact port needs the same set.
 */
const PY_SPACE = '[\\t-\\r\\x1c- \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const EDGES = new RegExp(`^${PY_SPACE}+|${PY_SPACE}+$`, 'g');

export function pyStrip(s: string): string {
  return s.replace(EDGES, '');
}
