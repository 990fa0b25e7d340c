/**
 * BIRD text-to-SQL as AgentGym's sqlgym runs it (agentenv-sqlgym over `sqlgym==0.1.2`): reset shows
 * the database's schema in sentences and the question; the one step runs the agent's SQL, shows
 * Python's `str()` of the result (or the error text) cut to 100 characters, and ends the episode
 * with reward 1 iff the result rows equal the gold query's as sets.
 */
import type { Env, Picture, StackPicture, StepResult } from '../contract.ts';
import type { BirdData, BirdQuestion, OpenDatabase } from './data.ts';
import { resultPicture, schemaPictures } from './picture.ts';
import { cutText, showRows } from './pyrepr.ts';
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
  private db: OpenDatabase | null = null;
  private task = NOT_STARTED;
  /** The step's result as people see it (a grid with its run time). */
  private shownResult: Exclude<Picture, StackPicture> | null = null;

  constructor(private readonly data: BirdData) {}

  async reset(index: number): Promise<string> {
    const q = this.data.question(index);
    const task = taskText(this.data, q);
    // Acquire the new database before letting go of the old one, which may be the same.
    const db = await this.data.acquire(q.db_id);
    this.releaseDb();
    this.question = q;
    this.db = db;
    this.task = task;
    this.shownResult = null;
    return task;
  }

  async step(action: string): Promise<StepResult> {
    // Held across the awaits: a close meanwhile must not pull the database from under the step.
    const { question, db } = this;
    if (!question || !db) throw new Error('Call reset before step.');
    const gold = question.SQL;
    const predicted = await db.query(action);
    // sqlgym re-runs the gold query on every step; a gold that fails makes every answer wrong.
    const expected = await db.query(gold);
    const right = 'rows' in predicted.result && 'rows' in expected.result && sameRowSet(predicted.result.rows, expected.result.rows);
    const shown = 'rows' in predicted.result ? showRows(predicted.result.rows) : cutText(predicted.result.error);
    this.shownResult = resultPicture('Result of the query', predicted.result, predicted.ms);
    // AgentGym's step info carries the gold SQL; the episode is over by then.
    const info = 'rows' in predicted.result ? { valid: true, ground_truth: gold } : { valid: false, ground_truth: gold, hint: 'The query failed; the observation is its error message.' };
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

  /** The schema browser, then the result grid once the query has run. */
  picture(): StackPicture | null {
    const q = this.question;
    if (!q) return null;
    const parts = schemaPictures(this.data.tables.get(q.db_id)!);
    return { kind: 'stack', parts: this.shownResult ? [this.shownResult, ...parts] : parts };
  }

  /** The gold query and its result, for people once the episode is over (never an observation). */
  async reveal(): Promise<StackPicture | null> {
    if (!this.question || !this.db) return null;
    const { result, ms } = await this.db.query(this.question.SQL);
    return { kind: 'stack', parts: [{ kind: 'text', title: 'Gold SQL', body: this.question.SQL }, resultPicture('Result of the gold query', result, ms)] };
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
