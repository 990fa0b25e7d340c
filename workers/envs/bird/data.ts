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
  /** BIRD's level; Spider's questions have none. */
  difficulty?: 'simple' | 'moderate' | 'challenging';
}

/** Where the files are: the built-in set, or a user's BIRD or Spider dev set (see DatasetRef). */
function layout(source: DataSource) {
  return source.dataset
    ? { questions: 'questions.json', tables: 'tables.json', database: (dbId: string) => `databases/${dbId}.sqlite`, firstItem: source.dataset.firstItem }
    : { questions: 'bird-questions.json', tables: 'bird-tables.json', database: (dbId: string) => `bird/${dbId}.sqlite`, firstItem: 0 };
}

export class BirdData {
  private readonly databases = new Map<string, { db: Promise<Database>; users: number }>();

  private constructor(
    private readonly source: DataSource,
    private readonly files: ReturnType<typeof layout>,
    readonly questions: readonly BirdQuestion[],
    readonly tables: ReadonlyMap<string, BirdTables>,
  ) {}

  static async load(source: DataSource): Promise<BirdData> {
    const files = layout(source);
    const [questions, tables] = await Promise.all([source.json<BirdQuestion[]>(files.questions), source.json<BirdTables[]>(files.tables)]);
    return new BirdData(source, files, questions, new Map(tables.map((t) => [t.db_id, t])));
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
  acquire(dbId: string): Promise<Database> {
    let entry = this.databases.get(dbId);
    if (!entry) {
      const db = Promise.all([sqlJs(), this.source.bytes(this.files.database(dbId))]).then(([SQL, bytes]) => {
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
