/** What the agent loop, benchmark and replay drive: a live env behind a worker or in-process. */
import type { Picture, ServiceEndpoint } from './envs/contract.ts';
import type { LiveSettings } from './live-http.ts';
import type { Snapshot } from './session.ts';
import type { UserDataset } from './user-data/dataset.ts';

export interface EnvHandle {
  reset(index: number): Promise<Snapshot>;
  step(action: string): Promise<Snapshot>;
  /** Record a reply with no usable action: the observation is fed back, the env is not stepped. */
  invalid(observation: string): Promise<Snapshot>;
  /**
   * The env's own oracle's next action for this episode (perf runs, recorded test replies). It
   * runs beside the env, where its data is: BIRD's and WebShop's oracles look the task up there.
   */
  oracle(observation: string): Promise<string>;
  /** The env's hidden answer for people once the episode is over (Env.reveal); null if it has none. */
  reveal(): Promise<Picture | null>;
  /**
   * The env's hidden ground truth (its detail(), e.g. Wordle's word), or null where it keeps none.
   * Ends the episode: no step is taken after it, so the answer can't be used to finish the game.
   */
  hiddenState(): Promise<Record<string, unknown> | null>;
  close(): void;
}

export interface OpenOptions {
  /**
   * False when no one looks at the env's picture or action list (a benchmark): snapshots then
   * carry neither, which spares the env building them and the worker sending them every step.
   */
  views?: boolean;
  /**
   * Open the env in live mode (its manifest's `live`): its tools call the real services. Off
   * unless the user turned it on; such episodes are not reproducible.
   */
  live?: LiveSettings;
  /** Run on this user dataset instead of the built-in data (a worker reads its stored files). */
  dataset?: UserDataset;
  /** The browser proxy for an env that needs one (from the app's settings); passed to `create`. */
  proxy?: ServiceEndpoint;
}

export type EnvOpener = (envId: string, options?: OpenOptions) => Promise<EnvHandle>;
