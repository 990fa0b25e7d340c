/**
 * Many live sessions behind one numeric id each: what a pooled worker exposes through comlink,
 * and what the Node side (HTTP server, CLI, perf) drives in-process. The env's code and data load
 * once per host, however many sessions it holds.
 */
import type { DataSource, EnvManifest, Picture } from './envs/contract.ts';
import { requireEnv } from './envs/registry.ts';
import type { OpenOptions } from './env-handle.ts';
import { EnvSession, type Snapshot } from './session.ts';
import { checkDataset, withDataset, type UserDataset } from './user-data/dataset.ts';

export interface SessionHostApi {
  /**
   * Open a session of `envId`; resolves to its id once the env's code and data are loaded.
   * `closing` lists sessions the caller is done with, closed first: a pool sends its closes along
   * with the next open instead of a message each.
   */
  open(envId: string, options?: OpenOptions, closing?: readonly number[]): Promise<number>;
  reset(sid: number, index: number): Promise<Snapshot>;
  step(sid: number, action: string): Promise<Snapshot>;
  invalid(sid: number, observation: string): Promise<Snapshot>;
  current(sid: number): Promise<Snapshot>;
  /** The env's oracle's next action for the session's episode, run here beside the env's data. */
  oracle(sid: number, observation: string): Promise<string>;
  /** The env's hidden answer for people, after the episode (Env.reveal). */
  reveal(sid: number): Promise<Picture | null>;
  /** The env's detail() for people after the episode; the session steps no more. */
  hiddenState(sid: number): Promise<Record<string, unknown> | null>;
  close(...sids: number[]): Promise<void>;
  /** Live sessions (for tests and the pool's bookkeeping). */
  count(): number;
}

export class SessionHost implements SessionHostApi {
  private readonly sessions = new Map<number, EnvSession>();
  private nextId = 1;
  /**
   * One DataSource per env and per user dataset: envs cache what they load per source (BIRD's
   * databases and its query worker, WebShop's search index), so a new source per session would
   * load it all again for every episode.
   */
  private readonly sources = new Map<string, DataSource>();
  private readonly userSources = new Map<string, DataSource>();

  /**
   * `manifests` resolves env ids: the registry, or (in tests) a manifest of the test's own.
   * `userData` reads a user dataset's stored files, where the host can (the browser's workers).
   */
  constructor(
    private readonly data: (envId: string) => DataSource,
    private readonly manifests: (envId: string) => EnvManifest = requireEnv,
    private readonly userData: ((dataset: UserDataset) => DataSource) | null = null,
  ) {}

  async open(envId: string, options?: OpenOptions, closing: readonly number[] = []): Promise<number> {
    await this.close(...closing);
    const session = options?.dataset ? await this.openOnDataset(envId, checkDataset(options.dataset), options) : await EnvSession.open(this.manifests(envId), this.source(envId), options);
    const sid = this.nextId++;
    this.sessions.set(sid, session);
    return sid;
  }

  private source(envId: string): DataSource {
    let source = this.sources.get(envId);
    if (!source) this.sources.set(envId, (source = this.data(envId)));
    return source;
  }

  private openOnDataset(envId: string, dataset: UserDataset, options: OpenOptions): Promise<EnvSession> {
    if (!this.userData) throw new Error('This host cannot read user datasets.');
    let source = this.userSources.get(dataset.id);
    if (!source) this.userSources.set(dataset.id, (source = this.userData(dataset)));
    return EnvSession.open(withDataset(this.manifests(envId), dataset), source, options);
  }

  async reset(sid: number, index: number): Promise<Snapshot> {
    return this.live(sid).reset(index);
  }

  async step(sid: number, action: string): Promise<Snapshot> {
    return this.live(sid).step(action);
  }

  async invalid(sid: number, observation: string): Promise<Snapshot> {
    return this.live(sid).invalid(observation);
  }

  async current(sid: number): Promise<Snapshot> {
    return this.live(sid).current();
  }

  async oracle(sid: number, observation: string): Promise<string> {
    return this.live(sid).oracle(observation);
  }

  async reveal(sid: number): Promise<Picture | null> {
    return this.live(sid).reveal();
  }

  async hiddenState(sid: number): Promise<Record<string, unknown> | null> {
    return this.live(sid).hiddenState();
  }

  /** Close sessions; an env failing to close one does not keep the others open. */
  async close(...sids: number[]): Promise<void> {
    const closing = sids.map((sid) => this.sessions.get(sid));
    for (const sid of sids) this.sessions.delete(sid);
    await Promise.allSettled(closing.map((s) => s?.close()));
  }

  count(): number {
    return this.sessions.size;
  }

  private live(sid: number): EnvSession {
    const s = this.sessions.get(sid);
    if (!s) throw new Error(`No session ${sid} in this host (closed, or its worker was replaced).`);
    return s;
  }
}
