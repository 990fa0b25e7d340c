/** Python's text helpers that exact ports need: `str.strip()` and `repr(str)`. */

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

// Characters Python's str.isprintable() rejects (besides the space, which is printable).
const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

function hex(code: number, width: number): string {
  return code.toString(16).padStart(width, '0');
}

/** Python's repr(str): single quotes unless the text has ' and no ", escapes as Python's. */
export function pyReprStr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch !== ' ' && NON_PRINTABLE.test(ch)) out += code < 0x100 ? `\\x${hex(code, 2)}` : code < 0x10000 ? `\\u${hex(code, 4)}` : `\\U${hex(code, 8)}`;
    else out += ch;
  }
  return out + quote;
}
