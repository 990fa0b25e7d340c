/**
 * Sheet's reference programs, one per task (each goal names its own sheet): read the sheet through
 * the tools as an agent would, work out the change the goal asks for, make it and finish. AgentGym's
 * own reference paths (the tasks' `subgoals`) write cell by cell and often need more than the 15
 * rounds; these write whole ranges instead, so every task fits.
 */
import { parseLiteral } from '../tools/literal.ts';
import { ask, asList, ProgramError, templateSolver, type Program, type Template } from '../tools/program.ts';
import { int, type PyValue } from '../tools/py.ts';

type Grid = string[][];

function* values() {
  return asList(yield* ask('get_all_values')).map((row) => asList(row).map(String));
}

/** A displayed number ("1,234.50") as a number. */
const num = (s: string) => Number(s.replace(/,/g, ''));

/** The column (0-based) headed `name`. */
function column(grid: Grid, name: string): number {
  const c = grid[0].findIndex((h) => h.trim() === name);
  if (c < 0) throw new ProgramError(`No column ${name}`);
  return c;
}

/** The row (0-based) whose first cell is `name`. */
function rowNamed(grid: Grid, name: string): number {
  const r = grid.findIndex((row) => row[0] === name);
  if (r < 0) throw new ProgramError(`No row ${name}`);
  return r;
}

/** The 2-D list a goal quotes (`[['Product', 'Today Sold'], ...]`). */
function quotedTable(goal: string): string[][] {
  const m = /\[\[.*\]\]/.exec(goal);
  if (!m) throw new ProgramError('No table in the goal');
  return asList(parseLiteral(m[0])).map((row) => asList(row).map(String));
}

const sort = (col: number, order: 'asc' | 'des') => ask('sort_sheet_by_col', { col_num: int(col + 1), order });
const deleteRows = (rows: number[]) => ask('delete_batch_data', { dimension: 'row', index_list: rows.map((r) => int(r + 1)) });
const cellName = (row: number, col: number) => `${String.fromCharCode(65 + col)}${row + 1}`;
const updateRange = (from: [number, number], to: [number, number], rows: PyValue[][]) =>
  ask('update_range', { start_position: cellName(...from), end_position: cellName(...to), values_list: rows });

/** Rows (0-based, header excluded) for which `drop` holds. */
const rowsWhere = (grid: Grid, drop: (row: string[]) => boolean) => grid.flatMap((row, r) => (r > 0 && drop(row) ? [r] : []));

/** Each task's program after opening its sheet, keyed by a pattern over its goal. */
const PROGRAMS: [RegExp, (goal: string) => Program][] = [
  [
    /^Product Update: The table in "(Sheet1)"/,
    function* (goal) {
      const grid = yield* values();
      const qty = column(grid, 'Quantity');
      const sold = new Map(quotedTable(goal).slice(1).map(([p, n]) => [p, num(n)]));
      yield* updateRange([1, qty], [grid.length - 1, qty], grid.slice(1).map((row) => [num(row[qty]) - (sold.get(row[0]) ?? 0)]));
      yield* sort(qty, 'des');
      return null;
    },
  ],
  [
    /^Product Promotion: "(Sheet2)"/,
    function* () {
      const before = yield* values();
      yield* sort(column(before, 'Product Rating'), 'des');
      const grid = yield* values();
      const d = column(grid, 'Discount');
      const last = grid.length - 1;
      yield* updateRange([last - 2, d], [last, d], grid.slice(-3).map((row) => [Math.round((num(row[d]) + 0.05) * 100) / 100]));
      return null;
    },
  ],
  [
    /Product Filtering: The table in "(Sheet3)"/,
    function* () {
      const grid = yield* values();
      const [cat, price] = [column(grid, 'Category'), column(grid, 'Price')];
      yield* deleteRows(rowsWhere(grid, (row) => ['Vegetables', 'Fruits'].includes(row[cat]) || !(num(row[price]) > 5)));
      yield* sort(column(grid, 'Quantity'), 'des');
      return null;
    },
  ],
  [
    /^In "(Sheet4)", delete the empty rows and columns/,
    function* () {
      const grid = yield* values();
      const emptyRows = rowsWhere(grid, (row) => row.every((s) => s === ''));
      const emptyCols = grid[0].flatMap((_, c) => (grid.every((row) => row[c] === '') ? [c] : []));
      if (emptyRows.length) yield* deleteRows(emptyRows);
      if (emptyCols.length) yield* ask('delete_batch_data', { dimension: 'col', index_list: emptyCols.map((c) => int(c + 1)) });
      yield* ask('merge_cells', { start_position: 'A1', end_position: 'B1' });
      return null;
    },
  ],
  [
    /^In "(Sheet5)", please update the data according to the notes on cells: (.+), and then sort/,
    function* (goal) {
      const grid = yield* values();
      const [progress, score] = [column(grid, 'Progress'), column(grid, 'Overall Score')];
      for (const [, name] of goal.matchAll(/"([^"]+)"/g)) {
        if (name.startsWith('Sheet')) continue;
        const r = rowNamed(grid, name);
        const note = String(yield* ask('get_note', { position: cellName(r, 0) }));
        const m = /Progress update to (.+)\nOverall Score update to (\d+)/.exec(note);
        if (!m) throw new ProgramError(`Unexpected note ${note}`);
        yield* updateRange([r, progress], [r, score], [[m[1], num(m[2])]]);
      }
      yield* sort(score, 'des');
      return null;
    },
  ],
  [
    /^In "(Sheet6)", calculate the sum and average scores/,
    function* () {
      const grid = yield* values();
      const [first, sum] = [column(grid, 'Math'), column(grid, 'Overall')];
      const totals = grid.slice(1).map((row) => row.slice(first, sum).reduce((s, x) => s + num(x), 0));
      // Formulas there would show in the scores' format (444.0); written values take the cells'
      // own, so the two empty columns are replaced by new ones formatted like the scores.
      yield* ask('delete_batch_data', { dimension: 'col', index_list: [int(sum + 1), int(sum + 2)] });
      const averages = totals.map((t) => t / (sum - first));
      yield* ask('insert_cols', { values_list: [[grid[0][sum], ...totals], [grid[0][sum + 1], ...averages]], col_idx: int(sum + 1) });
      yield* sort(sum, 'des');
      return null;
    },
  ],
  [
    /^In "(Sheet7)", rank sheet by Biology score/,
    function* () {
      const grid = yield* values();
      yield* sort(column(grid, 'Biology'), 'des');
      const rank = grid[0].length;
      yield* updateRange([0, rank], [grid.length - 1, rank], [['Biology_Rank'], ...grid.slice(1).map((_, i) => [int(i + 1)])]);
      return null;
    },
  ],
  [
    /^In "(Sheet8)", filter out the records with incorrect scores/,
    function* () {
      const grid = yield* values();
      const first = column(grid, 'Math');
      yield* deleteRows(rowsWhere(grid, (row) => row.slice(first).some((s) => s !== '' && !(num(s) >= 0 && num(s) <= 100))));
      return null;
    },
  ],
  [
    /^Insert "(.+)" and "(.+)" into the "(Sheet9)" and sort this table by "Name"/,
    function* (goal) {
      const [, a, b] = /^Insert "(.+)" and "(.+)" into/.exec(goal)!;
      const rows = [a, b].map((s) => s.split(' ').map((w, i): PyValue => (i === 0 ? w : int(Number(w)))));
      yield* ask('insert_rows', { values_list: rows, row_idx: int(2) });
      yield* ask('freeze_data', { dimension: 'rows', num: int(1) });
      yield* sort(0, 'asc');
      return null;
    },
  ],
  [
    /^In "(Sheet10)", filter out the class with the most students/,
    function* () {
      const grid = yield* values();
      const cls = column(grid, 'Class');
      const counts = new Map<string, number>();
      for (const row of grid.slice(1)) counts.set(row[cls], (counts.get(row[cls]) ?? 0) + 1);
      const biggest = [...counts].reduce((best, x) => (x[1] > best[1] ? x : best))[0];
      yield* deleteRows(rowsWhere(grid, (row) => row[cls] !== biggest));
      yield* sort(column(grid, 'Chemistry'), 'des');
      return null;
    },
  ],
  [
    /^In the task assignment table "(Sheet11)", find and delete the tasks with the status "Completed"/,
    function* () {
      const grid = yield* values();
      const status = column(grid, 'Status');
      yield* deleteRows(rowsWhere(grid, (row) => row[status] === 'Completed'));
      yield* sort(column(grid, 'Estimated Hours'), 'des');
      return null;
    },
  ],
  [
    /^In "(Sheet12)", you need to update the grades of the following students: (.+), please check the note/,
    function* (goal) {
      const grid = yield* values();
      const [first, sum] = [column(grid, 'Math'), column(grid, 'Sum')];
      const names = /students: (.+?), please/.exec(goal)![1].split(/, | and /);
      for (const name of names) {
        const r = rowNamed(grid, name);
        const note = String(yield* ask('get_note', { position: cellName(r, 0) }));
        const m = /^(\w+): (\d+)$/.exec(note.trim());
        if (!m) throw new ProgramError(`Unexpected note ${note}`);
        const scores = grid[r].slice(first, sum).map(num);
        scores[column(grid, m[1]) - first] = num(m[2]);
        yield* updateRange([r, first], [r, sum], [[...scores, scores.reduce((s, x) => s + x, 0)]]);
      }
      yield* sort(column(grid, 'English'), 'des');
      return null;
    },
  ],
  [
    /^In "(Sheet13)", update the information for the task with the following/,
    function* (goal) {
      const grid = yield* values();
      const [head, ...updates] = quotedTable(goal);
      for (const update of updates) {
        const r = rowNamed(grid, update[0]);
        yield* updateRange([r, 0], [r, head.length - 1], [update.map((v) => (/^\d+$/.test(v) ? int(Number(v)) : v))]);
      }
      yield* sort(column(grid, 'Time required'), 'des');
      return null;
    },
  ],
  [
    /^In "(Sheet14)", complete the table with the missing elements/,
    function* (goal) {
      const grid = yield* values();
      const [categories, people] = quotedTable(goal);
      const [person, category] = [column(grid, 'Responsible Person'), column(grid, 'Category')];
      for (const r of rowsWhere(grid, (row) => row[person] === 'None' || row[person] === '')) {
        const who = people[categories.indexOf(grid[r][category])];
        if (who === undefined) throw new ProgramError(`No person for ${grid[r][category]}`);
        yield* ask('update_cell', { position: cellName(r, person), value: who });
      }
      // The goal's "Time required" is this table's "Estimated Hours".
      yield* sort(column(grid, 'Estimated Hours'), 'des');
      return null;
    },
  ],
  [
    /^In "(Sheet15)" with the work assignment information, please sort the sheet in ascending order by "Category"/,
    function* () {
      const before = yield* values();
      const category = column(before, 'Category');
      yield* sort(category, 'asc');
      const grid = yield* values();
      const [hours, sum] = [column(grid, 'Time required'), column(grid, 'Sum Hours')];
      const totals = new Map<string, number>();
      for (const row of grid.slice(1)) totals.set(row[category], (totals.get(row[category]) ?? 0) + num(row[hours]));
      yield* updateRange([1, sum], [grid.length - 1, sum], grid.slice(1).map((row) => [totals.get(row[category])!]));
      for (let r = 1; r < grid.length; ) {
        let end = r;
        while (end + 1 < grid.length && grid[end + 1][category] === grid[r][category]) end++;
        if (end > r) yield* ask('merge_cells', { start_position: cellName(r, sum), end_position: cellName(end, sum) });
        r = end + 1;
      }
      return null;
    },
  ],
  [
    /^In "(Sheet16)", which contains product inventory information, please first update it/,
    function* (goal) {
      const grid = yield* values();
      const d = column(grid, 'Discount');
      const discounts = new Map(quotedTable(goal).slice(1).map(([p, v]) => [p.trim(), num(v)]));
      yield* updateRange([1, d], [grid.length - 1, d], grid.slice(1).map((row) => [discounts.get(row[0]) ?? num(row[d])]));
      yield* sort(column(grid, 'Product Rating'), 'des');
      return null;
    },
  ],
  [
    /^In "(Sheet17)", calculate and complete the "Profit"/,
    function* () {
      const grid = yield* values();
      const [price, sold, profit] = [column(grid, 'Price'), column(grid, 'Sold out'), column(grid, 'Profit')];
      yield* updateRange([1, profit], [grid.length - 1, profit], grid.slice(1).map((row) => [num(row[price]) * num(row[sold])]));
      yield* sort(profit, 'des');
      return null;
    },
  ],
  [
    /^In "(Sheet18)", remove all records for the store with the highest total profit/,
    function* () {
      const grid = yield* values();
      const [store, profit] = [column(grid, 'Location'), column(grid, 'Profit')];
      const totals = new Map<string, number>();
      for (const row of grid.slice(1)) totals.set(row[store], (totals.get(row[store]) ?? 0) + num(row[profit]));
      const best = [...totals].reduce((b, x) => (x[1] > b[1] ? x : b))[0];
      yield* deleteRows(rowsWhere(grid, (row) => row[store] === best));
      yield* sort(profit, 'des');
      return null;
    },
  ],
  [
    /^In "(Sheet19)", filter out records with "math" greater than 80 and "Chemistry" greater than 85/,
    function* () {
      const grid = yield* values();
      const [math, chem] = [column(grid, 'Math'), column(grid, 'Chemistry')];
      yield* deleteRows(rowsWhere(grid, (row) => !(num(row[math]) > 80 && num(row[chem]) > 85)));
      yield* sort(chem, 'des');
      return null;
    },
  ],
  [
    /^In "(Sheet20)", filter out the highest score for each subject and delete those records/,
    function* () {
      const grid = yield* values();
      const subjects = grid[0].map((_, c) => c).slice(1);
      const best = subjects.map((c) => Math.max(...grid.slice(1).map((row) => num(row[c]))));
      yield* deleteRows(rowsWhere(grid, (row) => subjects.some((c, i) => num(row[c]) === best[i])));
      yield* sort(column(grid, 'Biology'), 'des');
      return null;
    },
  ],
];

/** Sheet's finish takes no answer: the sheet itself is what is scored. */
export const TEMPLATES: Template[] = PROGRAMS.map(([pattern, body]) => ({
  pattern,
  *program(m) {
    yield* ask('open_sheet', { name: /"(Sheet\d+)"/.exec(m.input)![1] });
    yield* body(m.input);
    return null;
  },
}));

export const solveSheet = templateSolver(TEMPLATES);
