/**
 * The bits of Python that Sheet's tools run on their inputs (Toolusage's sheets_tools.py): int(),
 * float() of numeric-looking values, iteration, and the repr of the exceptions they raise, since a
 * failed sheet tool returns `repr(error)` as its result.
 */
import { PyPattern, pyRepr, typeName, type PyValue } from '../tools/py.ts';

/** A failed tool call: `(False, repr(error))`. */
export class ToolFailure extends Error {
  constructor(readonly text: string) {
    super(text);
  }
}

/** `repr(SomeError(message))`. */
export function raised(type: string, message: string): ToolFailure {
  return new ToolFailure(`${type}(${pyRepr(message)})`);
}

const FLOAT = /^[+-]?(?:(?:\d(?:_?\d)*)?\.\d(?:_?\d)*|\d(?:_?\d)*\.?)(?:[eE][+-]?\d(?:_?\d)*)?$/;
const SPECIAL = /^[+-]?(?:inf|infinity|nan)$/i;

/** Python `int(v)` for the values an action input holds. */
export function pyInt(v: PyValue): number {
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw raised(Number.isNaN(v) ? 'ValueError' : 'OverflowError', Number.isNaN(v) ? 'cannot convert float NaN to integer' : 'cannot convert float infinity to integer');
    return Math.trunc(v);
  }
  if (typeof v === 'string') {
    const s = v.trim();
    if (/^[+-]?\d(?:_?\d)*$/.test(s)) return Number(s.replace(/_/g, ''));
    throw raised('ValueError', `invalid literal for int() with base 10: ${pyRepr(v)}`);
  }
  throw raised('TypeError', `int() argument must be a string, a bytes-like object or a real number, not '${typeName(v)}'`);
}

/**
 * `convert_value_to_float`: a value that `float()` reads becomes a float, other strings stay; a
 * value float() refuses with TypeError (None, a list) raises, as is_numeric only catches ValueError.
 */
export function toCellValue(v: PyValue): number | string {
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    const s = v.trim();
    if (FLOAT.test(s)) return Number(s.replace(/_/g, ''));
    if (SPECIAL.test(s)) return Number(s.replace(/infinity/i, 'Infinity').replace(/inf$/i, 'Infinity').replace(/nan/i, 'NaN'));
    return v;
  }
  throw raised('TypeError', `float() argument must be a string or a real number, not '${typeName(v)}'`);
}

/** Python `for x in v`. */
export function pyIter(v: PyValue): PyValue[] {
  if (Array.isArray(v)) return v;
  if (typeof v === 'string') return [...v];
  if (v instanceof Map) return [...v.keys()];
  throw raised('TypeError', `'${v instanceof PyPattern ? 're.Pattern' : typeName(v)}' object is not iterable`);
}

/** `convert_range_to_float`: every row iterated, every value converted. */
export function toCellRows(v: PyValue): (number | string)[][] {
  return pyIter(v).map((row) => pyIter(row).map(toCellValue));
}

/** gspread passes an index on as `index - 1`: a str raises there; a float is sent as it is. */
export function apiIndex(v: PyValue): number {
  if (typeof v === 'string') throw raised('TypeError', "unsupported operand type(s) for -: 'str' and 'int'");
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') return v;
  throw raised('TypeError', `unsupported operand type(s) for -: '${typeName(v)}' and 'int'`);
}
