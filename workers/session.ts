/**
 * One live episode of one env, as the transports see it: every call returns a full snapshot
 * (observation, reward, done, picture, available actions) so a worker round trip carries
 * everything the UI needs. No env logic here; errors inside an env become messages naming it.
 */
import { checkItemIndex, type DataSource, type Env, type EnvManifest, type EnvModule, type LiveBackend, type ObservationOracle, type Picture, type StepInfo } from './envs/contract.ts';
import { fetchBackend, type LiveSettings } from './live-http.ts';
import { cachedBackend, replyCache } from './live-cache.ts';
import { requireEnv } from './envs/registry.ts';
import type { OpenOptions } from './env-handle.ts';
import { errorMessage } from './error-message.ts';

export interface Snapshot {
  observation: string;
  reward: number;
  done: boolean;
  /** The env's own time limit ended the episode (Gymnasium's truncation). */
  truncated: boolean;
  info: StepInfo;
  picture: Picture | null;
  availableActions: string[] | null;
}

/** Each env's code is imported once per worker or process, however many sessions use it. */
const modules = new WeakMap<EnvManifest, Promise<EnvModule>>();

export function loadModule(manifest: EnvManifest): Promise<EnvModule> {
  let m = modules.get(manifest);
  if (!m) {
    m = manifest.load();
    modules.set(manifest, m);
    m.catch(() => modules.delete(manifest)); // a failed load may be retried
  }
  return m;
}

export class EnvSession {
  private started = false;
  private finished = false;
  /** This episode's oracle, made on first use and dropped on reset. */
  private episodeOracle: ObservationOracle | null = null;

  private constructor(
    readonly spec: EnvManifest,
    readonly module: EnvModule,
    readonly env: Env,
    private readonly views: boolean,
  ) {}

  static async open(env: string | EnvManifest, data: DataSource, options: OpenOptions = {}): Promise<EnvSession> {
    const spec = typeof env === 'string' ? requireEnv(env) : env;
    const module = await guard(spec, 'load', () => loadModule(spec));
    const live = options.live ? liveBackend(spec, options.live) : undefined;
    const created = { ...(options.proxy && { proxy: options.proxy }), ...(live && { live }) };
    return new EnvSession(spec, module, await guard(spec, 'create', () => module.create(data, created)), options.views ?? true);
  }

  async reset(index: number): Promise<Snapshot> {
    const err = checkItemIndex(this.spec, index);
    if (err) throw new Error(err);
    const observation = await guard(this.spec, 'reset', () => this.env.reset(index));
    this.started = true;
    this.finished = false;
    this.episodeOracle = null;
    return this.snapshot(observation, 0, false, false, {});
  }

  /** The env's oracle's next action for this episode; an error for an env without one. */
  async oracle(observation: string): Promise<string> {
    const make = this.module.oracle;
    if (!make) throw new Error(`${this.spec.title} has no oracle.`);
    const oracle = (this.episodeOracle ??= await guard(this.spec, 'oracle', make));
    return guard(this.spec, 'oracle', () => oracle.next(observation));
  }

  /** `afterDone` lets a transport keep stepping a finished episode where AgentGym's server does. */
  async step(action: string, afterDone = false): Promise<Snapshot> {
    if (!this.started) throw new Error('Call reset before step.');
    if (this.finished && !afterDone) throw new Error('The episode has finished; reset to play again.');
    if (typeof action !== 'string') throw new Error('Action must be a string.');
    const r = await guard(this.spec, 'step', () => this.env.step(action));
    const truncated = r.truncated === true;
    this.finished = r.done || truncated;
    return this.snapshot(r.observation, r.reward, r.done, truncated, r.info);
  }

  /** Feed back an observation without stepping the env (a reply with no parseable action). */
  invalid(observation: string): Promise<Snapshot> {
    return this.snapshot(observation, 0, false, false, { valid: false });
  }

  /** The env's detail() once the episode is over for the caller; the session takes no step after it. */
  async hiddenState(): Promise<Record<string, unknown> | null> {
    if (!this.started) throw new Error('Call reset before asking for the hidden state.');
    this.finished = true;
    const detail = this.env.detail;
    // A plain copy: it crosses a worker boundary.
    return detail ? (JSON.parse(JSON.stringify(await guard(this.spec, 'detail', () => detail.call(this.env)))) as Record<string, unknown>) : null;
  }

  current(): Promise<Snapshot> {
    return guard(this.spec, 'observation', () => this.snapshot(this.env.observation(), 0, this.finished, false, {}));
  }

  /** The env's hidden answer for people (Env.reveal), or null when it has none. */
  async reveal(): Promise<Picture | null> {
    if (!this.started) throw new Error('Call reset before asking for the answer.');
    const { reveal } = this.env;
    return reveal ? guard(this.spec, 'reveal', () => reveal.call(this.env)) : null;
  }

  async close(): Promise<void> {
    await guard(this.spec, 'close', () => this.env.close?.());
  }

  private async snapshot(observation: string, reward: number, done: boolean, truncated: boolean, info: StepInfo): Promise<Snapshot> {
    const { picture, availableActions } = this.env;
    return {
      observation,
      reward,
      done,
      truncated,
      info,
      picture: this.views && picture ? await guard(this.spec, 'picture', () => picture.call(this.env)) : null,
      availableActions: this.views && availableActions ? await guard(this.spec, 'availableActions', () => availableActions.call(this.env)) : null,
    };
  }
}

/** The backend for a live session, once the env is known to have a live mode and its key is there. */
function liveBackend(spec: EnvManifest, settings: LiveSettings): LiveBackend {
  if (!spec.live) throw new Error(`${spec.title} has no live mode.`);
  if (spec.live.key === 'tmdb' && !settings.tmdbToken) throw new Error(`${spec.title} in live mode needs your TMDB API token (Settings).`);
  // Replies are cached per request (live-cache.ts): a rerun asks the services nothing new.
  return cachedBackend(fetchBackend(settings), replyCache());
}

async function guard<T>(spec: EnvManifest, what: string, fn: () => T | Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw new Error(`${spec.title} failed in ${what}: ${errorMessage(e)}`);
  }
}
