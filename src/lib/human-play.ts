/**
 * A person playing one episode: owns the env worker and the record, persists after every step.
 * The typed text is the action itself (people do not write "Action:").
 */
import type { EnvSpec } from '../../workers/envs/contract.ts';
import type { EnvHandle, EnvOpener } from '../../workers/env-handle.ts';
import type { Snapshot } from '../../workers/session.ts';
import { newEpisode, parseReply, stepFromSnapshot, withStep } from './episode.ts';
import type { EpisodeRecord } from './records.ts';
import type { Branch } from './branch.ts';

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

  /** Start item `index`; with `branch`, first re-play that episode's first steps (a branch). */
  static async start(spec: EnvSpec, index: number, deps: PlayDeps, branch?: Branch): Promise<HumanPlay> {
    const env = await deps.openEnv(spec.id);
    try {
      let snap = await env.reset(index);
      let ep = newEpisode(deps.newId(), spec, index, { kind: 'human', label: 'You' }, snap, deps.now());
      if (branch) {
        ep = { ...ep, parent: { episodeId: branch.episode.id, step: branch.step } };
        for (const s of branch.episode.steps.slice(0, branch.step)) {
          snap = s.action === null ? await env.invalid(s.observation) : await env.step(s.action);
          ep = withStep(spec, ep, { ...stepFromSnapshot(snap, s.reply, s.action, s.by, deps.now()), ...(s.usage ? { usage: s.usage } : {}) }, Infinity);
        }
      }
      await deps.save(ep);
      return new HumanPlay(spec, env, deps, ep, snap);
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
    if (!text.trim()) throw new Error('Type an action first.');
    const parse = parseReply(this.spec, text, 'human');
    const action = 'action' in parse ? parse.action : null;
    const snap = 'action' in parse ? await this.env.step(parse.action) : await this.env.invalid(parse.invalid);
    this.snapshot = snap;
    this.episode = withStep(this.spec, this.episode, stepFromSnapshot(snap, text, action, 'human', this.deps.now()));
    await this.deps.save(this.episode);
  }

  close(): void {
    this.env.close();
  }
}
