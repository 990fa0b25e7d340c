/**
 * The BIRD env's data, loaded once per worker or process: the questions and tables files up front,
 * each SQLite database on first use (read-only, shared by the episodes using it, which only read).
 */
import type { Database } from 'sql.js';
import type { DataSource } from '../contract.ts';
import { lockDown } from './query.ts';
import type { BirdTables } from './schema.ts';
import { sqlJs } from './sqljs.ts';

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

export class BirdData {
  private readonly databases = new Map<string, { db: Promise<Database>; users: number }>();

  private constructor(
    private readonly source: DataSource,
    readonly questions: readonly BirdQuestion[],
    readonly tables: ReadonlyMap<string, BirdTables>,
  ) {}

  static async load(source: DataSource): Promise<BirdData> {
    const [questions, tables] = await Promise.all([source.json<BirdQuestion[]>(QUESTIONS_FILE), source.json<BirdTables[]>(TABLES_FILE)]);
    return new BirdData(source, questions, new Map(tables.map((t) => [t.db_id, t])));
  }

  /**
   * The database `dbId`, opened on first use and shared by the episodes that hold it; each
   * acquire is matched by one release, and the last release closes it (sql.js memory is not
   * garbage-collected).
   */
  acquire(dbId: string): Promise<Database> {
    let entry = this.databases.get(dbId);
    if (!entry) {
      const db = Promise.all([sqlJs(), this.source.bytes(databaseFile(dbId))]).then(([SQL, bytes]) => {
        const opened = new SQL.Database(bytes);
        lockDown(opened);
        return opened;
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
    entry.db.then((db) => db.close(), () => {});
  }
}
