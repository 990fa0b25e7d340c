/**
 * A person playing one episode: owns the env worker and the record, persists after every step.
 * The typed text is the action itself (people do not write "Action:").
 */
import type { EnvSpec } from '../../workers/envs/contract.ts';
import type { EnvHandle, EnvOpener } from '../../workers/env-handle.ts';
import type { Snapshot } from '../../workers/session.ts';
import { newEpisode, stepFromSnapshot, withStep } from './episode.ts';
import type { EpisodeRecord } from './records.ts';

export interface PlayDeps {
  openEnv: EnvOpener;
  save: (ep: EpisodeRecord) => Promise<void>;
  newId: () => string;
  now: () => number;
}

export class HumanPlay {
  private constructor(
    private readonly spec: EnvSpec,
    private readonly env: EnvHandle,
    private readonly deps: PlayDeps,
    public episode: EpisodeRecord,
    public snapshot: Snapshot,
  ) {}

  static async start(spec: EnvSpec, index: number, deps: PlayDeps): Promise<HumanPlay> {
    const env = await deps.openEnv(spec.id);
    try {
      const first = await env.reset(index);
      const ep = newEpisode(deps.newId(), spec, index, { kind: 'human', label: 'You' }, first, deps.now());
      await deps.save(ep);
      return new HumanPlay(spec, env, deps, ep, first);
    } catch (e) {
      env.close();
      throw e;
    }
  }

  get finished(): boolean {
    return this.episode.status !== 'running';
  }

  async act(text: string): Promise<void> {
    if (this.finished) throw new Error('This episode has finished. Start a new one or reset.');
    const action = text.trim();
    if (!action) throw new Error('Type an action first.');
    const snap = await this.env.step(action);
    this.snapshot = snap;
    this.episode = withStep(this.spec, this.episode, stepFromSnapshot(snap, text, action, 'human', this.deps.now()));
    await this.deps.save(this.episode);
  }

  close(): void {
    this.env.close();
  }
}
