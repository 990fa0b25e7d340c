/**
 * Re-run a shared episode: reset the env at the recorded item and feed it the recorded replies,
 * extracting each action as the live agent loop does. The env is deterministic, so the re-run
 * must match the recording; the first step where it does not is reported in plain words.
 */
import { parseReply } from '../episode.ts';
import type { Picture } from '../../../workers/envs/contract.ts';
import { errorMessage } from '../../../workers/error-message.ts';
import type { EnvOpener } from '../../../workers/env-handle.ts';
import { thoughtOf } from '../../../workers/envs/react-format.ts';
import { requireEnv } from '../../../workers/envs/registry.ts';
import type { Snapshot } from '../../../workers/session.ts';
import { observationHash } from './hash.ts';
import type { SharedEpisode, SharedStep } from './types.ts';

export interface Turn {
  reply: string;
  thought: string;
  /** The action given to the env, or null when the reply had none (the env was not stepped). */
  action: string | null;
  by: 'human' | 'model';
}

export interface Frame {
  /** 0 is the start (after reset); n is after the n-th reply. */
  step: number;
  turn: Turn | null;
  observation: string;
  reward: number;
  done: boolean;
  valid: boolean;
  progress?: number;
  picture: Picture | null;
}

export interface Replay {
  frames: Frame[];
  /** The first step where the re-run disagrees with the recording, in words. */
  divergence: { step: number; message: string } | null;
  /** Set when the env could not take a recorded step; frames stop before it. */
  stopped: string | null;
}

export async function replayEpisode(episode: SharedEpisode, open: EnvOpener, currentAppVersion: string): Promise<Replay> {
  const spec = requireEnv(episode.env);
  const format = await spec.format();
  const handle = await open(episode.env);
  const frames: Frame[] = [];
  let divergence: Replay['divergence'] = null;
  let stopped: string | null = null;
  const note = (step: number, problems: string[]) => {
    if (divergence || problems.length === 0) return;
    const where = step === 0 ? 'The start differs' : `Step ${step} differs`;
    divergence = { step, message: `${where} from the recording: ${problems.join('; ')} — ${cause(episode, spec.dataVersion, currentAppVersion)}.` };
  };
  try {
    const start = await handle.reset(episode.item);
    frames.push(frame(0, null, start));
    note(0, observationHash(start.observation) === episode.obs0 ? [] : ['the first observation is different']);
    for (const [i, rec] of episode.steps.entries()) {
      const parse = parseReply(format, rec.reply, rec.by);
      const action = 'action' in parse ? parse.action : null;
      let snap: Snapshot;
      try {
        snap = 'action' in parse ? await handle.step(parse.action) : await handle.invalid(parse.invalid);
      } catch (e) {
        stopped = `Step ${i + 1} could not be replayed: ${errorMessage(e)}`;
        note(i + 1, ['the environment refused the step']);
        break;
      }
      frames.push(frame(i + 1, { reply: rec.reply, thought: thoughtOf(rec.reply), action, by: rec.by }, snap));
      note(i + 1, differences(snap, rec));
    }
  } finally {
    handle.close();
  }
  return { frames, divergence, stopped };
}

function frame(step: number, turn: Turn | null, s: Snapshot): Frame {
  return {
    step,
    turn,
    observation: s.observation,
    reward: s.reward,
    done: s.done,
    valid: s.info.valid !== false,
    progress: typeof s.info.progress === 'number' ? s.info.progress : undefined,
    picture: s.picture,
  };
}

function differences(now: Snapshot, rec: SharedStep): string[] {
  const out: string[] = [];
  if (now.reward !== rec.reward) out.push(`reward ${now.reward} now, ${rec.reward} recorded`);
  if (now.done !== rec.done) out.push(now.done ? 'the episode ends here now but went on in the recording' : 'the episode goes on now but ended here in the recording');
  if (observationHash(now.observation) !== rec.obs) out.push('the observation is different');
  return out;
}

function cause(ep: SharedEpisode, dataVersion: string, appVersion: string): string {
  if (ep.dataVersion !== dataVersion) return `the environment data may have changed (recorded data version ${ep.dataVersion}, now ${dataVersion})`;
  if (ep.appVersion !== appVersion) return `the environment may have changed (recorded with app version ${ep.appVersion}, now ${appVersion})`;
  return 'same app and data version, so the recording was probably edited';
}
