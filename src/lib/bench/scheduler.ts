/**
 * Runs a benchmark's tasks with bounded, adaptive concurrency. Stateless about storage: the caller
 * supplies `play` (one episode, persisted step by step under a deterministic id so a restarted
 * task overwrites its partial episode) and `saveRun`. A run resumes by skipping finished tasks;
 * a task whose episode ended in an error (an outage outlasting the retry budget) is not finished:
 * it is kept in `run.errors` with its reason, excluded from scores, and played again on resume.
 */
import type { EpisodeRecord } from '../records.ts';
import { AdaptiveLimiter } from './limiter.ts';
import { expandTasks, type RunRecord, type Task } from './types.ts';

export interface PlayContext {
  signal: AbortSignal;
  /** The agent hit a 429; slow the whole run down. */
  onRateLimit(retryAfterMs?: number): void;
}

export interface RunnerDeps {
  play(task: Task, ctx: PlayContext): Promise<EpisodeRecord>;
  saveRun(run: RunRecord): Promise<void>;
  onProgress?(p: Progress): void;
  now?: () => number;
}

export interface EnvProgress {
  total: number;
  done: number;
  /** Ended in an error (kept for resume, not scored). */
  failed: number;
  running: number;
  success: number;
}

export interface Progress {
  total: number;
  done: number;
  /** Ended in an error (kept for resume, not scored). */
  failed: number;
  running: number;
  success: number;
  perEnv: Record<string, EnvProgress>;
  /** Estimated milliseconds left, null until an episode has finished in this session. */
  etaMs: number | null;
  concurrency: number;
  status: RunRecord['status'];
}

export function episodeIdFor(runId: string, task: Pick<Task, 'key'>): string {
  return `${runId}:${task.key}`;
}

export interface StartOptions {
  /** Play only the tasks that ended in an error (`--retry-errors`), not the ones never started. */
  onlyErrors?: boolean;
}

export class BenchRunner {
  private readonly tasks: Task[];
  private readonly limiter: AdaptiveLimiter;
  private readonly now: () => number;
  private cancelled = false;
  /** One abort controller per episode in flight (not one shared signal with a listener per episode). */
  private running = new Map<string, AbortController>();
  /** Task key -> success, for tasks finished in this runner or known from before. */
  private outcomes = new Map<string, boolean>();
  private sessionDone = 0;
  private sessionStart = 0;
  private wake: (() => void) | null = null;
  private paused = false;

  constructor(
    public run: RunRecord,
    private readonly deps: RunnerDeps,
    known: Map<string, EpisodeRecord> = new Map(),
  ) {
    this.tasks = expandTasks(run.config);
    this.limiter = new AdaptiveLimiter(Math.max(1, Math.min(64, run.config.concurrency)), deps.now);
    this.now = deps.now ?? Date.now;
    for (const [key, ep] of known) this.outcomes.set(key, ep.success);
  }

  /** Plays every unfinished task; resolves when all are finished, or on pause/cancel. */
  async start(options: StartOptions = {}): Promise<RunRecord> {
    this.paused = false;
    this.sessionStart = this.now();
    this.sessionDone = 0;
    this.run = { ...this.run, status: 'running' };
    await this.deps.saveRun(this.run);
    const errored = this.run.errors ?? {};
    const queue = this.tasks.filter((t) => !(t.key in this.run.finished) && (!options.onlyErrors || t.key in errored));
    const inFlight = new Set<Promise<void>>();
    this.report();
    while (queue.length > 0 && !this.paused && !this.cancelled) {
      const wait = this.limiter.waitMs(this.running.size);
      if (wait > 0) {
        await this.sleepOrWake(wait);
        continue;
      }
      const task = queue.shift()!;
      const p = this.playOne(task).finally(() => inFlight.delete(p));
      inFlight.add(p);
    }
    await Promise.all(inFlight);
    const finished = this.tasks.every((t) => t.key in this.run.finished);
    // Not paused and not all finished: every task was tried, some ended in an error.
    const status: RunRecord['status'] = this.cancelled ? 'cancelled' : finished ? 'done' : this.paused ? 'paused' : 'incomplete';
    this.run = { ...this.run, status, ...(status === 'done' ? { finishedAt: this.now() } : {}) };
    await this.deps.saveRun(this.run);
    this.report();
    return this.run;
  }

  /** Stop starting new episodes; those in flight finish. */
  pause(): void {
    this.paused = true;
    this.wake?.();
  }

  /** Abort everything; in-flight episodes end as stopped. */
  cancel(): void {
    this.cancelled = true;
    for (const c of this.running.values()) c.abort();
    this.wake?.();
  }

  progress(): Progress {
    const perEnv: Record<string, EnvProgress> = {};
    const totals: EnvProgress = { total: 0, done: 0, failed: 0, running: 0, success: 0 };
    for (const t of this.tasks) {
      const e = (perEnv[t.env] ??= { total: 0, done: 0, failed: 0, running: 0, success: 0 });
      const success = this.outcomes.get(t.key);
      for (const acc of [e, totals]) {
        acc.total++;
        if (this.running.has(t.key)) acc.running++;
        else if (t.key in this.run.finished) {
          acc.done++;
          if (success) acc.success++;
        } else if (this.run.errors && t.key in this.run.errors) acc.failed++;
      }
    }
    const left = totals.total - totals.done - totals.failed;
    const elapsed = this.now() - this.sessionStart;
    const etaMs = this.sessionDone > 0 ? Math.round((elapsed / this.sessionDone) * left) : null;
    return { ...totals, perEnv, etaMs, concurrency: this.limiter.current, status: this.run.status };
  }

  private async playOne(task: Task): Promise<void> {
    const controller = new AbortController();
    this.running.set(task.key, controller);
    this.report();
    try {
      const ep = await this.deps.play(task, {
        signal: controller.signal,
        onRateLimit: (ms) => this.limiter.rateLimited(ms),
      });
      // A cancelled or paused-by-fault episode is not finished: it restarts on resume.
      if (ep.status === 'done') {
        this.outcomes.set(task.key, ep.success);
        const { [task.key]: _retried, ...errors } = this.run.errors ?? {};
        this.run = { ...this.run, finished: { ...this.run.finished, [task.key]: ep.id }, errors };
        this.sessionDone++;
        this.limiter.completed();
        await this.deps.saveRun(this.run);
      } else if (ep.status === 'error') {
        this.run = { ...this.run, errors: { ...this.run.errors, [task.key]: ep.error ?? 'The episode ended in an error.' } };
        this.sessionDone++;
        await this.deps.saveRun(this.run);
      } else if (ep.status === 'paused') {
        // The agent could not go on (offline, auth): stop starting new work.
        this.pause();
      }
    } catch (e) {
      // `play` records agent faults in the episode; a throw is a bug or a storage failure.
      this.run = { ...this.run, lastError: e instanceof Error ? e.message : String(e) };
      this.pause();
    } finally {
      this.running.delete(task.key);
      this.wake?.();
      this.report();
    }
  }

  private sleepOrWake(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = Number.isFinite(ms) ? setTimeout(done, ms) : undefined;
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = null;
        done();
      };
    });
  }

  private report(): void {
    this.deps.onProgress?.(this.progress());
  }
}
