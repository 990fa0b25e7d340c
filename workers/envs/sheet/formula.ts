/**
 * Sheet formulas: the calls AgentGym's tools write (`=SUM(C2:G2)`, `=PRODUCT(C2,D2)`) and the
 * arithmetic a person may type into a cell (`=C2*D2-1`), parsed into a tree of references to cells,
 * evaluated as Google Sheets does, and moved when rows or columns are inserted, deleted or sorted,
 * so a formula keeps pointing at its cells (or shows #REF! when they go).
 */

export const OPERATORS = ['SUM', 'AVERAGE', 'COUNT', 'MAX', 'MIN', 'MINUS', 'PRODUCT'] as const;
export type Operator = (typeof OPERATORS)[number];

/** A rectangle of cells, 0-based and inclusive; null once its cells were deleted (#REF!). */
export type Ref = { r1: number; c1: number; r2: number; c2: number } | null;

export type Formula =
  | { kind: 'number'; value: number }
  | { kind: 'ref'; ref: Ref }
  | { kind: 'call'; op: Operator; args: Formula[] }
  | { kind: 'binary'; op: '+' | '-' | '*' | '/' | '^'; left: Formula; right: Formula }
  | { kind: 'negate'; arg: Formula };

/** A formula's value: a number or an error code as Sheets displays it. */
export type FormulaValue = number | `#${string}`;

/** A cell's content as formulas read it: a number, text, empty, or an error. */
export type Operand = number | string | null | { error: string };

/** "B3" -> [2, 1] (0-based), for the letters and row number of an A1 address; null if it is none. */
export function parseA1(a1: string): [number, number] | null {
  const m = /^([A-Za-z]{1,3})([1-9]\d{0,6})$/.exec(a1);
  if (!m) return null;
  const col = [...m[1].toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return [Number(m[2]) - 1, col];
}

export function columnName(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function a1(row: number, col: number): string {
  return `${columnName(col)}${row + 1}`;
}

const TOKEN = /\s*(\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+|\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?|[A-Za-z_][A-Za-z0-9_.]*(?=\s*\()|[-+*/^(),])/y;

/**
 * Reads a formula text (`=...`); '#NAME?' for a function other than AgentGym's seven, '#ERROR!'
 * for anything else it cannot read, as Sheets shows them.
 */
export function parseFormula(text: string): Formula | '#NAME?' | '#ERROR!' {
  const tokens: string[] = [];
  const body = text.replace(/^=/, '');
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < body.length) {
    if (/^\s*$/.test(body.slice(TOKEN.lastIndex))) break;
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(body);
    if (!m || m.index !== at) return '#ERROR!';
    tokens.push(m[1]);
  }
  let i = 0;
  let unknownName = false;
  const peek = () => tokens[i];
  const fail = (): never => {
    throw new SyntaxError();
  };
  const expect = (t: string) => (tokens[i] === t ? i++ : fail());
  const expr = (): Formula => {
    let left = term();
    while (peek() === '+' || peek() === '-') left = { kind: 'binary', op: tokens[i++] as '+' | '-', left, right: term() };
    return left;
  };
  const term = (): Formula => {
    let left = power();
    while (peek() === '*' || peek() === '/') left = { kind: 'binary', op: tokens[i++] as '*' | '/', left, right: power() };
    return left;
  };
  const power = (): Formula => {
    let left = unary();
    while (peek() === '^') left = { kind: 'binary', op: tokens[i++] as '^', left, right: unary() };
    return left;
  };
  const unary = (): Formula => {
    if (peek() === '-') return i++, { kind: 'negate', arg: unary() };
    if (peek() === '+') return i++, unary();
    return primary();
  };
  const primary = (): Formula => {
    const t = tokens[i++] ?? fail();
    if (t === '(') {
      const inner = expr();
      expect(')');
      return inner;
    }
    if (/^(\d|\.)/.test(t)) return { kind: 'number', value: Number(t) };
    if (tokens[i] === '(') {
      i++;
      const op = t.toUpperCase() as Operator;
      if (!OPERATORS.includes(op)) unknownName = true;
      const args: Formula[] = [];
      if (peek() !== ')')
        for (;;) {
          args.push(expr());
          if (peek() !== ',') break;
          i++;
        }
      expect(')');
      return { kind: 'call', op, args };
    }
    const ends = t.replace(/\$/g, '').split(':').map(parseA1);
    if (ends.some((e) => e === null)) fail();
    const [a, b] = [ends[0]!, ends.at(-1)!];
    return { kind: 'ref', ref: { r1: Math.min(a[0], b[0]), c1: Math.min(a[1], b[1]), r2: Math.max(a[0], b[0]), c2: Math.max(a[1], b[1]) } };
  };
  try {
    const f = expr();
    if (i !== tokens.length) return '#ERROR!';
    return unknownName ? '#NAME?' : f;
  } catch (e) {
    if (e instanceof SyntaxError) return '#ERROR!';
    throw e;
  }
}

const isError = (v: Operand): v is { error: string } => v !== null && typeof v === 'object';

/** Cells as one value, as arithmetic reads them: a range is #VALUE!, empty is 0, text is #VALUE!. */
function scalar(f: Formula, cells: (ref: NonNullable<Ref>) => Operand[]): FormulaValue {
  if (f.kind === 'ref') {
    if (!f.ref) return '#REF!';
    if (f.ref.r1 !== f.ref.r2 || f.ref.c1 !== f.ref.c2) return '#VALUE!';
    const v = cells(f.ref)[0] ?? null;
    if (isError(v)) return v.error as FormulaValue;
    if (typeof v === 'string') return v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : '#VALUE!';
    return v ?? 0;
  }
  return evaluate(f, cells);
}

/**
 * Sheets' value of a formula (`cells` gives each reference's cells, row by row). Functions skip
 * text and empty cells of their references, as Sheets does; an error in a cell propagates.
 */
export function evaluate(f: Formula, cells: (ref: NonNullable<Ref>) => Operand[]): FormulaValue {
  switch (f.kind) {
    case 'number':
      return f.value;
    case 'ref':
      return scalar(f, cells);
    case 'negate': {
      const v = scalar(f.arg, cells);
      return typeof v === 'number' ? -v : v;
    }
    case 'binary': {
      const [l, r] = [scalar(f.left, cells), scalar(f.right, cells)];
      if (typeof l !== 'number') return l;
      if (typeof r !== 'number') return r;
      if (f.op === '/' && r === 0) return '#DIV/0!';
      const v = f.op === '+' ? l + r : f.op === '-' ? l - r : f.op === '*' ? l * r : f.op === '/' ? l / r : l ** r;
      return Number.isFinite(v) ? v : '#NUM!';
    }
    case 'call':
      return call(f.op, f.args, cells);
  }
}

function call(op: Operator, args: Formula[], cells: (ref: NonNullable<Ref>) => Operand[]): FormulaValue {
  if (op === 'MINUS') {
    if (args.length !== 2) return '#N/A';
    const [a, b] = args.map((x) => scalar(x, cells));
    if (typeof a !== 'number') return a;
    if (typeof b !== 'number') return b;
    return a - b;
  }
  const numbers: number[] = [];
  for (const a of args) {
    if (a.kind === 'ref') {
      if (!a.ref) return '#REF!';
      for (const v of cells(a.ref)) {
        if (isError(v)) return v.error as FormulaValue;
        if (typeof v === 'number') numbers.push(v);
      }
    } else {
      const v = evaluate(a, cells);
      if (typeof v !== 'number') return v;
      numbers.push(v);
    }
  }
  const total = () => numbers.reduce((s, x) => s + x, 0);
  switch (op) {
    case 'SUM':
      return total();
    case 'AVERAGE':
      return numbers.length ? total() / numbers.length : '#DIV/0!';
    case 'COUNT':
      return numbers.length;
    case 'MAX':
      return numbers.length ? Math.max(...numbers) : 0;
    case 'MIN':
      return numbers.length ? Math.min(...numbers) : 0;
    case 'PRODUCT':
      return numbers.length ? numbers.reduce((s, x) => s * x, 1) : 0;
  }
}

/** The formula with `change` applied to each of its references. */
function mapRefs(f: Formula, change: (ref: NonNullable<Ref>) => Ref): Formula {
  switch (f.kind) {
    case 'number':
      return f;
    case 'ref':
      return f.ref ? { kind: 'ref', ref: change(f.ref) } : f;
    case 'negate':
      return { kind: 'negate', arg: mapRefs(f.arg, change) };
    case 'binary':
      return { ...f, left: mapRefs(f.left, change), right: mapRefs(f.right, change) };
    case 'call':
      return { ...f, args: f.args.map((a) => mapRefs(a, change)) };
  }
}

/** Moves a formula's references: `move` maps a row (or column) index to its new one, or null if deleted. */
export function moveRefs(f: Formula, axis: 'row' | 'col', move: (i: number) => number | null): Formula {
  return mapRefs(f, (ref) => {
    const [lo, hi] = axis === 'row' ? [ref.r1, ref.r2] : [ref.c1, ref.c2];
    // A range keeps the cells of it that survive: its new ends are the first and last that remain.
    const kept: number[] = [];
    for (let i = lo; i <= hi; i++) {
      const to = move(i);
      if (to !== null) kept.push(to);
    }
    if (kept.length === 0) return null;
    const [from, to] = [Math.min(...kept), Math.max(...kept)];
    return axis === 'row' ? { ...ref, r1: from, r2: to } : { ...ref, c1: from, c2: to };
  });
}

/** Shifts every row reference by `delta` (a formula moved with its row, as a sort moves it). */
export function shiftRows(f: Formula, delta: number): Formula {
  return mapRefs(f, (ref) => ({ ...ref, r1: ref.r1 + delta, r2: ref.r2 + delta }));
}

/**
 * The reference whose format a formula's result takes under Sheets' automatic format: the first
 * one read by a SUM, AVERAGE, MAX, MIN or MINUS at the top (a sum of 0.0 cells shows 444.0); none
 * for COUNT, PRODUCT and arithmetic (AgentGym's answers show PRODUCT results unformatted).
 */
export function formatSource(f: Formula): NonNullable<Ref> | null {
  if (f.kind !== 'call' || f.op === 'COUNT' || f.op === 'PRODUCT') return null;
  for (const a of f.args) if (a.kind === 'ref' && a.ref) return a.ref;
  return null;
}
