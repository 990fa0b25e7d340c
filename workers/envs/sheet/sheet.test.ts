import { describe, expect, it } from 'vitest';
import { readSheetTasks } from '../../../scripts/data/sheet.ts';
import { parseLiteral } from '../tools/literal.ts';
import { isDict, pyRepr, type PyValue } from '../tools/py.ts';
import { call, openToolEnv, toolEnvBasics } from '../testing/tool-envs.ts';
import { sheet } from './manifest.ts';
import { compilePattern, PatternError } from './regex.ts';
import { matchScore, NOT_OPEN } from './tools.ts';

const HEADER = "['Product', 'Category', 'Price', 'Quantity', 'Discount', 'Location', 'Product Rating']";
const BEEF = "['beef', 'Meat', '8.50', '13.00', '0.10', 'Store A', '4.5']";

async function opened(item = 0, name = 'Sheet1') {
  const env = await openToolEnv(sheet);
  env.reset(item);
  expect(call(env, 'open_sheet', `{"name": "${name}"}`)).toMatch(new RegExp(`^<Worksheet '${name}' id:\\d+>$`));
  return env;
}

/** The sheet as get_all_values shows it, parsed. */
const grid = (text: string) => parseLiteral(text) as string[][];

/** AgentGym's reference path of a task as calls: its log shows every argument as str(), so lists and numbers are read back. */
function referenceCalls(path: string): string[] {
  return [...path.matchAll(/^Action \d+: (\w+) with Action Input: (.*)$/gm)].map((m) => {
    const input = parseLiteral(m[2]);
    if (!isDict(input)) throw new Error(`Bad input ${m[2]}`);
    for (const [k, v] of input) {
      if (typeof v !== 'string') continue;
      if (/^(\[|re\.compile\()/.test(v)) input.set(k, parseLiteral(v) as PyValue);
      else if (k.endsWith('_idx')) input.set(k, BigInt(v));
    }
    return `Action: ${m[1]} with Action Input: ${pyRepr(input)}`;
  });
}

describe('Sheet', () => {
  toolEnvBasics(sheet);

  it("reaches 1.0 on every task by AgentGym's own reference action path (no round limit)", async () => {
    const env = await openToolEnv(sheet);
    for (const t of readSheetTasks()) {
      env.reset(t.id);
      env.step(`Action: open_sheet with Action Input: {"name": "Sheet${t.id + 1}"}`);
      let reward = 0;
      for (const action of referenceCalls(t.path)) reward = env.step(action).reward;
      expect(reward, `task ${t.id}`).toBe(1);
    }
  });

  it('answers "Please open a sheet before operating it" until a sheet is open, and scores 0 then', async () => {
    const env = await openToolEnv(sheet);
    env.reset(0);
    for (const [tool, input] of [
      ['get_all_values', '{}'],
      ['update_cell', '{"position": "A1", "value": 1}'],
      ['del_sheet', '{"name": "Sheet1"}'],
      ['finish', '{}'],
    ])
      expect(call(env, tool, input)).toBe(NOT_OPEN);
    expect(env.step('Action: get_all_values with Action Input: {}').reward).toBe(0);
    expect(call(env, 'open_sheet', '{"name": "Sheet99"}')).toBe("WorksheetNotFound('Sheet99')");
  });

  it('shows cells as Sheets displays them under their number formats', async () => {
    const env = await opened();
    const all = grid(call(env, 'get_all_values', '{}'));
    expect(all[0]).toEqual(parseLiteral(HEADER));
    expect(all[1]).toEqual(parseLiteral(BEEF));
    expect(all).toHaveLength(13);
    // A numeric-looking string is written as a number, so the cell's format shows it.
    expect(grid(call(env, 'update_cell', '{"position": "D2", "value": "68"}'))[1][3]).toBe('68.00');
    expect(call(env, 'get_cell_value', '{"position": "D2"}')).toBe('68.00');
    expect(call(env, 'get_cell_value', '{"position": "Z99"}')).toBe('None');
    expect(call(env, 'get_range_values', '{"start_position": "A1", "end_position": "C2"}')).toBe("[['Product', 'Category', 'Price'], ['beef', 'Meat', '8.50']]");
    expect(call(env, 'get_A1_annotation', '{"row": 3, "col": 26}')).toBe('Z3');
    expect(call(env, 'get_A1_annotation', '{"row": 3, "col": 27}')).toMatch(/^APIError\(\{'code': 400, 'message': "Range \('Sheet1'!AA3:AA3\) exceeds grid limits/);
    expect(call(env, 'get_A1_annotation', '{"row": 0, "col": 2}')).toBe("IncorrectCellLabel('(0, 2)')");
    expect(call(env, 'get_A1_annotation', '{"row": "x", "col": 2}')).toBe('ValueError("invalid literal for int() with base 10: \'x\'")');
  });

  it('computes formulas and recomputes them when their cells change, move or go', async () => {
    const env = await opened();
    // Quantities 13 and 7: a sum shows in the format of what it adds (13.00), a product does not.
    call(env, 'update_cell_by_formula', '{"start_position": "D2", "end_position": "D3", "result_position": "H2", "operator": "SUM"}');
    call(env, 'update_cell_by_formula', '{"position_list": ["C2", "D2"], "result_position": "I2", "operator": "PRODUCT"}');
    call(env, 'update_cell_by_formula', '{"position_list": ["D2", "D3"], "result_position": "J2", "operator": "MINUS"}');
    expect(grid(call(env, 'get_all_values', '{}'))[1].slice(7)).toEqual(['20.00', '110.5', '6']);
    call(env, 'update_cell', '{"position": "D3", "value": 10}');
    expect(grid(call(env, 'get_all_values', '{}'))[1].slice(7)).toEqual(['23.00', '110.5', '3']);
    // Inserting a row above moves the formula and its references together.
    call(env, 'insert_rows', '{"values_list": [["new"]], "row_idx": 2}');
    expect(call(env, 'get_range_values', '{"start_position": "H3", "end_position": "J3"}')).toBe("[['23.00', '110.5', '3']]");
    // Deleting a row the MINUS reads leaves #REF!; the SUM's range shrinks to what is left.
    call(env, 'delete_batch_data', '{"dimension": "row", "index_list": [4]}');
    expect(call(env, 'get_range_values', '{"start_position": "H3", "end_position": "J3"}')).toBe("[['13.00', '110.5', '#REF!']]");
    expect(call(env, 'get_value_by_formula', '{"start_position": "D3", "end_position": "D5", "operator": "AVERAGE"}')).toBe('17.67');
    expect(call(env, 'get_value_by_formula', '{"position_list": ["A1"], "operator": "AVERAGE"}')).toBe('#DIV/0!');
    expect(call(env, 'get_value_by_formula', '{"position_list": ["D3", "D4", "D5"], "operator": "COUNT"}')).toBe('3');
    // The scratch column is gone again.
    expect(grid(call(env, 'get_all_values', '{}'))[0]).toHaveLength(10);
  });

  it('reads formulas typed into a cell, with Sheets\' error codes', async () => {
    const env = await opened();
    const typed = (formula: string) => {
      call(env, 'update_cell', JSON.stringify({ position: 'H2', value: formula }));
      return call(env, 'get_cell_value', '{"position": "H2"}');
    };
    expect(typed('=C2*D2')).toBe('110.5');
    expect(typed('=(D2-D3)/2+SUM(D2:D3)^0')).toBe('4');
    expect(typed('=-min(D2:D4)')).toBe('-7');
    expect(typed('=A2*2')).toBe('#VALUE!');
    expect(typed('=C2/0')).toBe('#DIV/0!');
    expect(typed('=MINUS(D2)')).toBe('#N/A');
    expect(typed('=VLOOKUP(A2,A1:B3,2)')).toBe('#NAME?');
    expect(typed('=C2*')).toBe('#ERROR!');
    expect(typed('=SUM(H2,D2)')).toBe('#REF!'); // it reads itself
    expect(typed("'=C2")).toBe('=C2');
  });

  it("refuses bad formula inputs with Toolusage's texts", async () => {
    const env = await opened();
    expect(call(env, 'update_cell_by_formula', '{"start_position": "C2", "end_position": "D2", "result_position": "E2", "operator": "DIVIDE"}')).toBe(
      '\'the operator should be one of the ["SUM", "AVERAGE", "COUNT", "MAX", "MIN", "MINUS", "PRODUCT"]\'',
    );
    expect(call(env, 'update_cell_by_formula', '{"start_position": "c2", "end_position": "D2", "result_position": "E2", "operator": "SUM"}')).toBe(
      "'In the sheet formula, you should use A1 notation to display all positions in the sheet and you can use get_A1_annotation(row, col) to get its A1 address.'",
    );
    expect(call(env, 'update_cell_by_formula', '{"start_position": "C2", "result_position": "E2", "operator": "SUM"}')).toBe("ERROR | KeyError('end_position')");
    // A failed check leaves AgentGym's scratch column (holding 1) behind.
    expect(call(env, 'get_value_by_formula', '{"start_position": "AA1", "end_position": "D2", "operator": "SUM"}')).toBe(
      "'In the sheet formula, you should use A1 notation to display the start and end cell address in the sheet and you can use get_A1_annotation(row, col) to get its A1 address.'",
    );
    expect(grid(call(env, 'get_all_values', '{}'))[0]).toEqual([...(parseLiteral(HEADER) as string[]), '1']);
  });

  it('inserts, deletes, updates ranges and refuses to delete or overwrite the whole sheet', async () => {
    const env = await opened();
    const cols = grid(call(env, 'insert_cols', '{"values_list": [["Code", "b1", "p2"]], "col_idx": 1}'));
    expect(cols[0][0]).toBe('Code');
    expect(cols[1].slice(0, 2)).toEqual(['b1', 'beef']);
    const deleted = grid(call(env, 'delete_batch_data', '{"dimension": "col", "index_list": [1]}'));
    expect(deleted[1]).toEqual(parseLiteral(BEEF));
    expect(call(env, 'delete_batch_data', `{"dimension": "row", "index_list": ${JSON.stringify(Array.from({ length: 12 }, (_, i) => i + 2))}}`)).toBe(
      "'Warning: You cannot delete whole sheet at once, please try other functions'",
    );
    expect(call(env, 'delete_batch_data', '{"dimension": "col", "index_list": [1, 2, 3, 4, 5, 6, 7]}')).toBe("'Warning: You cannot delete whole sheet at once, please try other functions'");
    expect(call(env, 'delete_batch_data', '{"dimension": "rows", "index_list": [2]}')).toBe("'Wrong dimension, please choose from row/col'");
    expect(call(env, 'update_range', '{"start_position": "A1", "end_position": "G13", "values_list": [["x"]]}')).toBe("'Warning: You cannot update whole sheet at once, please try other functions'");
    const updated = grid(call(env, 'update_range', '{"start_position": "C2", "end_position": "D3", "values_list": [["1", 2], [3, "four"]]}'));
    expect(updated.slice(1, 3).map((r) => r.slice(2, 4))).toEqual([
      ['1.00', '2.00'],
      ['3.00', 'four'],
    ]);
    expect(call(env, 'update_range', '{"start_position": "C2", "end_position": "C2", "values_list": [[1], [2]]}')).toBe(
      "APIError({'code': 400, 'message': \"Requested writing within range ['Sheet1'!C2:C2], but tried writing to row [3]\", 'status': 'INVALID_ARGUMENT'})",
    );
    expect(call(env, 'insert_rows', '{"values_list": [[null]], "row_idx": 2}')).toBe('TypeError("float() argument must be a string or a real number, not \'NoneType\'")');
    expect(call(env, 'del_sheet', '{"name": "Sheet2"}')).toBe('AttributeError("\'str\' object has no attribute \'id\'")');
  });

  it('runs a step up to 4 times while its observation says "error", as AgentGym\'s server does', async () => {
    const env = await opened();
    // Google refuses the 27th value after the row is inserted; each of the 4 runs inserts one.
    expect(call(env, 'insert_rows', `{"values_list": [${JSON.stringify(Array.from({ length: 27 }, () => 1))}], "row_idx": 2}`)).toMatch(/^APIError\(.*exceeds grid limits/);
    expect(grid(call(env, 'get_all_values', '{}')).map((r) => r[0])).toEqual(['Product', '', '', '', '', 'beef', 'pork', 'chicken', 'lamb', 'duck', 'fish', 'shrimp', 'salmon', 'apple', 'banana', 'orange', 'carrot']);
  });

  it('sorts below the frozen rows, numbers before text, empty cells last', async () => {
    const env = await opened();
    // Without a frozen row the header is sorted too: text after numbers, so first when descending.
    const des = grid(call(env, 'sort_sheet_by_col', '{"col_num": 4, "order": "des"}'));
    expect(des.map((r) => r[3])).toEqual(['Quantity', '200.00', '150.00', '120.00', '89.00', '80.00', '42.00', '22.00', '18.00', '15.00', '13.00', '10.00', '7.00']);
    expect(grid(call(env, 'sort_sheet_by_col', '{"col_num": 4, "order": "asc"}'))[12][3]).toBe('Quantity');
    call(env, 'sort_sheet_by_col', '{"col_num": 4, "order": "des"}');
    expect(call(env, 'freeze_data', '{"dimension": "rows", "num": 1}')).toBe('You have successfully freeze the rows 1');
    const asc = grid(call(env, 'sort_sheet_by_col', '{"col_num": 1, "order": "asc"}'));
    expect(asc.map((r) => r[0])).toEqual(['Product', 'apple', 'banana', 'beef', 'carrot', 'chicken', 'duck', 'fish', 'lamb', 'orange', 'pork', 'salmon', 'shrimp']);
    expect(call(env, 'sort_sheet_by_col', '{"col_num": 1, "order": "down"}')).toBe('ValueError("Either \'asc\' or \'des\' should be specified as sort order.")');
    expect(call(env, 'freeze_data', '{"dimension": "cols", "num": 1}')).toBe("'Error: the dimension should be one of the rows/columns'");
  });

  it('merges (the top-left value shows in every merged cell) and keeps notes', async () => {
    const env = await opened();
    const merged = grid(call(env, 'merge_cells', '{"start_position": "A2", "end_position": "B2"}'));
    expect(merged[1].slice(0, 2)).toEqual(['beef', 'beef']);
    expect(call(env, 'get_cell_value', '{"position": "B2"}')).toBe('None');
    expect(call(env, 'merge_cells', '{"start_position": "B2", "end_position": "C2"}')).toBe(
      "APIError({'code': 400, 'message': 'Invalid requests[0].mergeCells: You must select all cells in a merged range to merge or unmerge them.', 'status': 'INVALID_ARGUMENT'})",
    );
    expect(call(env, 'merge_cells', '{"start_position": "2B", "end_position": "C2"}')).toBe("IncorrectCellLabel('2B')");
    expect(call(env, 'update_note', '{"position": "C3", "content": "check the price"}')).toBe("Updated! the C3's note is check the price");
    expect(call(env, 'get_note', '{"position": "C3"}')).toBe('check the price');
    expect(call(env, 'get_note', '{"position": "C4"}')).toBe('');
    expect(call(env, 'update_note', '{"position": "C3", "content": 5}')).toBe("TypeError('Only string allowed as content for a note.')");
    // A note moves with its row.
    call(env, 'insert_rows', '{"values_list": [["x"]], "row_idx": 2}');
    expect(call(env, 'get_note', '{"position": "C4"}')).toBe('check the price');
  });

  it('filters cells by a string or a compiled regex, by row or column', async () => {
    const env = await opened();
    expect(call(env, 'filter_cells', '{"query": "Store C"}')).toBe("['F4', 'F8', 'F12']");
    expect(call(env, 'filter_cells', "{\"query\": re.compile('^(Vegetables|Fruits)$'), \"in_column\": 2}")).toBe("['B10', 'B11', 'B12', 'B13']");
    expect(call(env, 'filter_cells', '{"query": "^b", "in_row": 2}')).toBe("['A2']");
    expect(call(env, 'filter_cells', '{"query": "x", "in_row": 2, "in_column": 1}')).toBe('TypeError("Either \'in_row\' or \'in_column\' should be specified.")');
    expect(call(env, 'filter_cells', '{"in_row": 2}')).toBe('AttributeError("\'NoneType\' object has no attribute \'search\'")');
  });

  it('refuses patterns that backtrack catastrophically, at once', async () => {
    const env = await opened();
    call(env, 'update_cell', `{"position": "A2", "value": "${'a'.repeat(40)}!"}`);
    for (const p of ['(a+)+$', '(a|aa)*$', '(?:a*)*b', '(\\\\w+\\\\s?)+$', '(.*a){3,}', 'a*a*a*a*a*a*a*b'])
      expect(call(env, 'filter_cells', JSON.stringify({ query: p })), p).toMatch(/^error\('(a repeated group|at most)/);
    expect(() => compilePattern('(a)\\1')).toThrow(PatternError);
    expect(call(env, 'filter_cells', '{"query": "(unclosed"}')).toMatch(/^error\('/);
    // Ordinary repeats and alternatives pass.
    expect(call(env, 'filter_cells', '{"query": "^a+!$"}')).toBe("['A2']");
    expect(compilePattern('8[1-9]|[9]\\d|\\d{3,}').test('95')).toBe(true);
    expect(compilePattern('(?P<n>x)\\Z').test('x')).toBe(true);
  });

  it('scores the share of matching cells over the overlap, keeps the best, and counts an open Answer sheet', async () => {
    expect(matchScore([['a', 'b'], ['c', 'd'], ['e', 'f']], [['a', 'x'], ['c', 'd']])).toBe(0.75);
    expect(matchScore([['a']], [['a', 'b']])).toBe(1);
    expect(matchScore([[]], [['a']])).toBe(0);
    const env = await openToolEnv(sheet);
    env.reset(0);
    const first = env.step('Action: open_sheet with Action Input: {"name": "Sheet1"}').reward;
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(1);
    // Overwriting the quantities lowers the match, but the reward is the best so far.
    const worse = env.step('Action: update_range with Action Input: {"start_position": "A2", "end_position": "A13", "values_list": [["x"], ["x"], ["x"], ["x"], ["x"], ["x"], ["x"], ["x"], ["x"], ["x"], ["x"], ["x"]]}');
    expect(worse.info.progress).toBe(first);
    expect(env.picture()).toMatchObject({ kind: 'stack', parts: [{ kind: 'table', title: 'Sheet1', columns: ['A', 'B', 'C', 'D', 'E', 'F', 'G'] }, { kind: 'cards', cards: [{ title: 'open_sheet', tone: 'ok' }, { title: 'update_range' }] }] });
    // AgentGym scores whichever sheet is open, so its Answer sheet scores 1 (kept as AgentGym has it).
    expect(env.step('Action: open_sheet with Action Input: {"name": "Answer1"}').reward).toBe(1);
  });

  it('ends on any call naming "finish" in any case, and lists its tools for an unknown one', async () => {
    const env = await opened();
    expect(env.step('Action: finish with Action Input: {}')).toMatchObject({ done: true });
    expect(env.step('Action: get_note with Action Input: {"position": "FINISH1"}').done).toBe(true);
    const unknown = call(env, 'check_valid_actions', '{}');
    expect(unknown).toMatch(/^ERROR \| Invalid action: check_valid_actions\. Please choose another valid action from \['open_sheet', 'del_sheet', .*'get_note', 'finish'\]$/);
  });

  it('pictures the open sheet with the cells the last step changed highlighted, notes marked and merged cells drawn as one', async () => {
    const env = await opened();
    const table = () => {
      const p = env.picture();
      const t = p.kind === 'stack' ? p.parts[0] : p;
      if (t.kind !== 'table') throw new Error(`not a table: ${t.kind}`);
      return t;
    };
    const highlighted = () => (table().marks ?? []).filter((m) => m.highlight).map((m) => [m.row, m.col]);
    expect(table()).toMatchObject({ title: 'Sheet1', rowHeads: Array.from({ length: 13 }, (_, i) => String(i + 1)) });
    expect(highlighted()).toEqual([]); // opening a sheet changes none of its cells
    call(env, 'update_cell', '{"position": "D3", "value": 99}');
    expect(highlighted()).toEqual([[2, 3]]);
    expect(table().rows[2][3]).toBe('99.00');
    expect(table().caption).toContain('1 cell changed by the last step');
    call(env, 'get_all_values', '{}');
    expect(highlighted()).toEqual([]); // a read changes nothing
    call(env, 'update_note', '{"position": "A1", "content": "checked"}');
    expect(table().marks).toEqual([{ row: 0, col: 0, highlight: true, note: 'checked' }]);
    call(env, 'merge_cells', '{"start_position": "A1", "end_position": "B1"}');
    expect(table().spans).toEqual([{ row: 0, col: 0, rows: 1, cols: 2 }]);
    expect(highlighted()).toEqual([[0, 0], [0, 1]]);
    call(env, 'delete_batch_data', '{"dimension": "row", "index_list": [2]}');
    // Every row below the deleted one moved up: all their cells show something new.
    expect(highlighted().length).toBeGreaterThan(10);
    expect(highlighted().every(([r]) => r >= 1)).toBe(true);
    call(env, 'open_sheet', '{"name": "Sheet2"}');
    expect(highlighted()).toEqual([]);
  });

  it('restores the pristine workbook on reset', async () => {
    const env = await opened();
    const pristine = call(env, 'get_all_values', '{}');
    call(env, 'delete_batch_data', '{"dimension": "row", "index_list": [2, 3, 4]}');
    call(env, 'merge_cells', '{"start_position": "A1", "end_position": "C1"}');
    call(env, 'update_note', '{"position": "A1", "content": "n"}');
    env.reset(0);
    expect(call(env, 'get_all_values', '{}')).toBe(NOT_OPEN);
    call(env, 'open_sheet', '{"name": "Sheet1"}');
    expect(call(env, 'get_all_values', '{}')).toBe(pristine);
    expect(call(env, 'get_note', '{"position": "A1"}')).toBe('');
  });
});
