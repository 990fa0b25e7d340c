/**
 * WorkerPool with in-process fake workers: a MessageChannel with the real SessionHost exposed by
 * comlink on the far side, so every call crosses the same comlink protocol as in the browser.
 * The env is MAZE wrapped by a manifest that exists only here: reset on CRASH_ITEM or HANG_ITEM
 * marks the session, and its first step then kills the worker (as an uncaught error does) or
 * never answers.
 */
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Env, EnvManifest, EnvModule } from '../../workers/envs/contract.ts';
import { maze } from '../../workers/envs/maze/manifest.ts';
import { nodeDataSource } from '../../workers/node-data-source.ts';
import { SessionHost } from '../../workers/session-host.ts';
import { BenchRunner } from './bench/scheduler.ts';
import { newRun, playTask } from './bench/run.ts';
import type { LlmClient } from './llm/types.ts';
import type { EpisodeRecord } from './records.ts';
import { WorkerPool, type PoolOptions } from './worker-pool.ts';

const CRASH_ITEM = 3;
const HANG_ITEM = 5;

type Listener = (e: unknown) => void;

/** What WorkerPool and comlink use of a Worker, over a MessageChannel to a SessionHost. */
class FakeWorker {
  terminated = false;
  private readonly port: MessagePort;
  private readonly inner: MessagePort;
  private readonly errorListeners: Listener[] = [];

  constructor() {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.inner = port2;
    Comlink.expose(new SessionHost(() => nodeDataSource, () => faultyMaze(this)), port2 as unknown as Comlink.Endpoint);
  }

  postMessage(data: unknown): void {
    if (!this.terminated) this.port.postMessage(data);
  }

  addEventListener(type: string, fn: Listener): void {
    if (type === 'error') this.errorListeners.push(fn);
    else if (type === 'message') this.port.addEventListener('message', fn as never);
  }

  removeEventListener(type: string, fn: Listener): void {
    if (type === 'message') this.port.removeEventListener('message', fn as never);
  }

  terminate(): void {
    this.terminated = true;
    this.port.close();
    this.inner.close();
  }

  /** A message from the worker's side, as `self.postMessage` in a real worker. */
  postFromWorker(data: unknown): void {
    if (!this.terminated) this.inner.postMessage(data);
  }

  /** The worker dies of an uncaught error: the page sees an ErrorEvent. */
  crash(message: string): void {
    for (const fn of this.errorListeners) fn({ message, preventDefault() {} });
  }
}

/** MAZE whose CRASH_ITEM and HANG_ITEM episodes kill their worker or hang on their first step. */
function faultyMaze(worker: FakeWorker): EnvManifest {
  return {
    ...maze,
    load: async () => {
      // A slow first load that keeps reporting progress, as a big download does.
      for (let t = 0; t < slowLoadMs; t += 100) {
        worker.postFromWorker({ kind: 'agentgym-data-progress', env: 'maze', path: 'big.json', received: t, total: slowLoadMs, done: false });
        await new Promise((r) => setTimeout(r, 100));
      }
      const real = await maze.load();
      const module: EnvModule = {
        ...real,
        async create(data) {
          const env = await real.create(data);
          let item = -1;
          const wrapped: Env = {
            reset(index) {
              item = index;
              return env.reset(index);
            },
            step(action) {
              if (item === CRASH_ITEM) {
                queueMicrotask(() => worker.crash('boom'));
                return new Promise(() => {});
              }
              if (item === HANG_ITEM) return new Promise(() => {});
              return env.step(action);
            },
            observation: () => env.observation(),
          };
          return wrapped;
        },
      };
      return module;
    },
  };
}

/** How long the next spawned workers take to load their env (0: at once). */
let slowLoadMs = 0;
const spawned: FakeWorker[] = [];
const pools: WorkerPool[] = [];

function makePool(o: Partial<Omit<PoolOptions, 'spawn'>> = {}): WorkerPool {
  const pool = new WorkerPool('maze', {
    maxWorkers: 2,
    idleMs: 60_000,
    watchdogMs: 60_000,
    ...o,
    spawn: () => {
      const w = new FakeWorker();
      spawned.push(w);
      return w as unknown as Worker;
    },
  });
  pools.push(pool);
  return pool;
}

afterEach(() => {
  slowLoadMs = 0;
  vi.useRealTimers();
  for (const p of pools.splice(0)) p.dispose();
  spawned.length = 0;
});

describe('WorkerPool', () => {
  it('grows to maxWorkers while every worker is busy, then puts a session on the least-loaded', async () => {
    const pool = makePool({ maxWorkers: 2 });
    const a = await pool.open();
    expect(pool.load).toEqual([1]);
    const b = await pool.open();
    expect(pool.load).toEqual([1, 1]);
    const c = await pool.open();
    expect(pool.load).toEqual([2, 1]);
    a.close();
    c.close();
    // The first worker is now the idle one, so it takes the next session rather than a new worker.
    await pool.open();
    expect(pool.load).toEqual([1, 1]);
    expect(spawned).toHaveLength(2);
    expect((await b.reset(0)).observation).toContain('goal');
  });

  it('reuses an idle worker before spawning another', async () => {
    const pool = makePool({ maxWorkers: 4 });
    const a = await pool.open();
    a.close();
    await pool.open();
    expect(pool.size).toBe(1);
  });

  it('lets idle workers go after idleMs, keeping one warm', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const pool = makePool({ maxWorkers: 3, idleMs: 1000 });
    const handles = [await pool.open(), await pool.open(), await pool.open()];
    expect(pool.size).toBe(3);
    for (const h of handles) h.close();
    vi.advanceTimersByTime(999);
    expect(pool.size).toBe(3);
    vi.advanceTimersByTime(1);
    expect(pool.size).toBe(1);
    expect(spawned.filter((w) => w.terminated)).toHaveLength(2);
  });

  it('fails only the sessions of a worker that dies, with a message, and replaces it', async () => {
    const pool = makePool({ maxWorkers: 2 });
    const doomed = await pool.open();
    const other = await pool.open();
    const neighbour = await pool.open(); // shares the doomed worker (least-loaded, first)
    expect(pool.load).toEqual([2, 1]);
    await doomed.reset(CRASH_ITEM);
    await other.reset(0);
    await neighbour.reset(0);
    await expect(doomed.step('move up')).rejects.toThrow('The maze environment worker stopped: boom');
    await expect(neighbour.step('move up')).rejects.toThrow('worker stopped: boom');
    expect(spawned[0].terminated).toBe(true);
    expect((await other.step('move up')).observation).toBeTruthy();
    const fresh = await pool.open();
    expect(spawned).toHaveLength(3);
    expect((await fresh.reset(1)).done).toBe(false);
  });

  it('reports a call that hangs past the watchdog and recycles its worker', async () => {
    const pool = makePool({ maxWorkers: 2, watchdogMs: 500 });
    const stuck = await pool.open();
    const other = await pool.open();
    await stuck.reset(HANG_ITEM);
    await other.reset(0);
    await expect(stuck.step('move up')).rejects.toThrow('The maze environment did not answer step within 0.5 s; its worker was restarted.');
    expect(spawned[0].terminated).toBe(true);
    expect(pool.size).toBe(1);
    expect((await other.step('move up')).observation).toBeTruthy();
  });
});

describe('WorkerPool downloads', () => {
  it('counts a worker still receiving data as alive, and passes its progress on', async () => {
    slowLoadMs = 1200;
    const seen: number[] = [];
    const pool = new WorkerPool('maze', {
      maxWorkers: 1,
      idleMs: 60_000,
      watchdogMs: 500,
      spawn: () => {
        const w = new FakeWorker();
        spawned.push(w);
        return w as unknown as Worker;
      },
      onProgress: (m) => seen.push(m.received),
    });
    pools.push(pool);
    const env = await pool.open();
    expect((await env.reset(0)).observation).toContain('The goal is at position 8, 6.');
    expect(spawned[0].terminated).toBe(false);
    expect(seen.length).toBeGreaterThanOrEqual(10);
  });
});

describe('a benchmark over a pool', () => {
  /** Always moves up: episodes end at the round limit unless their worker fails. */
  const client: LlmClient = {
    config: { id: 'c', label: 'up', kind: 'openai', baseUrl: 'http://up.invalid/v1', model: 'up', params: {} },
    chat: async () => ({ text: 'Thought: up.\nAction: move up', model: 'up', usage: { inputTokens: 1, outputTokens: 1 }, latencyMs: 0 }),
  };

  it('goes on past a crashed worker and a hung step, each episode failing with its message', async () => {
    const items = [0, 1, 2, CRASH_ITEM, 4, HANG_ITEM, 6, 7, 8, 9];
    const run = await newRun('r', 'faults', { envs: ['maze'], items: { maze: items }, models: [{ providerId: 'c', label: 'up', model: 'up' }], concurrency: 3, maxRounds: 4, params: {}, repeats: 1 }, 'test', 0);
    // As many workers as episodes in flight: each episode has a worker of its own.
    const pool = makePool({ maxWorkers: 3, watchdogMs: 1000 });
    const saved = new Map<string, EpisodeRecord>();
    const runner = new BenchRunner(run, {
      play: playTask(run, { openEnv: (_env, options) => pool.open(options), client: async () => client, save: async (ep) => void saved.set(ep.itemId, ep), appVersion: 'test' }),
      saveRun: async () => {},
    });
    const done = await runner.start();
    // The two failed episodes are errors, kept for a retry: the run is incomplete, not done.
    expect(done.status).toBe('incomplete');
    expect(Object.keys(done.finished)).toHaveLength(items.length - 2);
    expect(Object.keys(done.errors ?? {})).toHaveLength(2);
    const byItem = (i: number) => saved.get(`maze_${i}`)!;
    expect(byItem(CRASH_ITEM)).toMatchObject({ status: 'error', error: 'The environment failed: The maze environment worker stopped: boom' });
    expect(byItem(HANG_ITEM)).toMatchObject({ status: 'error', error: expect.stringContaining('did not answer step within 1 s; its worker was restarted') });
    for (const i of items.filter((i) => i !== CRASH_ITEM && i !== HANG_ITEM)) expect(byItem(i)).toMatchObject({ status: 'done', outcome: expect.any(String) });
    expect(runner.progress()).toMatchObject({ total: 10, done: 8, failed: 2 });
    expect(spawned.filter((w) => w.terminated)).toHaveLength(2);
  });
});
