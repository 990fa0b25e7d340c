/**
 * A reader for Python literals: what AgentGym's tool servers accept when they `eval` an action
 * input (`{'name': 'Paris'}`, `{"answer": True}`, `{"answer": [1.5, 2]}`), without evaluating
 * anything. Expressions (`1 + 2`, calls, names) are rejected, where Python's eval would compute
 * them; no sensible action input needs them. The one call read is `re.compile('...')` (the servers'
 * eval sees the `re` module, and Sheet's filter_cells takes a pattern). With `json: true` it also reads JSON's true, false
 * and null, for AgentGym's data files (a JSON reader would lose the int/float distinction).
 */
import { PyPattern, type PyValue } from './py.ts';

export class LiteralError extends Error {}

/** Longest input read; a bound on work for untrusted text. */
const MAX_LENGTH = 100_000;
const MAX_DEPTH = 100;

export function parseLiteral(text: string, options: { json?: boolean } = {}): PyValue {
  if (text.length > MAX_LENGTH) throw new LiteralError('input too long');
  const r = new Reader(text, options.json === true);
  const v = r.value(0);
  r.space();
  if (r.i < text.length) r.fail('unexpected text after the value');
  return v;
}

const NAMES: Record<string, PyValue> = { True: true, False: false, None: null };
const JSON_NAMES: Record<string, PyValue> = { true: true, false: false, null: null };
const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '\n': '', a: '\x07', b: '\b', f: '\f', v: '\v', '0': '\0' };

class Reader {
  i = 0;
  constructor(readonly s: string, readonly json: boolean) {}

  fail(why: string): never {
    throw new LiteralError(`${why} at ${this.i}`);
  }

  space(): void {
    while (this.i < this.s.length && /[ \t\n\r\f\v]/.test(this.s[this.i])) this.i++;
  }

  value(depth: number): PyValue {
    if (depth > MAX_DEPTH) this.fail('nesting too deep');
    this.space();
    const c = this.s[this.i];
    if (c === '{') return this.dict(depth);
    if (c === '[') return this.seq(']', depth);
    if (c === '(') return this.seq(')', depth);
    if (c === '"' || c === "'" || ((c === 'r' || c === 'R' || c === 'u' || c === 'U') && /['"]/.test(this.s[this.i + 1] ?? ''))) return this.strings();
    if (c === '-' || c === '+') {
      this.i++;
      const v = this.value(depth + 1);
      if (typeof v === 'bigint') return c === '-' ? -v : v;
      if (typeof v === 'number') return c === '-' ? -v : v;
      if (typeof v === 'boolean') return c === '-' ? -BigInt(v) : BigInt(v);
      this.fail('bad operand for unary sign');
    }
    if (c !== undefined && /[0-9.]/.test(c)) return this.number();
    if (/^re\.compile\s*\(/.test(this.s.slice(this.i, this.i + 64))) return this.pattern();
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.s.slice(this.i, this.i + 64));
    if (m) {
      const table = this.json ? { ...NAMES, ...JSON_NAMES } : NAMES;
      if (Object.hasOwn(table, m[0])) {
        this.i += m[0].length;
        return table[m[0]];
      }
      this.fail(`name '${m[0]}' is not a literal`);
    }
    this.fail('expected a value');
  }

  dict(depth: number): PyValue {
    this.i++;
    const out = new Map<string, PyValue>();
    for (;;) {
      this.space();
      if (this.s[this.i] === '}') {
        this.i++;
        return out;
      }
      const key = this.value(depth + 1);
      if (typeof key !== 'string') this.fail('only string keys are supported');
      this.space();
      if (this.s[this.i] !== ':') this.fail("expected ':'");
      this.i++;
      out.set(key, this.value(depth + 1));
      this.space();
      if (this.s[this.i] === ',') this.i++;
      else if (this.s[this.i] !== '}') this.fail("expected ',' or '}'");
    }
  }

  seq(close: string, depth: number): PyValue {
    this.i++;
    const out: PyValue[] = [];
    for (;;) {
      this.space();
      if (this.s[this.i] === close) {
        this.i++;
        return out;
      }
      out.push(this.value(depth + 1));
      this.space();
      if (this.s[this.i] === ',') this.i++;
      else if (this.s[this.i] !== close) this.fail(`expected ',' or '${close}'`);
    }
  }

  /** `re.compile('<pattern>')`, the one call an input may hold (a pattern for Sheet's filter_cells). */
  pattern(): PyValue {
    this.i = this.s.indexOf('(', this.i) + 1;
    this.space();
    const c = this.s[this.i];
    if (!(c === '"' || c === "'" || /[rRuU]/.test(c ?? ''))) this.fail('re.compile takes a string');
    const source = this.strings();
    this.space();
    if (this.s[this.i] === ',') this.i++;
    this.space();
    if (this.s[this.i] !== ')') this.fail('re.compile takes one string (no flags)');
    this.i++;
    return new PyPattern(source);
  }

  /** Adjacent string literals concatenate, as in Python. */
  strings(): string {
    let out = this.string();
    for (;;) {
      const save = this.i;
      this.space();
      const c = this.s[this.i];
      if (c === '"' || c === "'") out += this.string();
      else {
        this.i = save;
        return out;
      }
    }
  }

  string(): string {
    let raw = false;
    if (/[rRuU]/.test(this.s[this.i])) {
      raw = /[rR]/.test(this.s[this.i]);
      this.i++;
    }
    const q = this.s[this.i];
    const triple = this.s.startsWith(q.repeat(3), this.i);
    this.i += triple ? 3 : 1;
    let out = '';
    for (;;) {
      if (this.i >= this.s.length) this.fail('unterminated string');
      const c = this.s[this.i];
      if (triple ? this.s.startsWith(q.repeat(3), this.i) : c === q) {
        this.i += triple ? 3 : 1;
        return out;
      }
      if (c === '\n' && !triple) this.fail('line break in string');
      if (c === '\\') {
        const e = this.s[this.i + 1] ?? '';
        if (raw) {
          out += c + e;
          this.i += 2;
          continue;
        }
        this.i += 2;
        if (Object.hasOwn(ESCAPES, e)) out += ESCAPES[e];
        else if (e === 'x' || e === 'u' || e === 'U') out += this.hexEscape(e === 'x' ? 2 : e === 'u' ? 4 : 8);
        else out += '\\' + e;
        continue;
      }
      out += c;
      this.i++;
    }
  }

  hexEscape(n: number): string {
    const hex = this.s.slice(this.i, this.i + n);
    if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(hex)) this.fail('bad escape');
    this.i += n;
    const code = parseInt(hex, 16);
    if (code > 0x10ffff) this.fail('bad escape');
    return String.fromCodePoint(code);
  }

  number(): PyValue {
    const m = /^(?:(\d[\d_]*)?(\.\d*)?([eE][+-]?\d+)?)/.exec(this.s.slice(this.i, this.i + 400))!;
    const text = m[0];
    if (text === '' || text === '.' || (m[1] === undefined && m[2] === '.')) this.fail('bad number');
    this.i += text.length;
    const clean = text.replace(/_/g, '');
    if (m[2] === undefined && m[3] === undefined) {
      if (/^0\d/.test(clean) && /[1-9]/.test(clean)) this.fail('leading zeros in an int');
      return BigInt(clean);
    }
    return Number(clean);
  }
}
