/**
 * Sheet's starting workbook as shipped in static-data/tools-sheet.json (built from AgentGym's
 * "Test Sheet-For Copy.xlsx" by scripts/data/sheet.ts), and what Google Sheets shows of a sheet.
 */
import { displayed, type CellValue, type NumberFormat } from './display.ts';

export interface WorksheetData {
  name: string;
  /** Cell values over the sheet's used range (styled cells included), row by row. */
  values: CellValue[][];
  /** Per row, one digit per cell: its index into `WorkbookData.formats` (a compact grid). */
  formats: string[];
  /** Merged ranges, e.g. "A1:B1". */
  merges: string[];
  /** Cell notes by A1 address. */
  notes: Record<string, string>;
}

export interface WorkbookData {
  formats: NumberFormat[];
  sheets: WorksheetData[];
}

/** "B3" -> [row 2, col 1] (0-based). */
export function cellIndex(a1: string): [number, number] {
  const m = /^([A-Z]+)(\d+)$/.exec(a1);
  if (!m) throw new Error(`Bad cell reference ${a1}`);
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return [Number(m[2]) - 1, col];
}

/**
 * What AgentGym's get_all_values returns: the displayed strings up to the last row and the last
 * column that hold anything, every row padded to that width (Sheets trims trailing empty rows and
 * columns), and each merged range showing its top-left value in every cell (gspread's
 * `combine_merged_cells=True`: AgentGym's expected answers repeat a merged title).
 */
export function allValues(sheet: WorksheetData, formats: readonly NumberFormat[]): string[][] {
  const shown = sheet.values.map((row, r) => row.map((v, c) => displayed(v, formats[Number(sheet.formats[r][c])])));
  for (const range of sheet.merges) {
    const [from, to] = range.split(':').map(cellIndex);
    const top = shown[from[0]]?.[from[1]] ?? '';
    for (let r = from[0]; r <= to[0] && r < shown.length; r++) for (let c = from[1]; c <= to[1] && c < shown[r].length; c++) shown[r][c] = top;
  }
  return trimEmpty(shown);
}

/** A block without its trailing empty rows and columns (as Sheets returns values), rows padded to one width. */
export function trimEmpty(block: string[][]): string[][] {
  let rows = block.length;
  while (rows > 0 && block[rows - 1].every((s) => s === '')) rows--;
  let cols = 0;
  for (const row of block.slice(0, rows)) for (let c = row.length; c > cols; c--) if (row[c - 1] !== '') cols = c;
  return block.slice(0, rows).map((row) => Array.from({ length: cols }, (_, c) => row[c] ?? ''));
}
