/**
 * One worksheet as Google Sheets keeps it: a grid (1000 rows x 26 columns unless the data is
 * larger, as Sheets imports an xlsx) of cells with a value or a formula, a number format and a
 * note; merged ranges; frozen rows and columns. Formulas are evaluated whenever a value is read,
 * so they always reflect their inputs.
 */
import { displayed, type CellValue, type NumberFormat } from './display.ts';
import { a1, evaluate, formatSource, moveRefs, shiftRows, type Formula, type FormulaValue, type Operand } from './formula.ts';
import { cellIndex, trimEmpty, type WorksheetData } from './workbook.ts';

export interface Cell {
  value: CellValue;
  formula?: Formula;
  /** Index into the workbook's formats. */
  format: number;
  note?: string;
}

/** A rectangle, 0-based, inclusive. */
export interface Rect {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

/** An error Google's API would answer with; the tools report it as a failed call. */
export class SheetApiError extends Error {}

const MIN_ROWS = 1000;
const MIN_COLS = 26;

export function rectOf(range: string): Rect {
  const [from, to] = range.split(':').map(cellIndex);
  return { r1: from[0], c1: from[1], r2: (to ?? from)[0], c2: (to ?? from)[1] };
}

const inside = (r: Rect, row: number, col: number) => row >= r.r1 && row <= r.r2 && col >= r.c1 && col <= r.c2;
const overlaps = (a: Rect, b: Rect) => a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;

export class Worksheet {
  rowCount: number;
  colCount: number;
  frozenRows = 0;
  frozenCols = 0;
  merges: Rect[];
  /** Stored rows (the grid beyond them is empty, in the General format). */
  private rows: Cell[][];

  constructor(
    readonly name: string,
    readonly id: number,
    data: WorksheetData,
    private readonly formats: readonly NumberFormat[],
  ) {
    this.rows = data.values.map((row, r) => row.map((value, c) => ({ value, format: Number(data.formats[r][c]) })));
    for (const [at, note] of Object.entries(data.notes)) this.cellAt(...cellIndex(at)).note = note;
    this.merges = data.merges.map(rectOf);
    this.rowCount = Math.max(MIN_ROWS, this.rows.length);
    this.colCount = Math.max(MIN_COLS, ...this.rows.map((r) => r.length));
  }

  private general(): number {
    return Math.max(0, this.formats.indexOf('General'));
  }

  /** The stored cell, created (empty, General) if need be. */
  private cellAt(row: number, col: number): Cell {
    while (this.rows.length <= row) this.rows.push([]);
    const r = this.rows[row];
    while (r.length <= col) r.push({ value: null, format: this.general() });
    return r[col];
  }

  peek(row: number, col: number): Cell | undefined {
    return this.rows[row]?.[col];
  }

  checkInGrid(r: Rect): void {
    if (r.r2 >= this.rowCount || r.c2 >= this.colCount)
      throw new SheetApiError(`Range ('${this.name}'!${a1(r.r1, r.c1)}:${a1(r.r2, r.c2)}) exceeds grid limits. Max rows: ${this.rowCount}, max columns: ${this.colCount}`);
  }

  /** What a formula sees in a cell. */
  private operand(row: number, col: number, seen: Set<string>): Operand {
    const cell = this.peek(row, col);
    if (!cell) return null;
    if (!cell.formula) return cell.value;
    const v = this.formulaValue(row, col, cell.formula, seen);
    return typeof v === 'number' ? v : { error: v };
  }

  private formulaValue(row: number, col: number, f: Formula, seen = new Set<string>()): FormulaValue {
    const key = `${row},${col}`;
    if (seen.has(key)) return '#REF!'; // a circular dependency
    seen.add(key);
    const v = evaluate(f, (ref) => {
      const out: Operand[] = [];
      for (let r = ref.r1; r <= Math.min(ref.r2, this.rows.length - 1); r++) for (let c = ref.c1; c <= ref.c2; c++) out.push(this.operand(r, c, seen));
      return out;
    });
    seen.delete(key);
    return v;
  }

  /** The cell's value: its own, or its formula's result (a number or an error code). */
  value(row: number, col: number): CellValue {
    const cell = this.peek(row, col);
    if (!cell) return null;
    return cell.formula ? this.formulaValue(row, col, cell.formula) : cell.value;
  }

  /** The string Sheets displays in the cell. */
  shown(row: number, col: number): string {
    const cell = this.peek(row, col);
    if (!cell) return '';
    return displayed(this.value(row, col), this.formats[this.formatOf(cell)]);
  }

  /** A cell's number format; a formula cell left in General may show its result in another (formatSource). */
  private formatOf(cell: Cell): number {
    const from = cell.formula && this.formats[cell.format] === 'General' ? formatSource(cell.formula) : null;
    return (from && this.peek(from.r1, from.c1)?.format) ?? cell.format;
  }

  write(row: number, col: number, content: CellValue | Formula): void {
    const cell = this.cellAt(row, col);
    if (content !== null && typeof content === 'object') {
      cell.formula = content;
      cell.value = null;
    } else {
      delete cell.formula;
      cell.value = content;
    }
  }

  note(row: number, col: number): string {
    return this.peek(row, col)?.note ?? '';
  }

  setNote(row: number, col: number, note: string): void {
    const cell = this.cellAt(row, col);
    if (note === '') delete cell.note;
    else cell.note = note;
  }

  /** Displayed strings of the used area (up to the last row and column holding a value), rows padded. */
  values(): string[][] {
    return trimEmpty(this.rows.map((row, r) => row.map((_, c) => this.shown(r, c))));
  }

  /**
   * gspread's `get_values(range, combine_merged_cells=True)`: the range's displayed strings without
   * its trailing empty rows and columns, then each merged range showing its top-left value in every
   * cell of it that is in the result.
   */
  rangeValues(r: Rect): string[][] {
    const block: string[][] = [];
    for (let row = r.r1; row <= r.r2 && row < this.rows.length; row++) {
      const line: string[] = [];
      for (let col = r.c1; col <= r.c2; col++) line.push(this.shown(row, col));
      block.push(line);
    }
    const out = trimEmpty(block);
    const cols = out[0]?.length ?? 0;
    for (const m of this.merges) {
      const top = this.shown(m.r1, m.c1);
      for (let row = m.r1; row <= m.r2; row++)
        for (let col = m.c1; col <= m.c2; col++) {
          const [i, j] = [row - r.r1, col - r.c1];
          if (i >= 0 && i < out.length && j >= 0 && j < cols) out[i][j] = top;
        }
    }
    return out.length ? out : [[]];
  }

  /** The used area with merged cells combined: AgentGym's get_all_values. */
  allValues(): string[][] {
    const used = this.values();
    if (used.length === 0) return [[]];
    return this.rangeValues({ r1: 0, c1: 0, r2: used.length - 1, c2: used[0].length - 1 });
  }

  /** Inserts `count` empty rows before `at`, formatted like the row before (or after) them. */
  insertRows(at: number, count: number, inheritFromBefore: boolean): void {
    if (at < 0 || at > this.rowCount) throw new SheetApiError(`Invalid requests[0].insertDimension: range.startIndex (${at}) is after the last row (${this.rowCount})`);
    const model = this.rows[inheritFromBefore ? at - 1 : at] ?? [];
    const fresh = () => model.map((c) => ({ value: null, format: c.format }));
    if (at <= this.rows.length) this.rows.splice(at, 0, ...Array.from({ length: count }, fresh));
    this.rowCount += count;
    this.moveAll('row', (i) => (i >= at ? i + count : i));
  }

  insertCols(at: number, count: number, inheritFromBefore: boolean): void {
    if (at < 0 || at > this.colCount) throw new SheetApiError(`Invalid requests[0].insertDimension: range.startIndex (${at}) is after the last column (${this.colCount})`);
    for (const row of this.rows) {
      if (at > row.length) continue;
      const model = row[inheritFromBefore ? at - 1 : at];
      row.splice(at, 0, ...Array.from({ length: count }, () => ({ value: null, format: model?.format ?? this.general() })));
    }
    this.colCount += count;
    this.moveAll('col', (i) => (i >= at ? i + count : i));
  }

  deleteRow(at: number): void {
    if (at < 0 || at >= this.rowCount) throw new SheetApiError(`Invalid requests[0].deleteDimension: range.endIndex (${at + 1}) is after the last row (${this.rowCount})`);
    if (this.rowCount - this.frozenRows <= 1 && at >= this.frozenRows) throw new SheetApiError("Invalid requests[0].deleteDimension: You can't delete all the rows on the sheet.");
    this.rows.splice(at, 1);
    this.rowCount--;
    this.moveAll('row', (i) => (i === at ? null : i > at ? i - 1 : i));
  }

  deleteCol(at: number): void {
    if (at < 0 || at >= this.colCount) throw new SheetApiError(`Invalid requests[0].deleteDimension: range.endIndex (${at + 1}) is after the last column (${this.colCount})`);
    if (this.colCount <= 1) throw new SheetApiError("Invalid requests[0].deleteDimension: You can't delete all the columns on the sheet.");
    for (const row of this.rows) row.splice(at, 1);
    this.colCount--;
    this.moveAll('col', (i) => (i === at ? null : i > at ? i - 1 : i));
  }

  /** Moves formula references and merges after rows or columns moved (null: deleted). */
  private moveAll(axis: 'row' | 'col', move: (i: number) => number | null): void {
    for (const row of this.rows) for (const cell of row) if (cell.formula) cell.formula = moveRefs(cell.formula, axis, move);
    this.merges = this.merges.flatMap((m) => {
      const [lo, hi] = axis === 'row' ? [m.r1, m.r2] : [m.c1, m.c2];
      const kept = [];
      for (let i = lo; i <= hi; i++) {
        const to = move(i);
        if (to !== null) kept.push(to);
      }
      if (kept.length === 0) return [];
      const [a, b] = [Math.min(...kept), Math.max(...kept)];
      const moved = axis === 'row' ? { ...m, r1: a, r2: b } : { ...m, c1: a, c2: b };
      return moved.r1 === moved.r2 && moved.c1 === moved.c2 ? [] : [moved];
    });
  }

  /**
   * Sorts the rows below the frozen ones by one column (gspread's default range), as Sheets orders
   * values: numbers before text (text without regard to case), empty cells last in either order,
   * ties kept in place. A formula moves with its row, its references shifted as a pasted formula's.
   */
  sortByColumn(col: number, descending: boolean): void {
    if (col < 0 || col >= this.colCount) throw new SheetApiError(`Invalid requests[0].sortRange: Invalid sortSpecs[0].dimensionIndex: ${col}`);
    const start = this.frozenRows;
    if (this.merges.some((m) => m.r2 >= start && m.r1 !== m.r2)) throw new SheetApiError("Invalid requests[0].sortRange: You can't sort a range that contains vertically merged cells.");
    const rank = (v: CellValue) => (v === null || v === '' ? 2 : typeof v === 'number' ? 0 : 1);
    const order = this.rows.slice(start).map((row, i) => ({ row, from: start + i, key: this.value(start + i, col) }));
    order.sort((a, b) => {
      const [ra, rb] = [rank(a.key), rank(b.key)];
      if (ra === 2 || rb === 2) return ra - rb;
      let d: number;
      if (ra !== rb) d = ra - rb;
      else if (ra === 0) d = (a.key as number) - (b.key as number);
      else d = String(a.key).toLowerCase().localeCompare(String(b.key).toLowerCase(), 'en');
      return descending ? -d : d;
    });
    const newRow = new Map<number, number>();
    order.forEach((o, i) => {
      const to = start + i;
      newRow.set(o.from, to);
      for (const cell of o.row) if (cell.formula) cell.formula = shiftRows(cell.formula, to - o.from);
    });
    this.rows = [...this.rows.slice(0, start), ...order.map((o) => o.row)];
    this.merges = this.merges.map((m) => {
      const to = newRow.get(m.r1) ?? m.r1;
      return { ...m, r1: to, r2: to };
    });
  }

  /** Merges a range (MERGE_ALL): the top-left cell keeps its value, the others are emptied. */
  merge(r: Rect): void {
    this.checkInGrid(r);
    if (this.merges.some((m) => overlaps(m, r) && !(inside(r, m.r1, m.c1) && inside(r, m.r2, m.c2))))
      throw new SheetApiError('Invalid requests[0].mergeCells: You must select all cells in a merged range to merge or unmerge them.');
    this.merges = this.merges.filter((m) => !overlaps(m, r));
    for (let row = r.r1; row <= r.r2; row++)
      for (let col = r.c1; col <= r.c2; col++) if ((row !== r.r1 || col !== r.c1) && this.peek(row, col)) this.write(row, col, null);
    if (r.r1 !== r.r2 || r.c1 !== r.c2) this.merges.push(r);
  }

  /** Cells of the used area (row-major), as gspread's findall lists them, with displayed values. */
  cells(): { row: number; col: number; text: string }[] {
    return this.values().flatMap((line, row) => line.map((text, col) => ({ row, col, text })));
  }
}
