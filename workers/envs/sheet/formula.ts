/**
 * Sheet formulas: the calls AgentGym's tools write (`=SUM(C2:G2)`, `=PRODUCT(C2,D2)`), parsed into
 * references to cells, evaluated as Google Sheets does, and moved when rows or columns are inserted,
 * deleted or sorted, so a formula keeps pointing at its cells (or becomes #REF! when they go).
 */

export const OPERATORS = ['SUM', 'AVERAGE', 'COUNT', 'MAX', 'MIN', 'MINUS', 'PRODUCT'] as const;
export type Operator = (typeof OPERATORS)[number];

/** A rectangle of cells, 0-based and inclusive; null once its cells were deleted (#REF!). */
export type Ref = { r1: number; c1: number; r2: number; c2: number } | null;
export type Arg = { ref: Ref } | { number: number };

export interface Formula {
  op: Operator;
  args: Arg[];
}

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

function refText(ref: Ref): string {
  if (!ref) return '#REF!';
  const from = a1(ref.r1, ref.c1);
  return ref.r1 === ref.r2 && ref.c1 === ref.c2 ? from : `${from}:${a1(ref.r2, ref.c2)}`;
}

export function formulaText(f: Formula): string {
  return `=${f.op}(${f.args.map((a) => ('number' in a ? String(a.number) : refText(a.ref))).join(',')})`;
}

/**
 * Reads `=OP(arg, ...)` with OP one of AgentGym's operators and each argument a cell, a range or a
 * number; null for anything else (a formula this engine does not compute).
 */
export function parseFormula(text: string): Formula | null {
  const m = /^=\s*([A-Za-z]+)\s*\((.*)\)\s*$/.exec(text);
  if (!m) return null;
  const op = m[1].toUpperCase() as Operator;
  if (!OPERATORS.includes(op)) return null;
  const parts = m[2].trim() === '' ? [] : m[2].split(',').map((p) => p.trim());
  const args: Arg[] = [];
  for (const p of parts) {
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(p)) {
      args.push({ number: Number(p) });
      continue;
    }
    const ends = p.split(':');
    if (ends.length > 2) return null;
    const cells = ends.map((e) => parseA1(e.replace(/\$/g, '')));
    if (cells.some((c) => c === null)) return null;
    const [a, b] = [cells[0]!, cells.at(-1)!];
    args.push({ ref: { r1: Math.min(a[0], b[0]), c1: Math.min(a[1], b[1]), r2: Math.max(a[0], b[0]), c2: Math.max(a[1], b[1]) } });
  }
  return { op, args };
}

/**
 * Sheets' functions over the argument values (`cells` gives each reference's cells, row by row).
 * Text and empty cells in references are skipped, as Sheets does; an error in a cell propagates.
 */
export function evaluate(f: Formula, cells: (ref: NonNullable<Ref>) => Operand[]): FormulaValue {
  const lists: Operand[][] = [];
  for (const a of f.args) {
    if ('number' in a) lists.push([a.number]);
    else if (!a.ref) return '#REF!';
    else lists.push(cells(a.ref));
  }
  for (const list of lists) for (const v of list) if (v !== null && typeof v === 'object') return v.error as FormulaValue;
  if (f.op === 'MINUS') {
    if (lists.length !== 2) return '#N/A';
    if (lists.some((l) => l.length !== 1 || typeof l[0] === 'string')) return '#VALUE!';
    return Number(lists[0][0] ?? 0) - Number(lists[1][0] ?? 0);
  }
  const numbers = lists.flat().filter((v): v is number => typeof v === 'number');
  switch (f.op) {
    case 'SUM':
      return numbers.reduce((s, x) => s + x, 0);
    case 'AVERAGE':
      return numbers.length ? numbers.reduce((s, x) => s + x, 0) / numbers.length : '#DIV/0!';
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

/** Moves a formula's references: `move` maps a row (or column) index to its new one, or null if deleted. */
export function moveRefs(f: Formula, axis: 'row' | 'col', move: (i: number) => number | null): Formula {
  const args = f.args.map((a): Arg => {
    if ('number' in a || !a.ref) return a;
    const [lo, hi] = axis === 'row' ? [a.ref.r1, a.ref.r2] : [a.ref.c1, a.ref.c2];
    // A range keeps the cells of it that survive: its new ends are the first and last that remain.
    const kept: number[] = [];
    for (let i = lo; i <= hi; i++) {
      const to = move(i);
      if (to !== null) kept.push(to);
    }
    if (kept.length === 0) return { ref: null };
    const [from, to] = [Math.min(...kept), Math.max(...kept)];
    return { ref: axis === 'row' ? { ...a.ref, r1: from, r2: to } : { ...a.ref, c1: from, c2: to } };
  });
  return { op: f.op, args };
}

/** Shifts every row reference by `delta` (a formula moved with its row, as a sort moves it). */
export function shiftRows(f: Formula, delta: number): Formula {
  return { op: f.op, args: f.args.map((a) => ('number' in a || !a.ref ? a : { ref: { ...a.ref, r1: a.ref.r1 + delta, r2: a.ref.r2 + delta } })) };
}
