/**
 * Sheet's picture for people: the open sheet as Sheets shows it (column letters and row numbers,
 * merged cells drawn as one, a marker on each cell with a note), with the cells the last step
 * changed highlighted. Never part of an observation.
 */
import type { TableMark, TablePicture } from '../contract.ts';
import { a1, columnName } from './formula.ts';
import type { Rect, Worksheet } from './grid.ts';

/** The open sheet as a step began: each shown cell's text, note and merged range. */
export interface SheetSnapshot {
  sheet: Worksheet;
  cells: string[][];
}

/** What a person sees of a cell with nothing in it. */
const BLANK = '\u0000\u0000';

const rangeName = (m: Rect) => `${a1(m.r1, m.c1)}:${a1(m.r2, m.c2)}`;

/** Each cell of the used area as one string: shown text, note and the merged range it is in. */
function cellStates(sheet: Worksheet, shown: string[][]): string[][] {
  const mergeOf = (r: number, c: number) => sheet.merges.find((m) => r >= m.r1 && r <= m.r2 && c >= m.c1 && c <= m.c2);
  return shown.map((line, r) =>
    line.map((text, c) => {
      const m = mergeOf(r, c);
      return `${text}\u0000${sheet.note(r, c)}\u0000${m ? rangeName(m) : ''}`;
    }),
  );
}

export function sheetSnapshot(open: Worksheet | null): SheetSnapshot | null {
  return open && { sheet: open, cells: cellStates(open, open.allValues()) };
}

export function sheetPicture(open: Worksheet | null, before: SheetSnapshot | null): TablePicture | null {
  if (!open) return null;
  const rows = open.allValues();
  const now = cellStates(open, rows);
  // Only a step on the sheet shown counts: opening another sheet changes none of its cells.
  const last = before?.sheet === open ? before.cells : null;
  const marks: TableMark[] = [];
  let changed = 0;
  now.forEach((line, r) =>
    line.forEach((state, c) => {
      const highlight = last !== null && state !== (last[r]?.[c] ?? BLANK);
      const note = open.note(r, c);
      if (highlight) changed++;
      if (highlight || note) marks.push({ row: r, col: c, ...(highlight ? { highlight } : {}), ...(note ? { note } : {}) });
    }),
  );
  const inView = (m: Rect) => m.r1 < rows.length && m.c1 < rows[0].length;
  const spans = open.merges.filter(inView).map((m) => ({ row: m.r1, col: m.c1, rows: Math.min(m.r2, rows.length - 1) - m.r1 + 1, cols: Math.min(m.c2, rows[0].length - 1) - m.c1 + 1 }));
  const notes = marks.filter((m) => m.note).map((m) => a1(m.row, m.col));
  const facts = [
    `${rows.length} rows × ${rows[0].length} columns`,
    notes.length ? `notes at ${notes.join(', ')}` : '',
    open.merges.length ? `merged ${open.merges.map(rangeName).join(', ')}` : '',
    open.frozenRows || open.frozenCols ? `frozen: ${open.frozenRows} rows, ${open.frozenCols} columns` : '',
    changed ? `${changed} ${changed === 1 ? 'cell' : 'cells'} changed by the last step (highlighted)` : '',
  ];
  return {
    kind: 'table',
    title: open.name,
    columns: rows[0].map((_, c) => columnName(c)),
    rowHeads: rows.map((_, r) => String(r + 1)),
    rows,
    marks,
    spans,
    caption: facts.filter(Boolean).join(' · '),
  };
}
