/**
 * Sheet's tools over the offline workbook, with the arguments, results and texts of Toolusage's
 * sheets_tools.py (gspread on a fresh copy of AgentGym's spreadsheet) and the scoring of its
 * sheet_env.py: after every call, the share of cells of the open sheet equal to the task's expected
 * sheet over the block both cover; the reward is the best share so far.
 * - A failed call returns `repr(error)`: our texts for Python's and gspread's exceptions are
 *   Python's; Google's API errors (`APIError(...)`) carry messages of ours in Google's style.
 * - AgentGym's server re-runs a step up to 4 times while its observation contains "error" (for a
 *   flaky network); so do we, without its 10-second pauses, so a failed call that changed the
 *   sheet (an insert whose values Google refuses) changes it again, as there.
 */
import type { ToolOutcome, ToolSuite, ToolTask } from '../tools/engine.ts';
import { PyPattern, pyRepr, typeName, type PyDict, type PyValue } from '../tools/py.ts';
import type { NumberFormat } from './display.ts';
import { a1, columnName, OPERATORS, parseA1, parseFormula, type Formula, type Operator } from './formula.ts';
import { SheetApiError, Worksheet, type Rect } from './grid.ts';
import { sheetPicture, sheetSnapshot, type SheetSnapshot } from './picture.ts';
import { apiIndex, pyInt, pyIter, raised, toCellRows, toCellValue, ToolFailure } from './python.ts';
import { compilePattern, PatternError } from './regex.ts';
import type { WorkbookData } from './workbook.ts';

/** The tool names of Toolusage's sheet_raw.json, which the unknown-tool reply lists. */
export const SHEET_ACTIONS = [
  'open_sheet',
  'del_sheet',
  'freeze_data',
  'get_A1_annotation',
  'insert_cols',
  'insert_rows',
  'delete_batch_data',
  'update_cell',
  'update_cell_by_formula',
  'update_range',
  'sort_sheet_by_col',
  'merge_cells',
  'update_note',
  'get_all_values',
  'get_range_values',
  'get_cell_value',
  'get_value_by_formula',
  'filter_cells',
  'get_note',
  'finish',
] as const;

export const NOT_OPEN = 'Please open a sheet before operating it';
const WHOLE_DELETE = "'Warning: You cannot delete whole sheet at once, please try other functions'";
const WHOLE_UPDATE = "'Warning: You cannot update whole sheet at once, please try other functions'";
const BAD_OPERATOR = `'the operator should be one of the ["SUM", "AVERAGE", "COUNT", "MAX", "MIN", "MINUS", "PRODUCT"]'`;
const A1_HINT = 'sheet and you can use get_A1_annotation(row, col) to get its A1 address.';
const NOT_A1_ALL = pyRepr(`In the sheet formula, you should use A1 notation to display all positions in the ${A1_HINT}`);
const NOT_A1_RANGE = pyRepr(`In the sheet formula, you should use A1 notation to display the start and end cell address in the ${A1_HINT}`);

/** The workbook of one episode: sheets copied from the pristine data when first opened. */
export interface Book {
  data: WorkbookData;
  sheets: Map<string, Worksheet>;
  open: Worksheet | null;
}

/** A sheet id as Google gives one (the first sheet's is 0); ours are fixed per name. */
function sheetId(name: string, index: number): number {
  if (index === 0) return 0;
  let h = 2166136261;
  for (const ch of name) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h % 2000000000;
}

function sheetNamed(book: Book, name: PyValue): Worksheet | null {
  if (typeof name !== 'string') return null;
  const i = book.data.sheets.findIndex((s) => s.name === name);
  if (i < 0) return null;
  let sheet = book.sheets.get(name);
  if (!sheet) {
    sheet = new Worksheet(name, sheetId(name, i), book.data.sheets[i], book.data.formats as readonly NumberFormat[]);
    book.sheets.set(name, sheet);
  }
  return sheet;
}

const ok = (result: PyValue): ToolOutcome => ({ ok: true, result });

/** AgentGym's A1 check for formula positions: one capital letter, then digits. */
const isA1 = (v: PyValue): boolean => {
  if (typeof v !== 'string') throw raised('TypeError', `expected string or bytes-like object, got '${typeName(v)}'`);
  return /^[A-Z][0-9]+$/.test(v);
};

/** gspread's reading of a cell label (letters and a row from 1). */
function cellOf(label: PyValue): [number, number] {
  if (typeof label !== 'string') throw raised('TypeError', `expected string or bytes-like object, got '${typeName(label)}'`);
  const at = parseA1(label);
  if (!at) throw raised('IncorrectCellLabel', label);
  return at;
}

/** A cell label read as gspread reads it, which Google refuses past the grid's edge. */
function gridCell(sheet: Worksheet, label: PyValue): [number, number] {
  const [row, col] = cellOf(label);
  sheet.checkInGrid({ r1: row, c1: col, r2: row, c2: col });
  return [row, col];
}

function rangeOf(sheet: Worksheet, start: PyValue, end: PyValue): Rect {
  const text = `${String(start)}:${String(end)}`;
  const [a, b] = [parseA1(String(start)), parseA1(String(end))];
  if (typeof start !== 'string' || typeof end !== 'string' || !a || !b) throw new SheetApiError(`Unable to parse range: '${sheet.name}'!${text}`);
  return { r1: Math.min(a[0], b[0]), c1: Math.min(a[1], b[1]), r2: Math.max(a[0], b[0]), c2: Math.max(a[1], b[1]) };
}

/** Python's repr of gspread's APIError for a 400 answer. */
function apiError(message: string): string {
  return `APIError(${pyRepr(new Map<string, PyValue>([['code', 400n], ['message', message], ['status', 'INVALID_ARGUMENT']]))})`;
}

/** A tool on the open sheet: before any is opened it answers NOT_OPEN; exceptions become `repr(error)`. */
function onSheet(args: readonly string[], run: (args: PyValue[], sheet: Worksheet, book: Book, names: readonly string[]) => PyValue, extra: { argsFor?: (input: PyDict) => readonly string[]; optional?: readonly string[] } = {}) {
  return {
    args,
    ...extra,
    run(values: PyValue[], book: Book, names: readonly string[]): ToolOutcome {
      if (!book.open) return { ok: false, result: NOT_OPEN };
      return guarded(() => run(values, book.open!, book, names));
    },
  };
}

function guarded(run: () => PyValue): ToolOutcome {
  try {
    return ok(run());
  } catch (e) {
    if (e instanceof ToolFailure) return { ok: false, result: e.text };
    if (e instanceof SheetApiError) return { ok: false, result: apiError(e.message) };
    throw e;
  }
}

/** A value written as USER_ENTERED: a formula text becomes a formula (one we cannot read shows #NAME? or #ERROR!). */
function entered(v: number | string): number | string | Formula {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new SheetApiError('Invalid JSON payload received. Unexpected token.');
    return v;
  }
  if (v.startsWith("'")) return v.slice(1);
  if (v.startsWith('=')) return parseFormula(v);
  return v;
}

/** A value written RAW: as it is, except that an empty string clears the cell. */
function raw(v: number | string): number | string | null {
  if (typeof v === 'number' && !Number.isFinite(v)) throw new SheetApiError('Invalid JSON payload received. Unexpected token.');
  return v === '' ? null : v;
}

function writeBlock(sheet: Worksheet, at: Rect, rows: (number | string)[][]): void {
  rows.forEach((row, i) => {
    if (at.r1 + i > at.r2) throw new SheetApiError(`Requested writing within range ['${sheet.name}'!${a1(at.r1, at.c1)}:${a1(at.r2, at.c2)}], but tried writing to row [${at.r1 + i + 1}]`);
    row.forEach((_, j) => {
      if (at.c1 + j > at.c2) throw new SheetApiError(`Requested writing within range ['${sheet.name}'!${a1(at.r1, at.c1)}:${a1(at.r2, at.c2)}], but tried writing to column [${columnName(at.c1 + j)}]`);
    });
  });
  rows.forEach((row, i) => row.forEach((v, j) => sheet.write(at.r1 + i, at.c1 + j, raw(v))));
}

/** The formula text AgentGym builds from a range or a position list (after checking them). */
function formulaCall(names: readonly string[], args: PyValue[], rangeError: string): string {
  const get = (n: string) => args[names.indexOf(n)];
  const operator = get('operator');
  if (!OPERATORS.includes(operator as Operator)) throw new ToolFailure(BAD_OPERATOR);
  if (names.includes('position_list')) {
    const list = pyIter(get('position_list'));
    if (!list.every(isA1) || (names.includes('result_position') && !isA1(get('result_position')))) throw new ToolFailure(NOT_A1_ALL);
    return `=${String(operator)}(${list.map(String).join(',')})`;
  }
  const [start, end] = [get('start_position'), get('end_position')];
  if (!(isA1(start) && isA1(end)) || (names.includes('result_position') && !isA1(get('result_position')))) throw new ToolFailure(rangeError);
  return `=${String(operator)}(${String(start)}:${String(end)})`;
}

const formulaArgs = (resultPosition: boolean) => (input: PyDict) =>
  input.has('position_list') ? ['position_list', 'operator', ...(resultPosition ? ['result_position'] : [])] : ['start_position', 'end_position', ...(resultPosition ? ['result_position', 'operator'] : ['operator'])];

/** A formula written as gspread's `update(cell, formula, raw=False)` writes it: USER_ENTERED. */
function writeFormula(sheet: Worksheet, position: PyValue, text: string): void {
  const [row, col] = gridCell(sheet, position);
  sheet.write(row, col, entered(text));
}

/** The used area's size as AgentGym measures it (rows, width of the first row). */
function usedSize(sheet: Worksheet): [number, number] {
  const all = sheet.allValues();
  return [all.length, all[0].length];
}

/** Cell-match ratio over the block both sheets cover (sheet_env.get_match_score). */
export function matchScore(shown: string[][], expected: string[][]): number {
  const rows = Math.min(shown.length, expected.length);
  const cols = Math.min(shown[0]?.length ?? 0, expected[0]?.length ?? 0);
  let same = 0;
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) if (shown[i][j] === expected[i][j]) same++;
  return rows * cols ? same / (rows * cols) : 0;
}

function expectedOf(task: ToolTask): string[][] {
  return task.subgoals[0] as string[][];
}

export function sheetSuite(data: WorkbookData): ToolSuite<Book, SheetSnapshot | null> {
  return {
    validActions: SHEET_ACTIONS,
    start: () => ({ data, sheets: new Map(), open: null }),
    progress: (book, task) => (book.open ? matchScore(book.open.allValues(), expectedOf(task)) : 0),
    ends: (rebuilt) => rebuilt.toLowerCase().includes('finish'),
    attempts: 4,
    unknownTool: (name) => `ERROR | Invalid action: ${name}. Please choose another valid action from ${pyRepr([...SHEET_ACTIONS])}`,
    snapshot: (book) => sheetSnapshot(book.open),
    picture: (book, before) => sheetPicture(book.open, before),
    tools: {
      open_sheet: {
        args: ['name'],
        run: ([name], book) => {
          const sheet = sheetNamed(book, name);
          if (!sheet) return { ok: false, result: `WorksheetNotFound(${pyRepr(name)})` };
          book.open = sheet;
          return ok(`<Worksheet ${pyRepr(sheet.name)} id:${sheet.id}>`);
        },
      },
      // gspread's del_worksheet wants a Worksheet; given a name it fails, so no sheet is ever deleted.
      del_sheet: onSheet(['name'], ([name]) => {
        throw raised('AttributeError', `'${typeName(name)}' object has no attribute 'id'`);
      }),
      freeze_data: onSheet(['dimension', 'num'], ([dimension, num], sheet) => {
        const n = pyInt(num);
        if (dimension === 'rows') {
          if (n >= sheet.rowCount) throw new SheetApiError("Invalid requests[0].updateSheetProperties: You can't freeze all visible rows on the sheet.");
          sheet.frozenRows = Math.max(0, n);
        } else if (dimension === 'columns') {
          if (n >= sheet.colCount) throw new SheetApiError("Invalid requests[0].updateSheetProperties: You can't freeze all visible columns on the sheet.");
          sheet.frozenCols = Math.max(0, n);
        } else throw new ToolFailure(pyRepr('Error: the dimension should be one of the rows/columns'));
        return `You have successfully freeze the ${String(dimension)} ${n}`;
      }),
      get_A1_annotation: onSheet(['row', 'col'], ([row, col], sheet) => {
        const [r, c] = [pyInt(row), pyInt(col)];
        if (r < 1 || c < 1) throw raised('IncorrectCellLabel', `(${r}, ${c})`);
        gridCell(sheet, a1(r - 1, c - 1));
        return a1(r - 1, c - 1);
      }),
      insert_cols: onSheet(['values_list', 'col_idx'], ([values, colIdx], sheet) => {
        const cols = toCellRows(values);
        const atEnd = pyInt(colIdx) === usedSize(sheet)[1] + 1;
        const at = apiIndex(colIdx) - 1;
        sheet.insertCols(at, cols.length, atEnd);
        sheet.checkInGrid({ r1: 0, c1: at, r2: Math.max(0, ...cols.map((c) => c.length - 1)), c2: at });
        cols.forEach((col, j) => col.forEach((v, i) => sheet.write(i, at + j, raw(v))));
        return sheet.allValues();
      }),
      insert_rows: onSheet(['values_list', 'row_idx'], ([values, rowIdx], sheet) => {
        const rows = toCellRows(values);
        const atEnd = pyInt(rowIdx) === usedSize(sheet)[0] + 1;
        const at = apiIndex(rowIdx) - 1;
        sheet.insertRows(at, rows.length, atEnd);
        sheet.checkInGrid({ r1: at, c1: 0, r2: at, c2: Math.max(0, ...rows.map((r) => r.length - 1)) });
        rows.forEach((row, i) => row.forEach((v, j) => sheet.write(at + i, j, raw(v))));
        return sheet.allValues();
      }),
      delete_batch_data: onSheet(['dimension', 'index_list'], ([dimension, list], sheet) => {
        const items = pyIter(list);
        const order = items.map((x) => ({ x, key: pyInt(x) })).sort((p, q) => q.key - p.key);
        const [rows, cols] = usedSize(sheet);
        if (dimension === 'row' ? items.length >= rows - 1 : dimension === 'col' && items.length === cols) throw new ToolFailure(WHOLE_DELETE);
        if (dimension !== 'row' && dimension !== 'col') throw new ToolFailure(pyRepr('Wrong dimension, please choose from row/col'));
        for (const { x } of order) {
          const i = apiIndex(x) - 1;
          if (dimension === 'row') sheet.deleteRow(i);
          else sheet.deleteCol(i);
        }
        return sheet.allValues();
      }),
      update_cell: onSheet(['position', 'value'], ([position, value], sheet) => {
        const v = toCellValue(value);
        const [row, col] = gridCell(sheet, position);
        sheet.write(row, col, entered(v));
        return sheet.allValues();
      }),
      update_cell_by_formula: onSheet(
        ['start_position', 'end_position', 'result_position', 'operator'],
        (args, sheet, _, names) => {
          writeFormula(sheet, args[names.indexOf('result_position')], formulaCall(names, args, NOT_A1_ALL));
          return sheet.allValues();
        },
        { argsFor: formulaArgs(true) },
      ),
      update_range: onSheet(['start_position', 'end_position', 'values_list'], ([start, end, values], sheet) => {
        const [rows, cols] = usedSize(sheet);
        if (start === 'A1' && end === a1(rows - 1, cols - 1)) throw new ToolFailure(WHOLE_UPDATE);
        const block = toCellRows(values);
        const at = rangeOf(sheet, start, end);
        sheet.checkInGrid(at);
        writeBlock(sheet, at, block);
        return sheet.allValues();
      }),
      sort_sheet_by_col: onSheet(['col_num', 'order'], ([colNum, order], sheet) => {
        const col = pyInt(colNum);
        if (order !== 'asc' && order !== 'des') throw raised('ValueError', "Either 'asc' or 'des' should be specified as sort order.");
        sheet.sortByColumn(col - 1, order === 'des');
        return sheet.allValues();
      }),
      merge_cells: onSheet(['start_position', 'end_position'], ([start, end], sheet) => {
        cellOf(start);
        cellOf(end);
        sheet.merge(rangeOf(sheet, start, end));
        return sheet.allValues();
      }),
      update_note: onSheet(['position', 'content'], ([position, content], sheet) => {
        if (typeof content !== 'string') throw raised('TypeError', 'Only string allowed as content for a note.');
        const [row, col] = gridCell(sheet, position);
        sheet.setNote(row, col, content);
        return `Updated! the ${String(position)}'s note is ${sheet.note(row, col)}`;
      }),
      get_all_values: onSheet([], (_, sheet) => sheet.allValues()),
      get_range_values: onSheet(['start_position', 'end_position'], ([start, end], sheet) => {
        const at = rangeOf(sheet, start, end);
        sheet.checkInGrid(at);
        return sheet.rangeValues(at);
      }),
      get_cell_value: onSheet(['position'], ([position], sheet) => {
        const [row, col] = gridCell(sheet, position);
        const shown = sheet.shown(row, col);
        return shown === '' ? null : shown;
      }),
      get_value_by_formula: onSheet(
        ['start_position', 'end_position', 'operator'],
        (args, sheet, _, names) => {
          // AgentGym computes in a scratch column after the last one, and removes it afterwards,
          // except when the positions are not A1 addresses: then the column (holding 1) stays.
          const at = sheet.values()[0]?.length ?? 0;
          sheet.insertCols(at, 1, at > 0);
          sheet.write(0, at, 1);
          if (!OPERATORS.includes(args[names.indexOf('operator')] as Operator)) {
            sheet.deleteCol(at);
            throw new ToolFailure(BAD_OPERATOR);
          }
          sheet.write(0, at, entered(formulaCall(names, args, NOT_A1_RANGE)));
          const result = sheet.shown(0, at);
          sheet.deleteCol(at);
          return result;
        },
        { argsFor: formulaArgs(false) },
      ),
      filter_cells: onSheet(
        [],
        ([query, inRow, inColumn], sheet) => {
          const row = inRow === null ? null : pyInt(inRow);
          const column = inColumn === null ? null : pyInt(inColumn);
          let pattern: RegExp;
          try {
            if (typeof query === 'string') pattern = compilePattern(query);
            else if (query instanceof PyPattern) pattern = compilePattern(query.source);
            else throw raised('AttributeError', `'${typeName(query)}' object has no attribute 'search'`);
          } catch (e) {
            if (e instanceof PatternError) throw raised('error', e.message);
            throw e;
          }
          if (row !== null && column !== null) throw raised('TypeError', "Either 'in_row' or 'in_column' should be specified.");
          const values = sheet.values();
          const pick = (list: unknown[], i: number) => {
            const j = i > 0 ? i - 1 : list.length + i - 1;
            if (j < 0 || j >= list.length) throw raised('IndexError', 'list index out of range');
            return j;
          };
          let cells: { row: number; col: number; text: string }[];
          if (row !== null) cells = values[pick(values, row)].map((text, c) => ({ row: row - 1, col: c, text }));
          else if (column !== null) cells = values.map((line, r) => ({ row: r, col: column - 1, text: line[pick(line, column)] }));
          else cells = sheet.cells();
          return cells
            .filter((c) => pattern.test(c.text))
            .map((c) => {
              if (c.row < 0 || c.col < 0) throw raised('IncorrectCellLabel', `(${c.row + 1}, ${c.col + 1})`);
              return a1(c.row, c.col);
            });
        },
        { optional: ['query', 'in_row', 'in_column'] },
      ),
      get_note: onSheet(['position'], ([position], sheet) => {
        const [row, col] = gridCell(sheet, position);
        return sheet.note(row, col);
      }),
      finish: onSheet([], (_, sheet) => sheet.allValues()),
      // Not a tool but answered by sheet_env.step: an empty observation.
      get_observation_space: { args: [], run: () => ok('') },
    },
  };
}
