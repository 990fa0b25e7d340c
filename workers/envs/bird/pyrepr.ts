/**
 * Python's `str()` of a query result, as AgentGym shows it: a list of tuples such as
 * `[('Alameda', 3), (None, 1.0)]`, cut to 100 characters (code points) with "..." appended.
 * Values come from sql.js with `useBigInt`, so INTEGER columns arrive as bigint and REAL as number,
 * which is what tells Python's `3` from `3.0`.
 */
import { pyReprStr } from '../python-str.ts';
import type { CellValue } from './rows.ts';

/** AgentGym's observation cut: longer results are trimmed to 100 code points plus "...". */
export const SHOWN_CHARS = 100;

export function cutText(text: string, limit = SHOWN_CHARS): string {
  // Cheap test first: UTF-16 length >= code point count.
  if (text.length <= limit) return text;
  const points = Array.from(text);
  return points.length > limit ? points.slice(0, limit).join('') + '...' : text;
}

/** `str(rows)` cut as AgentGym cuts it; stops building once the cut is certain. */
export function showRows(rows: readonly (readonly CellValue[])[], limit = SHOWN_CHARS): string {
  let out = '[';
  for (let i = 0; i < rows.length; i++) {
    // Beyond 2 * limit UTF-16 units the cut is sure (a code point is at most 2 units).
    if (out.length > 2 * limit) return cutText(out, limit);
    out += (i ? ', ' : '') + reprTuple(rows[i]);
  }
  return cutText(out + ']', limit);
}

export function reprTuple(row: readonly CellValue[]): string {
  return `(${row.map(reprValue).join(', ')}${row.length === 1 ? ',' : ''})`;
}

export function reprValue(v: CellValue): string {
  if (v === null) return 'None';
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return reprFloat(v);
  if (typeof v === 'string') return pyReprStr(v);
  return reprBytes(v);
}

/** Python's repr(float): shortest round-trip digits, scientific below 1e-4 and from 1e16. */
export function reprFloat(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mantissa, expText] = Math.abs(x).toExponential().split('e');
  const exp = Number(expText);
  const digits = mantissa.replace('.', '');
  const sign = x < 0 ? '-' : '';
  if (exp < -4 || exp >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  const whole = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
  const frac = digits.slice(exp + 1);
  return `${sign}${whole}.${frac || '0'}`;
}

/** Python's repr(bytes): b'...' with printable ASCII as is, everything else as \xNN. */
export function reprBytes(b: Uint8Array): string {
  const hasSingle = b.includes(0x27);
  const quote = hasSingle && !b.includes(0x22) ? '"' : "'";
  let out = 'b' + quote;
  for (const byte of b) {
    const ch = String.fromCharCode(byte);
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (byte < 0x20 || byte >= 0x7f) out += `\\x${byte.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return out + quote;
}
