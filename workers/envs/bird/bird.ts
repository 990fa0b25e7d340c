/**
 * BIRD text-to-SQL as AgentGym's sqlgym runs it (agentenv-sqlgym over `sqlgym==0.1.2`): reset shows
 * the database's schema in sentences and the question; the one step runs the agent's SQL, shows
 * Python's `str()` of the result (or the error text) cut to 100 characters, and ends the episode
 * with reward 1 iff the result rows equal the gold query's as sets.
 */
import type { Database } from 'sql.js';
import type { Env, StepResult, TextPicture } from '../contract.ts';
import type { BirdData, BirdQuestion } from './data.ts';
import { cutText, showRows } from './pyrepr.ts';
import { DEFAULT_LIMITS, runQuery, type QueryLimits } from './query.ts';
import { sameRowSet } from './rows.ts';
import { describeSchema } from './schema.ts';

/** sqlgym's observation before any reset. */
const NOT_STARTED = 'Call reset() to initialize the environment.';

/** The question as the agent sees it: the schema sentences, a blank line, the question. */
export function taskText(data: BirdData, q: BirdQuestion): string {
  const tables = data.tables.get(q.db_id);
  if (!tables) throw new Error(`No schema for database "${q.db_id}" in the tables file`);
  return `${describeSchema(tables)}\n\n${q.question}`;
}

export class BirdEnv implements Env {
  private question: BirdQuestion | null = null;
  private db: Database | null = null;
  private task = NOT_STARTED;
  private last: { sql: string; shown: string } | null = null;

  constructor(
    private readonly data: BirdData,
    private readonly limits: QueryLimits = DEFAULT_LIMITS,
  ) {}

  async reset(index: number): Promise<string> {
    const q = this.data.question(index);
    const task = taskText(this.data, q);
    // Acquire the new database before letting go of the old one, which may be the same.
    const db = await this.data.acquire(q.db_id);
    this.releaseDb();
    this.question = q;
    this.db = db;
    this.task = task;
    this.last = null;
    return task;
  }

  step(action: string): StepResult {
    if (!this.question || !this.db) throw new Error('Call reset before step.');
    const predicted = runQuery(this.db, action, this.limits);
    // sqlgym re-runs the gold query on every step; a gold that fails makes every answer wrong.
    const gold = runQuery(this.db, this.question.SQL, this.limits);
    const right = 'rows' in predicted && 'rows' in gold && sameRowSet(predicted.rows, gold.rows);
    const shown = 'rows' in predicted ? showRows(predicted.rows) : cutText(predicted.error);
    this.last = { sql: action, shown };
    // AgentGym's step info carries the gold SQL; the episode is over by then.
    const info = 'rows' in predicted ? { valid: true, ground_truth: this.question.SQL } : { valid: false, ground_truth: this.question.SQL, hint: 'The query failed; the observation is its error message.' };
    return { observation: shown, reward: right ? 1 : 0, done: true, info };
  }

  /** As sqlgym: the task text, before and after the step. */
  observation(): string {
    return this.task;
  }

  detail(): Record<string, unknown> {
    const q = this.question;
    return q ? { db_id: q.db_id, question: q.question, evidence: q.evidence, difficulty: q.difficulty, SQL: q.SQL } : {};
  }

  picture(): TextPicture | null {
    const q = this.question;
    if (!q) return null;
    const tables = this.data.tables.get(q.db_id)!;
    const lines = tables.table_names_original.map((t, ti) => `${t}(${tables.column_names_original.filter(([owner]) => owner === ti).map(([, c]) => c).join(', ')})`);
    if (this.last) lines.push('', `Query: ${this.last.sql}`, `Result: ${this.last.shown}`);
    return { kind: 'text', title: q.difficulty ? `${q.db_id} · ${q.difficulty}` : q.db_id, body: lines.join('\n') };
  }

  close(): void {
    this.releaseDb();
    this.question = null;
  }

  private releaseDb(): void {
    if (this.question && this.db) this.data.release(this.question.db_id);
    this.db = null;
  }
}
