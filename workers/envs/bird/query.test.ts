import type { Database } from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { lockDown, ONE_STATEMENT, ONLY_QUERIES, READ_ONLY, runQuery, type QueryLimits } from './query.ts';
import { sqlJs } from './sqljs.ts';

let db: Database;
const LIMITS: QueryLimits = { maxRows: 1000, maxBytes: 100_000, deadlineMs: 5000, now: () => 0 };

beforeAll(async () => {
  const SQL = await sqlJs();
  db = new SQL.Database();
  db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, score REAL); INSERT INTO t VALUES (1, 'a', 1.0), (2, 'b', 2.5), (3, NULL, NULL);");
  lockDown(db);
});

const run = (sql: string, limits = LIMITS) => runQuery(db, sql, limits);

describe('one agent query', () => {
  it('returns rows with INTEGER as bigint and REAL as number', () => {
    expect(run('SELECT id, name AS who, score FROM t ORDER BY id')).toEqual({ rows: [[1n, 'a', 1], [2n, 'b', 2.5], [3n, null, null]], columns: ['id', 'who', 'score'] });
    expect(run("SELECT 'x'; -- a trailing comment\n  ")).toMatchObject({ rows: [['x']] });
    expect(run('/* only */ -- comments')).toMatchObject({ rows: [] });
    expect(run('')).toMatchObject({ rows: [] });
    // Long comment-heavy input is scanned in linear time.
    expect(run('/**/'.repeat(200_000) + ' SELECT 1')).toMatchObject({ rows: [[1n]] });
  });

  it("reports SQLite's errors as Python's sqlite3 does", () => {
    expect(run('SELECT nope FROM t')).toEqual({ error: 'no such column: nope' });
    expect(run('SELEC 1')).toEqual({ error: 'near "SELEC": syntax error' });
  });

  it('refuses a second statement', () => {
    expect(run('SELECT 1; SELECT 2')).toEqual({ error: ONE_STATEMENT });
    expect(run("SELECT 1; DELETE FROM t")).toEqual({ error: ONE_STATEMENT });
    expect(run('SELECT 1;;')).toEqual({ error: ONE_STATEMENT });
    expect(run('SELECT 1\0; DELETE FROM t')).toEqual({ error: 'the query contains a null character' });
  });

  it('refuses writes and connection changes; the data stays as it was', () => {
    expect(run("INSERT INTO t VALUES (4, 'd', 0)")).toEqual({ error: READ_ONLY });
    expect(run('  -- sneaky\n delete FROM t')).toEqual({ error: READ_ONLY });
    expect(run('DROP TABLE t')).toEqual({ error: READ_ONLY });
    // A write inside WITH passes the keyword check and is stopped by SQLite itself.
    expect(run('WITH x AS (SELECT 1) DELETE FROM t')).toEqual({ error: READ_ONLY });
    expect(run('PRAGMA query_only = OFF')).toEqual({ error: ONLY_QUERIES });
    expect(run("ATTACH DATABASE ':memory:' AS other")).toEqual({ error: ONLY_QUERIES });
    expect(run('BEGIN')).toEqual({ error: ONLY_QUERIES });
    expect(run('CREATE TEMP TABLE u (x)')).toEqual({ error: READ_ONLY });
    expect(run('SELECT COUNT(*) FROM t')).toMatchObject({ rows: [[3n]] });
  });

  it('stops a query that returns too many rows', () => {
    const endless = 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c';
    expect(run(endless)).toEqual({ error: 'Query stopped: it returned more than 1000 rows.' });
    expect(run('WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000) SELECT x FROM c')).toMatchObject({ rows: expect.any(Array) });
  });

  it('stops a result that grows too large, and lets SQLite fail fast on huge values', () => {
    expect(run("SELECT printf('%.*c', 60000, 'x') UNION ALL SELECT printf('%.*c', 60000, 'y')")).toEqual({ error: 'Query stopped: its result is larger than 0.1 MB.' });
    expect(run('SELECT randomblob(1000000000)')).toEqual({ error: 'out of memory' });
    expect(run('SELECT 1')).toMatchObject({ rows: [[1n]] });
  });

  it('stops a runaway query at its deadline, between rows', () => {
    // A fake clock: each reading is one second later.
    let t = 0;
    const limits: QueryLimits = { maxRows: 1_000_000, maxBytes: 100_000_000, deadlineMs: 5000, now: () => (t += 1000) };
    const endless = 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c';
    expect(run(endless, limits)).toEqual({ error: 'Query stopped: it ran longer than 5 seconds.' });
    // A query whose one row came late still counts: nothing was left to stop.
    t = 0;
    expect(run('SELECT COUNT(*) FROM t', { ...limits, now: () => (t += 10_000) })).toMatchObject({ rows: [[3n]] });
  });
});
