/**
 * A pool of env workers for one env. Each worker is a SessionHost holding many sessions, so the
 * env's code and data load once per worker; a new session goes to the least-loaded worker, and
 * the pool grows up to `maxWorkers` while every worker is busy and lets idle workers go after
 * `idleMs` (one stays warm). A worker that dies fails only its own sessions, with a message, and
 * is dropped (the next open starts a fresh one); a call that takes longer than `watchdogMs` fails
 * with a message and its worker is recycled.
 */
import * as Comlink from 'comlink';
import { isDataProgress, type DataProgressMessage } from '../../workers/data-progress.ts';
import type { EnvHandle, OpenOptions } from '../../workers/env-handle.ts';
import type { Picture } from '../../workers/envs/contract.ts';
import type { SessionHostApi } from '../../workers/session-host.ts';

export interface PoolOptions {
  maxWorkers: number;
  /** A worker without sessions for this long is terminated (one stays warm). */
  idleMs: number;
  /** A call that takes longer than this is abandoned and its worker recycled. */
  watchdogMs: number;
  spawn(): Worker;
  /** Download progress reported by a worker (see workers/data-progress.ts). */
  onProgress?(message: DataProgressMessage): void;
}

/** A call in flight to a worker: what it is, since when, and how to fail it. */
interface Pending {
  what: string;
  since: number;
  fail(e: Error): void;
}

/** The host's methods, each a comlink proxy made once (a property read on a remote makes a new one). */
type Rpc = Pick<Comlink.Remote<SessionHostApi>, 'open' | 'reset' | 'step' | 'invalid' | 'oracle' | 'reveal' | 'hiddenState' | 'close'>;

interface Member {
  worker: Worker;
  remote: Rpc;
  sessions: number;
  pending: Set<Pending>;
  /** Sessions closed here but not yet in the worker: they go with the next open, or when it idles. */
  closing: number[];
  /** Set once the worker is gone: later calls on its sessions fail with it at once. */
  death?: Error;
  idleTimer?: ReturnType<typeof setTimeout>;
}

export class WorkerPool {
  private readonly members: Member[] = [];
  /** One timer for the whole pool, running only while calls are in flight (not one per call). */
  private watchdog: ReturnType<typeof setInterval> | undefined;

  constructor(
    readonly envId: string,
    private readonly o: PoolOptions,
  ) {}

  get size(): number {
    return this.members.length;
  }

  /** Sessions per live worker, in spawn order (for tests and diagnostics). */
  get load(): number[] {
    return this.members.map((m) => m.sessions);
  }

  /** Change the bound; workers over it stay until they go idle. */
  set maxWorkers(n: number) {
    this.o.maxWorkers = Math.max(1, n);
  }

  async open(options?: OpenOptions): Promise<EnvHandle> {
    const m = this.pick();
    m.sessions++;
    clearTimeout(m.idleTimer);
    let sid: number;
    try {
      const closing = m.closing.splice(0);
      sid = await this.call(m, 'open', () => m.remote.open(this.envId, options, closing));
    } catch (e) {
      this.release(m);
      throw e;
    }
    let closed = false;
    return {
      reset: (index) => this.call(m, 'reset', () => m.remote.reset(sid, index)),
      step: (action) => this.call(m, 'step', () => m.remote.step(sid, action)),
      invalid: (observation) => this.call(m, 'invalid', () => m.remote.invalid(sid, observation)),
      oracle: (observation) => this.call(m, 'oracle', () => m.remote.oracle(sid, observation)),
      reveal: () => this.call<Picture | null>(m, 'reveal', () => m.remote.reveal(sid)),
      hiddenState: () => this.call(m, 'hiddenState', () => m.remote.hiddenState(sid)),
      close: () => {
        if (closed) return;
        closed = true;
        m.closing.push(sid);
        this.release(m);
      },
    };
  }

  /** Terminate every worker (their sessions fail with a message). */
  dispose(): void {
    for (const m of [...this.members]) this.kill(m, 'the pool was shut down');
  }

  /** The least-loaded worker, or a new one while all are busy and the pool may grow. */
  private pick(): Member {
    let best: Member | undefined;
    for (const m of this.members) if (!best || m.sessions < best.sessions) best = m;
    if (best && (best.sessions === 0 || this.members.length >= this.o.maxWorkers)) return best;
    return this.spawn();
  }

  private spawn(): Member {
    const worker = this.o.spawn();
    const { open, reset, step, invalid, oracle, reveal, hiddenState, close } = Comlink.wrap<SessionHostApi>(worker);
    const m: Member = { worker, remote: { open, reset, step, invalid, oracle, reveal, hiddenState, close }, sessions: 0, pending: new Set(), closing: [] };
    worker.addEventListener('error', (e) => {
      e.preventDefault();
      this.kill(m, e.message || 'script error');
    });
    worker.addEventListener('messageerror', () => this.kill(m, 'a message could not be read'));
    worker.addEventListener('message', (e: MessageEvent<unknown>) => {
      if (!isDataProgress(e.data)) return;
      // A worker still receiving its data is busy, not hung: its calls' clocks start again.
      for (const p of m.pending) p.since = Date.now();
      this.o.onProgress?.(e.data);
    });
    this.members.push(m);
    return m;
  }

  private kill(m: Member, reason: string): void {
    if (m.death) return;
    m.death = new Error(`The ${this.envId} environment worker stopped: ${reason}`);
    this.members.splice(this.members.indexOf(m), 1);
    clearTimeout(m.idleTimer);
    m.worker.terminate();
    for (const p of m.pending) p.fail(m.death);
    m.pending.clear();
  }

  private call<T>(m: Member, what: string, fn: () => Promise<T>): Promise<T> {
    if (m.death) return Promise.reject(m.death);
    return new Promise<T>((resolve, reject) => {
      const p: Pending = { what, since: Date.now(), fail: reject };
      m.pending.add(p);
      this.watchdog ??= setInterval(() => this.checkHung(), Math.max(10, this.o.watchdogMs / 4));
      fn().then(
        (v) => {
          m.pending.delete(p);
          resolve(v);
        },
        (e: unknown) => {
          m.pending.delete(p);
          reject(e);
        },
      );
    });
  }

  /** Fail a call older than the watchdog limit and recycle its worker; stop when nothing is in flight. */
  private checkHung(): void {
    const now = Date.now();
    let inFlight = false;
    for (const m of [...this.members]) {
      for (const p of m.pending) {
        if (now - p.since <= this.o.watchdogMs) continue;
        const secs = Math.round(this.o.watchdogMs / 100) / 10;
        m.pending.delete(p);
        p.fail(new Error(`The ${this.envId} environment did not answer ${p.what} within ${secs} s; its worker was restarted.`));
        this.kill(m, `${p.what} took longer than ${secs} s, so the worker was restarted`);
        break;
      }
      inFlight ||= m.pending.size > 0;
    }
    if (!inFlight) {
      clearInterval(this.watchdog);
      this.watchdog = undefined;
    }
  }

  private release(m: Member): void {
    m.sessions--;
    if (m.sessions > 0 || m.death) return;
    m.remote.close(...m.closing.splice(0)).catch(() => {});
    m.idleTimer = setTimeout(() => {
      if (m.sessions === 0 && this.members.length > 1) this.kill(m, 'idle');
    }, this.o.idleMs);
  }
}
