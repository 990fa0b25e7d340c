/**
 * Runs one agent query on a read-only database, as AgentGym's `cursor.execute(sql)` +
 * `fetchall()` would, within bounds AgentGym lacks.
 *
 * - One statement only: anything but whitespace and comments after the first statement fails with
 *   Python sqlite3's own message. Empty or comment-only input gives no rows, as in Python.
 * - Read-only: AgentGym opens the file with `mode=ro`; sql.js holds the database in memory, so the
 *   database is opened with `PRAGMA query_only` (writes fail with SQLite's own "attempt to write a
 *   readonly database", as in AgentGym) and statements that are not queries (PRAGMA, ATTACH,
 *   transactions...) are refused before they run, so no one can switch that pragma off.
 * - Bounded: at most `maxRows` rows and `maxBytes` of text and blobs are read, and a query still
 *   giving rows once `deadlineMs` has passed is stopped (checked between two rows). SQLite itself
 *   may use at most HEAP_LIMIT bytes of memory, so a huge blob or string fails fast with "out of
 *   memory" instead of filling the worker's memory. sql.js exports no progress handler or
 *   interrupt, so one row that takes long to compute (a count over a cross join) cannot be cut
 *   short from here: queries run in a worker of their own (sandbox.ts), terminated when it
 *   overruns the deadline, with the same message.
 */
import type { Database, Statement } from 'sql.js';
import { errorMessage } from '../../error-message.ts';
import type { Rows } from './rows.ts';

export interface QueryLimits {
  maxRows: number;
  /** Text and blob bytes (numbers count 8) over all rows. */
  maxBytes: number;
  deadlineMs: number;
  /** Milliseconds from any origin (performance.now in the env; a fake clock in tests). */
  now: () => number;
}

export const DEFAULT_LIMITS: QueryLimits = { maxRows: 100_000, maxBytes: 16_000_000, deadlineMs: 5_000, now: () => performance.now() };

/** SQLite's hard heap limit (PRAGMA hard_heap_limit), for every database of the sql.js instance. */
export const HEAP_LIMIT = 256 * 1024 * 1024;

/** Rows with their column names, or the error text the agent is shown. */
export type QueryResult = { rows: Rows; columns: string[] } | { error: string };

/** What the agent is told when a query overruns `deadlineMs`, however it was stopped. */
export function timedOut(deadlineMs: number): string {
  return `Query stopped: it ran longer than ${deadlineMs / 1000} seconds.`;
}

/** Python sqlite3's message for more than one statement. */
export const ONE_STATEMENT = 'You can only execute one statement at a time.';
/** SQLite's message for a write on a read-only database (what AgentGym shows). */
export const READ_ONLY = 'attempt to write a readonly database';
export const ONLY_QUERIES = 'Only queries (SELECT, WITH, VALUES, EXPLAIN) can run here: the database is read-only.';

const WRITES = new Set(['INSERT', 'UPDATE', 'DELETE', 'REPLACE', 'CREATE', 'DROP', 'ALTER']);
// Statements that change the connection (PRAGMA could switch query_only off); anything not listed
// here goes to SQLite, which reports unknown words as syntax errors, as in AgentGym.
const NOT_QUERIES = new Set(['PRAGMA', 'ATTACH', 'DETACH', 'BEGIN', 'COMMIT', 'END', 'ROLLBACK', 'SAVEPOINT', 'RELEASE', 'VACUUM', 'REINDEX', 'ANALYZE']);

// Sticky, so scanning never copies the text (agents may send long or comment-heavy input).
const BLANK = /\s+|--[^\n]*(?:\n|$)|\/\*[\s\S]*?(?:\*\/|$)/y;
const WORD = /[A-Za-z]+/y;

/** Index of `text` past whitespace and SQL comments from `at` (Python sqlite3's lstrip_sql). */
function skipBlank(text: string, at = 0): number {
  for (;;) {
    BLANK.lastIndex = at;
    const m = BLANK.exec(text);
    if (!m || m[0].length === 0) return at;
    at += m[0].length;
  }
}

function firstKeyword(sql: string): string {
  WORD.lastIndex = skipBlank(sql);
  return (WORD.exec(sql)?.[0] ?? '').toUpperCase();
}

/** Make a freshly opened database read-only for good and cap SQLite's memory (file comment). */
export function lockDown(db: Database): void {
  db.exec(`PRAGMA hard_heap_limit = ${HEAP_LIMIT}; PRAGMA query_only = ON`);
}

export function runQuery(db: Database, sql: string, limits: QueryLimits = DEFAULT_LIMITS): QueryResult {
  // sql.js passes SQL as a C string, which would end at a NUL; Python refuses such text.
  if (sql.includes('\0')) return { error: 'the query contains a null character' };
  const keyword = firstKeyword(sql);
  if (WRITES.has(keyword)) return { error: READ_ONLY };
  if (NOT_QUERIES.has(keyword)) return { error: ONLY_QUERIES };
  const statements = db.iterateStatements(sql);
  try {
    const first = statements.next();
    if (first.done) return { rows: [], columns: [] };
    const rest = statements.getRemainingSQL();
    if (skipBlank(rest) < rest.length) return { error: ONE_STATEMENT };
    return readRows(first.value, limits);
  } catch (e) {
    return { error: errorMessage(e) };
  } finally {
    drain(statements);
  }
}

function readRows(stmt: Statement, limits: QueryLimits): QueryResult {
  const stopAt = limits.now() + limits.deadlineMs;
  const rows: Rows = [];
  let bytes = 0;
  // sql.js's typings omit get()'s config argument; useBigInt keeps INTEGER apart from REAL.
  const get = stmt.get.bind(stmt) as unknown as (params: null, config: { useBigInt: boolean }) => Rows[number];
  while (stmt.step()) {
    if (rows.length === limits.maxRows) return { error: `Query stopped: it returned more than ${limits.maxRows} rows.` };
    if (rows.length > 0 && limits.now() > stopAt) return { error: timedOut(limits.deadlineMs) };
    const row = get(null, { useBigInt: true });
    for (const v of row) bytes += typeof v === 'string' ? v.length : v instanceof Uint8Array ? v.length : 8;
    if (bytes > limits.maxBytes) return { error: `Query stopped: its result is larger than ${limits.maxBytes / 1e6} MB.` };
    rows.push(row);
  }
  return { rows, columns: stmt.getColumnNames() };
}

/** Frees the open statement, and the iterator's copy of the SQL, which sql.js frees only at the end. */
function drain(statements: ReturnType<Database['iterateStatements']>): void {
  try {
    while (!statements.next().done);
  } catch {
    // A later statement that does not parse ends the iteration too; nothing ran.
  }
}
