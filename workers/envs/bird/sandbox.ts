/**
 * Runs BIRD's queries in a worker of their own (query-worker.ts), so a query that computes for
 * long before its first row can still be stopped: sql.js has no interrupt, but a worker can be
 * terminated. A query not answered by its deadline (plus a grace for the worker's own check
 * between rows) ends the worker; the next request starts a fresh one and reopens the databases
 * it needs from the bytes kept here. One query is in flight at a time, so a termination only
 * ever ends the query that overran.
 */
import { errorMessage } from '../../error-message.ts';
import { timedOut, type QueryLimits, type QueryResult } from './query.ts';

/** The limits a worker is sent (its clock is its own). */
export type SandboxLimits = Omit<QueryLimits, 'now'>;

type RequestBody =
  | { op: 'open'; key: string; bytes: Uint8Array }
  | { op: 'close'; key: string }
  | { op: 'query'; key: string; sql: string; limits: SandboxLimits };

export type SandboxRequest = RequestBody & { id: number };

export type SandboxReply = { id: number; ok: true; value: TimedResult | null } | { id: number; ok: false; error: string };

/** A query's result and how long it ran, in milliseconds (for people; never shown to the agent). */
export interface TimedResult {
  result: QueryResult;
  ms: number;
}

/** The few calls the sandbox makes on a Web Worker or a Node worker thread. */
export interface WorkerLike {
  post(message: SandboxRequest): void;
  terminate(): void;
}

/** Starts a worker whose replies go to `onReply` and whose crash goes to `onFail`. */
export type SpawnWorker = (onReply: (reply: SandboxReply) => void, onFail: (message: string) => void) => WorkerLike;

/** Time the worker gets past the deadline to stop the query itself before it is terminated. */
export const GRACE_MS = 250;

interface Pending {
  resolve(value: TimedResult | null): void;
  reject(error: Error): void;
}

export class SqlSandbox {
  private worker: WorkerLike | null = null;
  /** Keys opened in the current worker. */
  private readonly opened = new Set<string>();
  private readonly bytes = new Map<string, Uint8Array>();
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private tail: Promise<unknown> = Promise.resolve();

  readonly limits: SandboxLimits;

  constructor(
    private readonly spawn: SpawnWorker,
    { maxRows, maxBytes, deadlineMs }: SandboxLimits,
  ) {
    // Only the numbers: a worker cannot be sent a clock function.
    this.limits = { maxRows, maxBytes, deadlineMs };
  }

  /** Make `bytes` available as database `key` (opened in the worker on its first query). */
  open(key: string, bytes: Uint8Array): void {
    this.bytes.set(key, bytes);
  }

  close(key: string): void {
    this.bytes.delete(key);
    if (this.opened.delete(key)) void this.serial(() => this.request({ op: 'close', key })).catch(() => {});
  }

  query(key: string, sql: string): Promise<TimedResult> {
    return this.serial(async () => {
      const bytes = this.bytes.get(key);
      if (!bytes) throw new Error(`Database "${key}" is not open.`);
      if (!this.opened.has(key)) {
        // A copy: the worker takes its own, and these bytes must survive a restart.
        await this.request({ op: 'open', key, bytes: bytes.slice() });
        this.opened.add(key);
      }
      const began = performance.now();
      const answer = this.request({ op: 'query', key, sql, limits: this.limits });
      let timer: ReturnType<typeof setTimeout> | undefined;
      const overrun = new Promise<TimedResult>((resolve) => {
        timer = setTimeout(() => {
          // Settled before the restart rejects `answer`, so the race takes this.
          resolve({ result: { error: timedOut(this.limits.deadlineMs) }, ms: performance.now() - began });
          this.restart('the query overran its deadline');
        }, this.limits.deadlineMs + GRACE_MS);
      });
      try {
        return (await Promise.race([answer, overrun])) as TimedResult;
      } finally {
        clearTimeout(timer);
      }
    });
  }

  /** Ends the worker and everything in it; the next request starts another. */
  dispose(): void {
    this.restart('the sandbox was closed');
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.tail.then(fn, fn);
    this.tail = run.catch(() => {});
    return run;
  }

  private request(body: RequestBody): Promise<TimedResult | null> {
    const id = this.nextId++;
    const worker = this.current();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      try {
        worker.post({ id, ...body });
      } catch (e) {
        this.pending.delete(id);
        reject(new Error(`The query worker could not be sent a request: ${errorMessage(e)}`));
      }
    });
  }

  private current(): WorkerLike {
    if (this.worker) return this.worker;
    const worker: WorkerLike = this.spawn(
      (reply) => this.settle(reply),
      // A failure reported late by a worker already replaced must not end its successor.
      (message) => this.worker === worker && this.restart(`the query worker failed: ${message}`),
    );
    this.worker = worker;
    return worker;
  }

  private settle(reply: SandboxReply): void {
    const p = this.pending.get(reply.id);
    if (!p) return;
    this.pending.delete(reply.id);
    if (reply.ok) p.resolve(reply.value);
    else p.reject(new Error(reply.error));
  }

  private restart(why: string): void {
    this.worker?.terminate();
    this.worker = null;
    this.opened.clear();
    const failed = [...this.pending.values()];
    this.pending.clear();
    for (const p of failed) p.reject(new Error(`The query was ended: ${why}.`));
  }
}
