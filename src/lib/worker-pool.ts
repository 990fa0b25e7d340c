/**
 * A pool of env workers for one env. Each worker is a SessionHost holding many sessions, so the
 * env's code and data load once per worker; the pool grows up to `maxWorkers` while every worker
 * is busy and lets idle workers go after `idleMs`. A worker that dies fails only its own
 * sessions, with a message, and is dropped (the next open starts a fresh one); a call that takes
 * longer than `watchdogMs` is reported and its worker recycled.
 */
import * as Comlink from 'comlink';
import type { EnvHandle } from '../../workers/env-handle.ts';
import type { SessionHostApi } from '../../workers/session-host.ts';

export interface PoolOptions {
  maxWorkers: number;
  /** A worker without sessions for this long is terminated (one stays warm). */
  idleMs: number;
  /** A reset or step that takes longer than this is abandoned and its worker recycled. */
  watchdogMs: number;
  spawn(): Worker;
}

interface Member {
  worker: Worker;
  remote: Comlink.Remote<SessionHostApi>;
  sessions: number;
  /** Rejects (once) when the worker dies or is recycled; every call races against it. */
  dead: Promise<never>;
  kill(reason: string): void;
  idleTimer?: ReturnType<typeof setTimeout>;
}

export class WorkerPool {
  private readonly members: Member[] = [];

  constructor(
    readonly envId: string,
    private readonly o: PoolOptions,
  ) {}

  get size(): number {
    return this.members.length;
  }

  async open(): Promise<EnvHandle> {
    const m = this.pick();
    m.sessions++;
    clearTimeout(m.idleTimer);
    let sid: number;
    try {
      sid = await this.call(m, 'open', () => m.remote.open(this.envId));
    } catch (e) {
      this.release(m);
      throw e;
    }
    let closed = false;
    return {
      reset: (index) => this.call(m, 'reset', () => m.remote.reset(sid, index)),
      step: (action) => this.call(m, 'step', () => m.remote.step(sid, action)),
      invalid: (observation) => this.call(m, 'invalid', () => m.remote.invalid(sid, observation)),
      close: () => {
        if (closed) return;
        closed = true;
        m.remote.close(sid).catch(() => {});
        this.release(m);
      },
    };
  }

  /** Terminate every worker (their sessions fail with a message). */
  dispose(): void {
    for (const m of [...this.members]) m.kill('the pool was shut down');
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
    const remote = Comlink.wrap<SessionHostApi>(worker);
    let fail!: (e: Error) => void;
    const dead = new Promise<never>((_, reject) => (fail = reject));
    dead.catch(() => {}); // observed through `call`
    const m: Member = {
      worker,
      remote,
      sessions: 0,
      dead,
      kill: (reason) => {
        const i = this.members.indexOf(m);
        if (i >= 0) this.members.splice(i, 1);
        clearTimeout(m.idleTimer);
        worker.terminate();
        fail(new Error(`The ${this.envId} environment worker stopped: ${reason}`));
      },
    };
    worker.addEventListener('error', (e) => {
      e.preventDefault();
      m.kill(e.message || 'script error');
    });
    worker.addEventListener('messageerror', () => m.kill('a message could not be read'));
    this.members.push(m);
    return m;
  }

  private async call<T>(m: Member, what: string, fn: () => Promise<T>): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const watchdog = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const secs = Math.round(this.o.watchdogMs / 100) / 10;
        m.kill(`${what} took longer than ${secs} s, so the worker was restarted`);
        reject(new Error(`The ${this.envId} environment did not answer ${what} within ${secs} s; its worker was restarted.`));
      }, this.o.watchdogMs);
    });
    try {
      return await Promise.race([fn(), m.dead, watchdog]);
    } finally {
      clearTimeout(timer);
    }
  }

  private release(m: Member): void {
    m.sessions--;
    if (m.sessions > 0 || !this.members.includes(m)) return;
    m.idleTimer = setTimeout(() => {
      if (m.sessions === 0 && this.members.length > 1) m.kill('idle');
    }, this.o.idleMs);
  }
}
