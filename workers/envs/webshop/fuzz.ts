/**
 * thefuzz 0.19's `fuzz.token_set_ratio` (with python-Levenshtein), which WebShop's reward uses to
 * match attributes and options. Written out rather than taken from fuzzball so that every step
 * follows the Python: the ASCII-forcing preprocess, Python's sorted() and round-half-even.
 */

/** thefuzz's full_process(force_ascii=True): drop U+0080-U+00FF, non-word chars to spaces, lower, strip. */
export function fullProcess(s: string): string {
  return s
    .replace(/[\u0080-\u00ff]/g, '')
    .replace(/[^\p{L}\p{N}_]/gu, ' ')
    .toLowerCase()
    .trim();
}

/** Python's round(): halves go to the even neighbour. */
function roundHalfEven(x: number): number {
  const f = Math.floor(x);
  const d = x - f;
  if (d > 0.5) return f + 1;
  if (d < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

/** Length of the longest common subsequence, over code points. */
function lcs(a: readonly string[], b: readonly string[]): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  for (const ca of a) {
    const cur = new Array<number>(b.length + 1).fill(0);
    for (let j = 0; j < b.length; j++) cur[j + 1] = ca === b[j] ? prev[j] + 1 : Math.max(prev[j + 1], cur[j]);
    prev = cur;
  }
  return prev[b.length];
}

/** thefuzz's ratio: equal strings 100, an empty one 0, else the Levenshtein indel ratio in percent. */
export function ratio(s1: string, s2: string): number {
  if (s1 === s2) return 100;
  const a = Array.from(s1);
  const b = Array.from(s2);
  if (!a.length || !b.length) return 0;
  return roundHalfEven((100 * 2 * lcs(a, b)) / (a.length + b.length));
}

/** Python's sorted() order of str: by code point (JavaScript's default sort compares UTF-16 units). */
export function byCodePoint(x: string, y: string): number {
  const [a, b] = [Array.from(x, (c) => c.codePointAt(0)!), Array.from(y, (c) => c.codePointAt(0)!)];
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

export function tokenSetRatio(s1: string, s2: string): number {
  const p1 = fullProcess(s1);
  const p2 = fullProcess(s2);
  if (!p1 || !p2) return 0;
  const t1 = new Set(p1.split(/\s+/));
  const t2 = new Set(p2.split(/\s+/));
  const sect = [...t1].filter((t) => t2.has(t)).sort(byCodePoint).join(' ');
  const only = (a: Set<string>, b: Set<string>) => [...a].filter((t) => !b.has(t)).sort(byCodePoint).join(' ');
  const c1 = `${sect} ${only(t1, t2)}`.trim();
  const c2 = `${sect} ${only(t2, t1)}`.trim();
  return Math.max(ratio(sect, c1), ratio(sect, c2), ratio(c1, c2));
}
