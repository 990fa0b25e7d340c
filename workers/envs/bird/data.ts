/**
 * The BIRD env's data, loaded once per worker or process: the questions and tables files up front,
 * each SQLite database on first use (read-only, shared by the episodes using it, which only read).
 * The databases live in the query sandbox's worker, where a runaway query can be ended.
 */
import type { DataSource } from '../contract.ts';
import { DEFAULT_LIMITS } from './query.ts';
import { SqlSandbox, type TimedResult } from './sandbox.ts';
import type { BirdTables } from './schema.ts';
import { spawnQueryWorker } from './spawn-query-worker.ts';

/** One entry of BIRD's dev.json. */
export interface BirdQuestion {
  question_id: number;
  db_id: string;
  question: string;
  evidence: string;
  SQL: string;
  difficulty: 'simple' | 'moderate' | 'challenging';
}

export const QUESTIONS_FILE = 'bird-questions.json';
export const TABLES_FILE = 'bird-tables.json';
export const databaseFile = (dbId: string) => `bird/${dbId}.sqlite`;

/** One open database, as an episode uses it. */
export interface OpenDatabase {
  query(sql: string): Promise<TimedResult>;
}

export class BirdData {
  private readonly databases = new Map<string, { db: Promise<OpenDatabase & { key: string }>; users: number }>();
  private openings = 0;

  private constructor(
    private readonly source: DataSource,
    readonly questions: readonly BirdQuestion[],
    readonly tables: ReadonlyMap<string, BirdTables>,
    readonly sandbox: SqlSandbox,
  ) {}

  static async load(source: DataSource, sandbox = new SqlSandbox(spawnQueryWorker, DEFAULT_LIMITS)): Promise<BirdData> {
    const [questions, tables] = await Promise.all([source.json<BirdQuestion[]>(QUESTIONS_FILE), source.json<BirdTables[]>(TABLES_FILE)]);
    return new BirdData(source, questions, new Map(tables.map((t) => [t.db_id, t])), sandbox);
  }

  /**
   * The database `dbId`, opened on first use and shared by the episodes that hold it; each
   * acquire is matched by one release, and the last release closes it (sql.js memory is not
   * garbage-collected).
   */
  acquire(dbId: string): Promise<OpenDatabase> {
    let entry = this.databases.get(dbId);
    if (!entry) {
      // A key of its own per opening, so closing an old one never touches a newer.
      const key = `${dbId}#${this.openings++}`;
      const db = this.source.bytes(databaseFile(dbId)).then((bytes) => {
        this.sandbox.open(key, bytes);
        return { key, query: (sql: string) => this.sandbox.query(key, sql) };
      });
      entry = { db, users: 0 };
      this.databases.set(dbId, entry);
      const mine = entry;
      db.catch(() => {
        if (this.databases.get(dbId) === mine) this.databases.delete(dbId); // a failed download may be retried
      });
    }
    entry.users++;
    return entry.db;
  }

  release(dbId: string): void {
    const entry = this.databases.get(dbId);
    if (!entry || --entry.users > 0) return;
    this.databases.delete(dbId);
    entry.db.then((db) => this.sandbox.close(db.key), () => {});
  }
}
