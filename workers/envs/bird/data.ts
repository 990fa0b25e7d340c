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
  /** BIRD's level; Spider's questions have none. */
  difficulty?: 'simple' | 'moderate' | 'challenging';
}

/** Where the files are: the built-in set, or a user's BIRD or Spider dev set (see DatasetRef). */
function layout(source: DataSource) {
  return source.dataset
    ? { questions: 'questions.json', tables: 'tables.json', database: (dbId: string) => `databases/${dbId}.sqlite`, firstItem: source.dataset.firstItem }
    : { questions: 'bird-questions.json', tables: 'bird-tables.json', database: databaseFile, firstItem: 0 };
}

/** The built-in set's file for database `dbId` (perf scripts read them directly). */
export function databaseFile(dbId: string): string {
  return `bird/${dbId}.sqlite`;
}

/** One open database, as an episode uses it. */
export interface OpenDatabase {
  query(sql: string): Promise<TimedResult>;
}

export class BirdData {
  private readonly databases = new Map<string, { db: Promise<OpenDatabase & { key: string }>; users: number }>();
  private openings = 0;

  private constructor(
    private readonly source: DataSource,
    private readonly files: ReturnType<typeof layout>,
    readonly questions: readonly BirdQuestion[],
    readonly tables: ReadonlyMap<string, BirdTables>,
    readonly sandbox: SqlSandbox,
  ) {}

  static async load(source: DataSource, sandbox = new SqlSandbox(spawnQueryWorker, DEFAULT_LIMITS)): Promise<BirdData> {
    const files = layout(source);
    const [questions, tables] = await Promise.all([source.json<BirdQuestion[]>(files.questions), source.json<BirdTables[]>(files.tables)]);
    return new BirdData(source, files, questions, new Map(tables.map((t) => [t.db_id, t])), sandbox);
  }

  /** The question behind item `index` (a user's BIRD dev set starts at 9428, as in AgentGym). */
  question(index: number): BirdQuestion {
    const q = this.questions[index - this.files.firstItem];
    if (!q) {
      const { firstItem } = this.files;
      throw new Error(`No BIRD question ${index} (${firstItem}..${firstItem + this.questions.length - 1}${firstItem ? '; items below it are BIRD train questions, not loaded' : ''})`);
    }
    return q;
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
      const db = this.source.bytes(this.files.database(dbId)).then((bytes) => {
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
