/**
 * filter_cells' patterns: Python `re` syntax read as a JavaScript RegExp, refusing what can
 * backtrack catastrophically. JavaScript cannot interrupt a running match, so the guard is static:
 * no back-references, no repeated group that itself holds a repeat or an alternative (`(a+)+`,
 * `(a|a)*`), at most a few unbounded repeats in all (`a*a*a*...` is polynomial of high degree).
 * Cell texts are short, so what passes runs in time polynomial of low degree in a cell's length.
 */

export class PatternError extends Error {}

const MAX_PATTERN = 1000;
const MAX_UNBOUNDED = 6;

/** Python-only syntax in JavaScript's spelling. */
function translate(source: string): { body: string; flags: string } {
  let body = source;
  let flags = '';
  const inline = /^\(\?([aiLmsux]+)\)/.exec(body);
  if (inline) {
    body = body.slice(inline[0].length);
    for (const f of inline[1]) if ('ims'.includes(f) && !flags.includes(f)) flags += f;
  }
  body = body
    .replace(/\(\?P<([A-Za-z_]\w*)>/g, '(?<$1>')
    .replace(/\\A/g, '^')
    .replace(/\\Z/g, '$(?![\\s\\S])');
  return { body, flags };
}

/** Throws PatternError for the shapes that can take exponential (or high-polynomial) time. */
function checkSafe(body: string): void {
  if (/\\[1-9]|\\k<|\(\?P=/.test(body)) throw new PatternError('back-references are not allowed');
  /** Per open group: whether it holds a repeat or an alternative. */
  const stack: boolean[] = [];
  let unbounded = 0;
  let inClass = false;
  let lastGroupRisky = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\') {
      i++;
      lastGroupRisky = false;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    const rest = body.slice(i);
    const repeat = /^(\*|\+|\{\d*,\d*\}|\{\d+\})/.exec(rest);
    if (repeat) {
      const q = repeat[0];
      const bound = /^\{(\d*),?(\d*)\}$/.exec(q);
      const many = !bound || (q.includes(',') ? bound[2] === '' || Number(bound[2]) > 1 : Number(bound[1]) > 1);
      if (many && lastGroupRisky) throw new PatternError('a repeated group may not hold a repeat or an alternative (nested quantifiers)');
      if (q === '*' || q === '+' || (bound && q.includes(',') && bound[2] === '')) unbounded++;
      if (unbounded > MAX_UNBOUNDED) throw new PatternError(`at most ${MAX_UNBOUNDED} unbounded repeats (*, +, {n,}) are allowed`);
      if (many && stack.length) stack[stack.length - 1] = true;
      i += q.length - 1;
      lastGroupRisky = false;
      continue;
    }
    lastGroupRisky = false;
    if (c === '[') inClass = true;
    else if (c === '(') stack.push(false);
    else if (c === '|' && stack.length) stack[stack.length - 1] = true;
    else if (c === ')') {
      const risky = stack.pop() ?? false;
      lastGroupRisky = risky;
      if (risky && stack.length) stack[stack.length - 1] = true;
    }
  }
}

/** A Python pattern as a RegExp for `search`, or PatternError (invalid or unsafe). */
export function compilePattern(source: string): RegExp {
  if (source.length > MAX_PATTERN) throw new PatternError(`pattern longer than ${MAX_PATTERN} characters`);
  const { body, flags } = translate(source);
  checkSafe(body);
  try {
    return new RegExp(body, flags);
  } catch (e) {
    throw new PatternError((e as Error).message.replace(/^Invalid regular expression: /, ''));
  }
}
