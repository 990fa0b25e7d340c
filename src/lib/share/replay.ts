/**
 * Replay a shared episode. A deterministic env is re-run: reset at the recorded item, then fed the
 * recorded actions (v1 links have none: they are extracted from the replies as the live agent loop
 * does). The re-run must match the recording; the first step where it does not is reported in
 * plain words. An env that can't be re-run (manifest `deterministic: false`) is not opened at
 * all: its link carries the observations, which the replay shows as recorded.
 *
 * Replays follow the recorded actions rather than today's reply parser, so a parser change does not
 * turn every old link into a divergence; where today's parser would read a reply differently, that
 * is reported apart, since replies played live today would then take another path.
 */
import { parseReply } from '../episode.ts';
import { isSuccess, type ActionParse, type AgentFormat, type EnvManifest, type Picture, type Verdict } from '../../../workers/envs/contract.ts';
import { errorMessage } from '../../../workers/error-message.ts';
import type { EnvOpener } from '../../../workers/env-handle.ts';
import { thoughtOf } from '../../../workers/envs/react-format.ts';
import { requireEnv } from '../../../workers/envs/registry.ts';
import type { Snapshot } from '../../../workers/session.ts';
import { RESULT_LABEL, type Outcome } from '../outcome.ts';
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
  /** The env's own time limit ended the episode here. */
  truncated: boolean;
  valid: boolean;
  progress?: number;
  /** The evaluator's checks, where the step was graded (recorded: from the link). */
  verdicts?: Verdict[];
  picture: Picture | null;
}

/** Something noticed at one step, in words. */
export interface StepNote {
  step: number;
  message: string;
}

export interface Replay {
  /** `recorded`: the observations are the link's own (the env can't be re-run). */
  mode: 're-run' | 'recorded';
  frames: Frame[];
  /** The first step where the re-run disagrees with the recording. */
  divergence: StepNote | null;
  /** The first step where today's reply parser reads the reply differently from the recording. */
  parser: StepNote | null;
  /** Set when the env could not take a recorded step; frames stop before it. */
  stopped: string | null;
  /** How the replayed episode ends: an outcome, or stopped before its end. */
  result: Outcome | 'stopped';
}

interface Planned {
  turn: Turn;
  /** What the env is given: the recorded action, or today's extraction for v1 links. */
  parse: ActionParse;
  /** How today's parser reads the reply otherwise; null when it agrees. */
  reread: string | null;
}

export async function replayEpisode(episode: SharedEpisode, open: EnvOpener, currentAppVersion: string): Promise<Replay> {
  const spec = requireEnv(episode.env);
  const format = await spec.format();
  const plans = episode.steps.map((rec) => plan(format, rec));
  const at = plans.findIndex((p) => p.reread !== null);
  const parser = at < 0 ? null : { step: at + 1, message: `Step ${at + 1}: ${plans[at].reread}. The replay follows the recording.` };
  const texts = recordedTexts(episode);
  if (texts) {
    const frames = [start(texts[0]), ...episode.steps.map((rec, i) => recordedFrame(i + 1, plans[i].turn, rec, texts[i + 1]))];
    return { mode: 'recorded', frames, divergence: null, parser, stopped: null, result: episode.outcome ?? 'stopped' };
  }
  const run = await reRun(episode, plans, open);
  const result = endOf(spec, episode, run.frames);
  const problems = run.problems;
  if (!run.stopped && episode.outcome && episode.outcome !== result) {
    problems.push({ step: episode.steps.length, what: `it ends as "${RESULT_LABEL[result]}" now, "${RESULT_LABEL[episode.outcome]}" in the recording` });
  }
  const first = problems[0];
  const where = first && (first.step === 0 ? 'The start differs' : `Step ${first.step} differs`);
  const divergence = first ? { step: first.step, message: `${where} from the recording: ${first.what} — ${cause(episode, spec.dataVersion, currentAppVersion)}.` } : null;
  return { mode: 're-run', frames: run.frames, divergence, parser, stopped: run.stopped, result };
}

function plan(format: AgentFormat, rec: SharedStep): Planned {
  const today = parseReply(format, rec.reply, rec.by);
  const recorded: ActionParse = rec.action !== undefined ? { action: rec.action } : rec.invalid !== undefined ? { invalid: rec.invalid } : today;
  const action = 'action' in recorded ? recorded.action : null;
  return { turn: { reply: rec.reply, thought: thoughtOf(rec.reply), action, by: rec.by }, parse: recorded, reread: reread(today, action) };
}

function reread(today: ActionParse, recorded: string | null): string | null {
  const now = 'action' in today ? today.action : null;
  if (now === recorded) return null;
  if (now === null) return `today's reply parser finds no usable action in the reply; the recording gave the environment ${quote(recorded!)}`;
  if (recorded === null) return `today's reply parser reads the action ${quote(now)} where the recording found none`;
  return `today's reply parser reads the action as ${quote(now)}; the recording gave the environment ${quote(recorded)}`;
}

function quote(s: string): string {
  return JSON.stringify(s.length > 80 ? `${s.slice(0, 80)}…` : s);
}

/** The recorded observations (start first), when the link carries them for every step. */
function recordedTexts(ep: SharedEpisode): string[] | null {
  const texts = [ep.initialObservation, ...ep.steps.map((s) => s.observation)];
  return texts.every((t) => t !== undefined) ? (texts as string[]) : null;
}

function start(observation: string, picture: Picture | null = null): Frame {
  return { step: 0, turn: null, observation, reward: 0, done: false, truncated: false, valid: true, picture };
}

function recordedFrame(step: number, turn: Turn, rec: SharedStep, observation: string): Frame {
  return { step, turn, observation, reward: rec.reward, done: rec.done, truncated: false, valid: rec.valid !== false, ...(rec.verdicts ? { verdicts: rec.verdicts } : {}), picture: null };
}

interface ReRun {
  frames: Frame[];
  problems: { step: number; what: string }[];
  stopped: string | null;
}

async function reRun(episode: SharedEpisode, plans: Planned[], open: EnvOpener): Promise<ReRun> {
  const handle = await open(episode.env);
  const frames: Frame[] = [];
  const problems: ReRun['problems'] = [];
  let stopped: string | null = null;
  try {
    const first = await handle.reset(episode.item);
    frames.push(start(first.observation, first.picture));
    if (observationHash(first.observation) !== episode.obs0) problems.push({ step: 0, what: 'the first observation is different' });
    for (const [i, rec] of episode.steps.entries()) {
      const { parse, turn } = plans[i];
      let snap: Snapshot;
      try {
        snap = 'action' in parse ? await handle.step(parse.action) : await handle.invalid(parse.invalid);
      } catch (e) {
        // The env's message can echo the link's action text: quoted.
        stopped = `Step ${i + 1} could not be replayed: ${quote(errorMessage(e))}`;
        problems.push({ step: i + 1, what: 'the environment refused the step' });
        break;
      }
      frames.push(frame(i + 1, turn, snap));
      const what = differences(snap, rec);
      if (what.length) problems.push({ step: i + 1, what: what.join('; ') });
    }
  } finally {
    handle.close();
  }
  return { frames, problems, stopped };
}

function frame(step: number, turn: Turn, s: Snapshot): Frame {
  return {
    step,
    turn,
    observation: s.observation,
    reward: s.reward,
    done: s.done,
    truncated: s.truncated,
    valid: s.info.valid !== false,
    progress: typeof s.info.progress === 'number' ? s.info.progress : undefined,
    ...(s.info.verdicts?.length ? { verdicts: s.info.verdicts } : {}),
    picture: s.picture,
  };
}

/**
 * How a re-run ends. A round limit is not the env's to re-run (a benchmark may have set its own),
 * so a recorded truncation stands; v1 links only have the env's own limit to go by.
 */
function endOf(spec: EnvManifest, ep: SharedEpisode, frames: Frame[]): Replay['result'] {
  const last = frames.at(-1);
  if (last?.done) return isSuccess(spec.scoring, last.reward) ? 'success' : 'failure';
  if (ep.outcome === 'truncated' || last?.truncated || frames.length - 1 >= spec.maxRounds) return 'truncated';
  return 'stopped';
}

function differences(now: Snapshot, rec: SharedStep): string[] {
  const out: string[] = [];
  if (now.reward !== rec.reward) out.push(`reward ${now.reward} now, ${rec.reward} recorded`);
  if (now.done !== rec.done) out.push(now.done ? 'the episode ends here now but went on in the recording' : 'the episode goes on now but ended here in the recording');
  if (observationHash(now.observation) !== rec.obs) out.push('the observation is different');
  return out;
}

/** Why a re-run may differ. The recorded versions come from the link: quoted, as any text from outside. */
function cause(ep: SharedEpisode, dataVersion: string, appVersion: string): string {
  if (ep.dataVersion !== dataVersion) return `the environment data may have changed (recorded data version ${quote(ep.dataVersion)}, now ${dataVersion})`;
  if (ep.appVersion !== appVersion) return `the environment may have changed (recorded with app version ${quote(ep.appVersion)}, now ${appVersion})`;
  return 'same app and data version, so the recording was probably edited';
}
