import { toolFormat, type ToolDoc } from '../tools/format.ts';

const cell = 'a cell in A1 notation, e.g. "B3"';
const range = { start_position: 'the top-left cell, e.g. "A2"', end_position: 'the bottom-right cell, e.g. "C5"' };
const operator = '"SUM", "AVERAGE", "COUNT", "MAX", "MIN", "MINUS" or "PRODUCT"';
const formulaNote = 'Give start_position and end_position, or position_list alone; formula cells are a capital letter and a row number (A1 to Z999).';
const shown = 'Returns the whole sheet as it is displayed.';

const TOOLS: ToolDoc[] = [
  { name: 'open_sheet', args: { name: 'the sheet name, e.g. "Sheet1"' }, does: 'opens a sheet; every other tool works on the open sheet.' },
  { name: 'del_sheet', args: { name: 'the sheet name' }, does: 'deletes a sheet.' },
  { name: 'freeze_data', args: { dimension: '"rows" or "columns"', num: 'how many' }, does: 'freezes the first rows or columns (frozen rows stay in place when sorting).' },
  { name: 'get_A1_annotation', args: { row: 'row number from 1', col: 'column number from 1' }, does: 'the A1 address of a cell.' },
  { name: 'insert_cols', args: { values_list: "a list of columns, each a list of values", col_idx: 'the column number (from 1) to insert at' }, does: `inserts columns. ${shown}` },
  { name: 'insert_rows', args: { values_list: 'a list of rows, each a list of values', row_idx: 'the row number (from 1) to insert at' }, does: `inserts rows. ${shown}` },
  { name: 'delete_batch_data', args: { dimension: '"row" or "col"', index_list: 'a list of row or column numbers (from 1)' }, does: `deletes rows or columns (not all of them). ${shown}` },
  { name: 'update_cell', args: { position: cell, value: 'the new value' }, does: `sets one cell. ${shown}` },
  { name: 'update_cell_by_formula', args: { ...range, position_list: 'instead of a range, a list of cells', result_position: cell, operator }, does: `writes a formula over a range (or a list of cells) into a cell; it updates when those cells change. ${formulaNote} ${shown}` },
  { name: 'update_range', args: { ...range, values_list: 'a list of rows, each a list of values' }, does: `sets a block of cells (not the whole sheet at once). ${shown}` },
  { name: 'sort_sheet_by_col', args: { col_num: 'the column number (from 1)', order: '"asc" or "des"' }, does: `sorts the rows below the frozen ones by a column. ${shown}` },
  { name: 'merge_cells', args: range, does: `merges a block of cells into one, keeping the top-left value. ${shown}` },
  { name: 'update_note', args: { position: cell, content: 'the note text' }, does: "sets a cell's note." },
  { name: 'get_all_values', args: {}, does: 'the whole sheet as displayed, row by row.' },
  { name: 'get_range_values', args: range, does: 'a block of cells as displayed.' },
  { name: 'get_cell_value', args: { position: cell }, does: 'one cell as displayed.' },
  { name: 'get_value_by_formula', args: { ...range, position_list: 'instead of a range, a list of cells', operator }, does: `computes a formula over a range (or a list of cells) without writing it. ${formulaNote}` },
  { name: 'filter_cells', args: { query: 'a regular expression (a string, or re.compile("..."))', in_row: 'optional row number', in_column: 'optional column number' }, does: 'the A1 addresses of the cells whose text matches.' },
  { name: 'get_note', args: { position: cell }, does: "a cell's note (empty if none)." },
];

export const format = toolFormat(
  'sheet-ours-1',
  'You edit spreadsheets with a set of tools, as the task asks: change values, add or remove rows and columns, sort, merge, compute with formulas. Rows and columns are numbered from 1; cells are named in A1 notation. Open the sheet the task names first. Numbers you write are shown in the format of their cell (8 may show as 8.00).',
  TOOLS,
  'to sort "Sheet3" by its second column, largest first, call open_sheet with Action Input: {"name": "Sheet3"}, then freeze_data with Action Input: {"dimension": "rows", "num": 1} to keep the header on top, then sort_sheet_by_col with Action Input: {"col_num": 2, "order": "des"}, then finish with Action Input: {}.',
  {
    listActions: false,
    finish: { name: 'finish', args: {}, does: 'ends the task; the sheet as it then is is what counts. Returns the sheet.' },
    advice: 'When the sheet is as the task wants it, call finish.',
  },
);
