/**
 * Runs a benchmark's tasks with bounded, adaptive concurrency. Stateless about storage: the caller
 * supplies `play` (one episode, persisted under a deterministic id so a restarted task overwrites
 * whatever an earlier attempt left) and `saveRun`. A run resumes by skipping finished tasks; a task
 * whose episode ended in an error is kept in `run.errors` with its reason, left out of the scores
 * and played again on resume. The run carries running totals (`tally`), updated as episodes finish.
 */
import type { EpisodeRecord } from '../records.ts';
import { AdaptiveLimiter } from './limiter.ts';
import { tallyTask, type RunTally } from './tally.ts';
import { expandTasks, type RunRecord, type Task } from './types.ts';

export interface PlayContext {
  signal: AbortSignal;
  /** The agent hit a 429; slow the whole run down. */
  onRateLimit(retryAfterMs?: number): void;
  /**
   * The episode is played and only its save is left: its slot goes to the next task. The task
   * counts as finished only once `play` resolves, after the save.
   */
  released?(): void;
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
  failed: number;
  running: number;
  success: number;
}

export interface Progress {
  total: number;
  done: number;
  failed: number;
  running: number;
  success: number;
  perEnv: Record<string, EnvProgress>;
  /** Estimated milliseconds left, null until an episode has finished in this session. */
  etaMs: number | null;
  concurrency: number;
  status: RunRecord['status'];
}

/** The run record is saved at most this often while episodes finish (and always at the end). */
const RUN_SAVE_MS = 500;

function emptyProgress(): EnvProgress {
  return { total: 0, done: 0, failed: 0, running: 0, success: 0 };
}

function addOutcome(acc: EnvProgress, ep: Pick<EpisodeRecord, 'success'>): void {
  acc.done++;
  if (ep.success) acc.success++;
}

export function episodeIdFor(runId: string, task: Pick<Task, 'key'>): string {
  return `${runId}:${task.key}`;
}

export interface StartOptions {
  /** Play only the tasks whose episode ended in an error (a retry after an outage). */
  onlyErrors?: boolean;
}

export class BenchRunner {
  private readonly tasks: Task[];
  private readonly limiter: AdaptiveLimiter;
  private readonly now: () => number;
  private cancelled = false;
  /** One abort controller per episode in flight (not one shared signal with a listener per episode). */
  private running = new Map<string, AbortController>();
  /** Progress counts per env and in all, kept as tasks start and end (not recounted per report). */
  private counts = new Map<string, EnvProgress>();
  private totals: EnvProgress = emptyProgress();
  private sessionDone = 0;
  private sessionStart = 0;
  private wake: (() => void) | null = null;
  private paused = false;
  /** The run record's write-behind: the save in flight, the timer of the next one, when the last began. */
  private saving: Promise<void> | null = null;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private lastSave = -Infinity;
  /** Set while start() writes its closing save: nothing is saved behind it any more. */
  private closing = false;
  /**
   * The run record without the parts below, which grow with every finished episode: they are
   * kept here and copied into a record only when one is saved or asked for (copying them for
   * each finished episode made a run quadratic in its size).
   */
  private base: RunRecord;
  private readonly finished: Record<string, string>;
  private readonly errors: Record<string, string>;
  private tally: RunTally | undefined;
  /** Bumped by every change to the record, so a save can tell whether it is still the latest. */
  private version = 0;

  constructor(
    run: RunRecord,
    private readonly deps: RunnerDeps,
    /** How already finished tasks ended, by task key. */
    known: ReadonlyMap<string, Pick<EpisodeRecord, 'status' | 'success'>> = new Map(),
  ) {
    this.base = run;
    this.finished = { ...run.finished };
    this.errors = { ...run.errors };
    this.tally = run.tally;
    this.tasks = expandTasks(run.config);
    this.limiter = new AdaptiveLimiter(Math.max(1, Math.min(64, run.config.concurrency)), deps.now);
    this.now = deps.now ?? Date.now;
    for (const t of this.tasks) {
      if (!this.counts.has(t.env)) this.counts.set(t.env, emptyProgress());
      const finished = t.key in this.finished;
      const errored = !finished && t.key in this.errors;
      this.count(t, (acc) => {
        acc.total++;
        if (finished) addOutcome(acc, { success: known.get(t.key)?.success ?? false });
        if (errored) acc.failed++;
      });
    }
  }

  /** The run as it stands: a new record at each call. */
  get run(): RunRecord {
    return { ...this.base, finished: { ...this.finished }, errors: { ...this.errors }, ...(this.tally ? { tally: this.tally } : {}) };
  }

  /** Plays every unfinished task; resolves when all are finished, or on pause/cancel. */
  async start(options: StartOptions = {}): Promise<RunRecord> {
    this.paused = false;
    this.closing = false;
    this.sessionStart = this.now();
    this.sessionDone = 0;
    this.change({ status: 'running' });
    await this.deps.saveRun(this.run);
    const queue = this.tasks.filter((t) => !(t.key in this.finished) && (!options.onlyErrors || t.key in this.errors));
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
    // The closing save below holds everything: drop a pending one, let one in flight land first.
    this.closing = true;
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    await this.saving;
    const finished = this.tasks.every((t) => t.key in this.finished);
    // Not paused and not all finished: every task was tried, and some ended in an error.
    const status: RunRecord['status'] = this.cancelled ? 'cancelled' : finished ? 'done' : this.paused ? 'paused' : 'incomplete';
    this.change({ status, ...(status === 'done' ? { finishedAt: this.now() } : {}) });
    const run = this.run;
    await this.deps.saveRun(run);
    this.report();
    return run;
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
    const perEnv = Object.fromEntries([...this.counts].map(([env, c]) => [env, { ...c }]));
    const left = this.totals.total - this.totals.done - this.totals.failed;
    const elapsed = this.now() - this.sessionStart;
    const etaMs = this.sessionDone > 0 ? Math.round((elapsed / this.sessionDone) * left) : null;
    return { ...this.totals, perEnv, etaMs, concurrency: this.limiter.current, status: this.base.status };
  }

  /** Change fields of the run record other than its finished and errored tasks and its tally. */
  private change(fields: Partial<RunRecord>): void {
    this.base = { ...this.base, ...fields };
    this.version++;
  }

  /** Apply `change` to the task's env counts and to the totals. */
  private count(task: Task, change: (acc: EnvProgress) => void): void {
    change(this.counts.get(task.env)!);
    change(this.totals);
  }

  private async playOne(task: Task): Promise<void> {
    const controller = new AbortController();
    this.running.set(task.key, controller);
    this.count(task, (acc) => acc.running++);
    this.report();
    let slotFreed = false;
    const release = () => {
      if (slotFreed) return;
      slotFreed = true;
      this.running.delete(task.key);
      this.count(task, (acc) => acc.running--);
      this.wake?.();
    };
    try {
      const ep = await this.deps.play(task, {
        signal: controller.signal,
        onRateLimit: (ms) => this.limiter.rateLimited(ms),
        released: release,
      });
      // A cancelled or paused-by-fault episode is not finished: it restarts on resume.
      // An episode that ended in an error (an outage outlasting the retry budget) is not finished:
      // it is kept in `run.errors` with its reason, left out of the scores, and played on resume.
      const wasError = task.key in this.errors;
      if (ep.status === 'done') {
        this.count(task, (acc) => {
          addOutcome(acc, ep);
          if (wasError) acc.failed--;
        });
        delete this.errors[task.key];
        this.finished[task.key] = ep.id;
        this.tally = tallyTask(this.tally, task.key, ep);
        this.version++;
        this.sessionDone++;
        this.limiter.completed();
        this.saveBehind();
      } else if (ep.status === 'error') {
        if (!wasError) this.count(task, (acc) => acc.failed++);
        this.errors[task.key] = ep.error ?? 'The episode ended in an error.';
        this.version++;
        this.sessionDone++;
        this.saveBehind();
      } else if (ep.status === 'paused') {
        // The agent could not go on (offline, auth): stop starting new work.
        this.pause();
      }
    } catch (e) {
      // `play` records agent faults in the episode; a throw is a bug or a storage failure.
      this.change({ lastError: e instanceof Error ? e.message : String(e) });
      this.pause();
    } finally {
      release();
      this.report();
    }
  }

  /**
   * Save the run record behind the episodes, at most every RUN_SAVE_MS: at many episodes a
   * second, a write per episode would queue IndexedDB transactions of a growing record behind
   * each other. A crash loses at most the last moment's finished keys, and those tasks are re-run
   * whole on resume (same ids).
   */
  private saveBehind(): void {
    if (this.closing || this.saving || this.saveTimer) return; // start() closes, or the save in flight is followed up, or one is due
    const wait = this.lastSave + RUN_SAVE_MS - this.now();
    if (wait > 0) {
      this.saveTimer = setTimeout(() => {
        this.saveTimer = undefined;
        this.saveBehind();
      }, wait);
      return;
    }
    this.lastSave = this.now();
    const saved = this.version;
    this.saving = this.deps
      .saveRun(this.run)
      .catch((e: unknown) => {
        this.change({ lastError: e instanceof Error ? e.message : String(e) });
        this.pause();
      })
      .finally(() => {
        this.saving = null;
        // Episodes that finished meanwhile are not in the saved record yet.
        if (this.version !== saved) this.saveBehind();
      });
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
