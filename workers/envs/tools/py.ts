/**
 * Python values as AgentGym's tool servers see them. The servers `eval` the action input, compare
 * subgoals with Python `==` and print results with `str()`, so three Python behaviours matter:
 * int and float are different types that print differently (`26` vs `26.0`) but compare equal
 * numerically; `==` is type-strict otherwise (`2 != '2'`); and dicts keep insertion order.
 *
 * Representation: int = bigint, float = number, str = string, bool, None = null, list = array,
 * dict = Map with string keys (every dict in these envs has string keys). Tuples are read as lists.
 */
import { pyReprStr } from '../python-str.ts';
export type PyValue = null | boolean | bigint | number | string | PyValue[] | PyDict | PyPattern;
export type PyDict = Map<string, PyValue>;

/**
 * `re.compile(pattern)`: AgentGym evals action inputs in a module that imports `re`, so an input
 * may hold a compiled pattern (Sheet's filter_cells takes one). Kept as its source text; the tool
 * that uses it compiles it.
 */
export class PyPattern {
  constructor(readonly source: string) {}
}

/** A Python exception raised inside a tool, printed by the server as `Type(message)`. */
export class PyError extends Error {
  constructor(readonly pyType: string, readonly pyMessage: string) {
    super(`${pyType}(${pyMessage})`);
  }
}

export function isDict(v: PyValue): v is PyDict {
  return v instanceof Map;
}

/** Build a dict from entries, keeping their order. */
export function dict(entries: Record<string, PyValue>): PyDict {
  return new Map(Object.entries(entries));
}

export const int = (n: number): bigint => BigInt(Math.trunc(n));

/** Python's `type(v).__name__`. */
export function typeName(v: PyValue): string {
  if (v === null) return 'NoneType';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'bigint') return 'int';
  if (typeof v === 'number') return 'float';
  if (typeof v === 'string') return 'str';
  if (v instanceof PyPattern) return 'Pattern';
  return Array.isArray(v) ? 'list' : 'dict';
}

/** Python `a == b`. bool, int and float compare as numbers; everything else by type and value. */
export function pyEquals(a: PyValue, b: PyValue): boolean {
  const na = numeric(a);
  const nb = numeric(b);
  if (na !== null || nb !== null) {
    if (na === null || nb === null) return false;
    if (typeof na === 'bigint' && typeof nb === 'bigint') return na === nb;
    return Number(na) === Number(nb);
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => pyEquals(x, b[i]));
  }
  if (a instanceof PyPattern || b instanceof PyPattern) return a instanceof PyPattern && b instanceof PyPattern && a.source === b.source;
  if (!isDict(a) || !isDict(b)) return a === b;
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (!b.has(k) || !pyEquals(v, b.get(k)!)) return false;
  return true;
}

function numeric(v: PyValue): bigint | number | null {
  if (typeof v === 'boolean') return v ? 1n : 0n;
  return typeof v === 'bigint' || typeof v === 'number' ? v : null;
}

/** Python `repr(v)`. */
export function pyRepr(v: PyValue): string {
  if (v === null) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return floatRepr(v);
  if (typeof v === 'string') return pyReprStr(v);
  if (Array.isArray(v)) return `[${v.map(pyRepr).join(', ')}]`;
  if (v instanceof PyPattern) return `re.compile(${pyReprStr(v.source)})`;
  return `{${[...v].map(([k, x]) => `${pyReprStr(k)}: ${pyRepr(x)}`).join(', ')}}`;
}

/** Python `str(v)`: strings as they are, everything else as repr. */
export function pyStr(v: PyValue): string {
  return typeof v === 'string' ? v : pyRepr(v);
}

/** Python's float repr: shortest round-trip digits (as JS), exponent form outside [1e-4, 1e16). */
export function floatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const abs = Math.abs(x);
  if (abs >= 1e16 || abs < 1e-4) {
    const [mant, exp] = x.toExponential().split('e');
    const e = Number(exp);
    return `${mant}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  // toString never uses exponents in this range (JS switches at 1e21 and 1e-7).
  const s = x.toString();
  return s.includes('.') ? s : `${s}.0`;
}


/** Python `sorted(list)` for the value kinds answers hold: numbers, strings, lists of them (compared item by item). */
export function pySorted(list: PyValue[]): PyValue[] {
  // Python's sort first compares the second item with the first: its error names them in that order.
  for (const x of list.slice(1)) pyCompare(x, list[0]);
  return [...list].sort(pyCompare);
}

/** Python's `a < b` as a comparator; a TypeError for kinds Python cannot order (dicts, str with int). */
function pyCompare(a: PyValue, b: PyValue): number {
  const [x, y] = [numeric(a), numeric(b)];
  if (x !== null && y !== null) return Number(x) - Number(y);
  if (typeof a === 'string' && typeof b === 'string') return cmpCodePoints(a, b);
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      // Python compares the first unequal items.
      if (!pyEquals(a[i], b[i])) return pyCompare(a[i], b[i]);
    }
    return a.length - b.length;
  }
  throw new PyError('TypeError', `'<' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`);
}

function cmpCodePoints(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i].codePointAt(0)! - y[i].codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/** A float from any Python number (bool, int, float); null for other values. */
export function asFloat(v: PyValue): number | null {
  const n = numeric(v);
  return n === null ? null : Number(n);
}
