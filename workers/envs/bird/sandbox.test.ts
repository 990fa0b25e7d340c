import { afterAll, describe, expect, it } from 'vitest';
import { GRACE_MS, SqlSandbox, type SpawnWorker } from './sandbox.ts';
import { spawnQueryWorker } from './spawn-query-worker.ts';
import { sqlJs } from './sqljs.ts';
import { timedOut } from './query.ts';

const DEADLINE = 1000;
const sandbox = new SqlSandbox(spawnQueryWorker, { maxRows: 1000, maxBytes: 100_000, deadlineMs: DEADLINE });
afterAll(() => sandbox.dispose());

async function database(): Promise<Uint8Array> {
  const SQL = await sqlJs();
  const db = new SQL.Database();
  db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO t VALUES (1, 'a'), (2, 'b');");
  const bytes = db.export();
  db.close();
  return bytes;
}

describe('queries in a worker of their own', () => {
  it('answers with rows, column names and a run time', async () => {
    sandbox.open('t', await database());
    const { result, ms } = await sandbox.query('t', 'SELECT id, name AS who FROM t ORDER BY id');
    expect(result).toEqual({ rows: [[1n, 'a'], [2n, 'b']], columns: ['id', 'who'] });
    expect(ms).toBeGreaterThanOrEqual(0);
    expect(await sandbox.query('t', 'DELETE FROM t')).toMatchObject({ result: { error: 'attempt to write a readonly database' } });
  });

  it('ends a query that computes past its deadline before giving a row, then carries on', async () => {
    // Counting an endless recursive CTE never yields a row, so only terminating the worker stops it.
    const began = performance.now();
    const { result } = await sandbox.query('t', 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c');
    const took = performance.now() - began;
    expect(result).toEqual({ error: timedOut(DEADLINE) });
    expect(took).toBeGreaterThanOrEqual(DEADLINE);
    expect(took).toBeLessThan(DEADLINE + GRACE_MS + 1000);
    // The database is reopened in a fresh worker.
    expect((await sandbox.query('t', 'SELECT count(*) FROM t')).result).toEqual({ rows: [[2n]], columns: ['count(*)'] });
  });

  it('queues queries, so a runaway one ends only itself', async () => {
    const slow = sandbox.query('t', 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT max(x) FROM c');
    const next = sandbox.query('t', "SELECT name FROM t WHERE id = 2");
    expect((await slow).result).toEqual({ error: timedOut(DEADLINE) });
    expect((await next).result).toEqual({ rows: [['b']], columns: ['name'] });
  });

  it('refuses a database it was not given', async () => {
    await expect(sandbox.query('nope', 'SELECT 1')).rejects.toThrow('Database "nope" is not open.');
  });

  it('fails the request in flight when its worker crashes, and starts a fresh worker for the next', async () => {
    let spawned = 0;
    // A stand-in worker: opens anything, crashes on a query for "crash", answers the rest.
    const spawn: SpawnWorker = (onReply, onFail) => {
      spawned++;
      return {
        post: (m) =>
          queueMicrotask(() => {
            if (m.op === 'query' && m.sql === 'crash') onFail('out of memory');
            else onReply({ id: m.id, ok: true, value: m.op === 'query' ? { result: { rows: [], columns: [] }, ms: 0 } : null });
          }),
        terminate: () => {},
      };
    };
    const fake = new SqlSandbox(spawn, { maxRows: 10, maxBytes: 10, deadlineMs: 1000 });
    fake.open('db', new Uint8Array());
    await expect(fake.query('db', 'crash')).rejects.toThrow('The query was ended: the query worker failed: out of memory.');
    expect((await fake.query('db', 'SELECT 1')).result).toEqual({ rows: [], columns: [] });
    expect(spawned).toBe(2);
  });
});
