/**
 * One live episode of one env, as the transports see it: every call returns a full snapshot
 * (observation, reward, done, picture, available actions) so a worker round trip carries
 * everything the UI needs. No env logic here; errors inside an env become EnvError messages.
 */
import { checkItemIndex, type Env, type EnvSpec, type Picture, type StepInfo } from './envs/contract.ts';
import { requireEnv } from './envs/registry.ts';

export interface Snapshot {
  observation: string;
  reward: number;
  done: boolean;
  info: StepInfo;
  picture: Picture | null;
  availableActions: string[] | null;
}

export class EnvSession {
  readonly spec: EnvSpec;
  readonly env: Env;
  private started = false;
  private finished = false;

  constructor(env: string | EnvSpec) {
    this.spec = typeof env === 'string' ? requireEnv(env) : env;
    this.env = this.spec.create();
  }

  reset(index: number): Snapshot {
    const err = checkItemIndex(this.spec, index);
    if (err) throw new Error(err);
    const observation = guard(this.spec, 'reset', () => this.env.reset(index));
    this.started = true;
    this.finished = false;
    return this.snapshot(observation, 0, false, {});
  }

  step(action: string): Snapshot {
    if (!this.started) throw new Error('Call reset before step.');
    if (this.finished) throw new Error('The episode has finished; reset to play again.');
    if (typeof action !== 'string') throw new Error('Action must be a string.');
    const r = guard(this.spec, 'step', () => this.env.step(action));
    this.finished = r.done;
    return this.snapshot(r.observation, r.reward, r.done, r.info);
  }

  /** Feed back an observation without stepping the env (a reply with no parseable action). */
  invalid(observation: string): Snapshot {
    return this.snapshot(observation, 0, false, { valid: false });
  }

  current(): Snapshot {
    return this.snapshot(guard(this.spec, 'observation', () => this.env.observation()), 0, this.finished, {});
  }

  private snapshot(observation: string, reward: number, done: boolean, info: StepInfo): Snapshot {
    return {
      observation,
      reward,
      done,
      info,
      picture: this.env.picture ? guard(this.spec, 'picture', () => this.env.picture!()) : null,
      availableActions: this.env.availableActions ? guard(this.spec, 'availableActions', () => this.env.availableActions!()) : null,
    };
  }
}

function guard<T>(spec: EnvSpec, what: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw new Error(`${spec.title} failed in ${what}: ${msg}`);
  }
}
