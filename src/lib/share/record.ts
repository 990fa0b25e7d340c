/** Conversions between stored episodes and the shared payload, and sharing as link or file. */
import { itemId, itemIndex } from '../../../workers/envs/contract.ts';
import { requireEnv } from '../../../workers/envs/registry.ts';
import { isOutcome, resultOf } from '../outcome.ts';
import type { AgentInfo, EpisodeRecord } from '../records.ts';
import { episodeFragment } from './codec.ts';
import { episodeToFile, fileBytes, fileTooLarge } from './file.ts';
import { observationHash } from './hash.ts';
import { LIMITS } from './limits.ts';
import type { Replay } from './replay.ts';
import { FORMAT_VERSION, type SharedAgent, type SharedEpisode } from './types.ts';
import { validateEpisode } from './validate.ts';

/**
 * The shareable part of a stored episode, in the current format. Fields are picked one by one:
 * nothing else leaks in. Observation texts go in only for envs that can't be re-run.
 */
export function recordToShared(r: EpisodeRecord): SharedEpisode {
  const live = !requireEnv(r.env).deterministic;
  const result = resultOf(r);
  return {
    v: FORMAT_VERSION,
    env: r.env,
    item: itemIndex(r.itemId),
    agent: sharedAgent(r.agent),
    obs0: observationHash(r.initialObservation),
    ...(live ? { initialObservation: r.initialObservation } : {}),
    steps: r.steps.map((s) => ({
      reply: s.reply,
      by: s.by,
      // A reply without a usable action was answered with feedback, which is its observation.
      ...(s.action === null ? { invalid: s.observation } : { action: s.action }),
      reward: s.reward,
      done: s.done,
      obs: observationHash(s.observation),
      ...(live ? { observation: s.observation, valid: s.valid, ...(s.verdicts ? { verdicts: s.verdicts.map(({ evaluator, check, pass, detail }) => ({ evaluator, check, pass, detail })) } : {}) } : {}),
    })),
    ...(isOutcome(result) ? { outcome: result } : {}),
    appVersion: r.appVersion,
    dataVersion: r.dataVersion,
  };
}

function sharedAgent(a: AgentInfo): SharedAgent {
  const label = a.label.slice(0, LIMITS.labelChars);
  if (a.kind === 'human') return { kind: 'human', label };
  const { temperature, maxTokens, topP, seed } = a.params;
  const params = Object.fromEntries(Object.entries({ temperature, maxTokens, topP, seed }).filter(([, v]) => v !== undefined));
  // A provider that is not a plain name (a custom endpoint's URL, say) is not shared.
  const provider = /^[A-Za-z0-9._-]{1,40}$/.test(a.provider) ? a.provider : 'custom';
  return { kind: 'model', label, provider, model: a.model.slice(0, LIMITS.labelChars), params };
}

export type ShareResult =
  | { kind: 'link'; url: string }
  | { kind: 'file'; name: string; text: string; reason: string }
  | { kind: 'error'; error: string };

/** A link to the episode on `pageUrl`, or a file when the link would be too long to paste around. */
export function shareEpisode(record: EpisodeRecord, pageUrl: string): ShareResult {
  const checked = validateEpisode(recordToShared(record));
  if (!checked.ok) return { kind: 'error', error: `This episode cannot be shared. ${checked.error}` };
  const url = pageUrl.replace(/#.*$/s, '') + episodeFragment(checked.episode);
  if (url.length <= LIMITS.linkChars) return { kind: 'link', url };
  const file = episodeToFile(checked.episode);
  // A file over the cap could not be opened again.
  if (fileBytes(file.text) > LIMITS.payloadBytes) return { kind: 'error', error: `This episode cannot be shared. ${fileTooLarge}` };
  return { kind: 'file', ...file, reason: `The link would be ${url.length} characters long (over ${LIMITS.linkChars}), so the episode is saved as a file instead.` };
}

/**
 * A stored episode rebuilt from a replay: observations and rewards are the replay's, so it is
 * stamped with the current app version (and data version, unless the observations are the
 * recording's own). `parent` is left for the caller to set.
 */
export function replayToRecord(ep: SharedEpisode, replay: Replay, opts: { id: string; now: number; appVersion: string }): EpisodeRecord {
  const spec = requireEnv(ep.env);
  const [start, ...rest] = replay.frames;
  if (!start) throw new Error('The replay has no frames.');
  const end = replay.result;
  return {
    id: opts.id,
    env: ep.env,
    itemId: itemId(ep.env, ep.item),
    agent: ep.agent.kind === 'human' ? { ...ep.agent } : { ...ep.agent, params: { ...ep.agent.params } },
    startedAt: opts.now,
    finishedAt: opts.now,
    initialObservation: start.observation,
    steps: rest.flatMap((f) =>
      f.turn ? [{ reply: f.turn.reply, action: f.turn.action, by: f.turn.by, observation: f.observation, reward: f.reward, done: f.done, valid: f.valid, progress: f.progress, ...(f.verdicts ? { verdicts: f.verdicts } : {}), at: opts.now }] : [],
    ),
    ...(end === 'stopped' ? { status: 'stopped' as const } : { status: 'done' as const, outcome: end }),
    finalReward: rest.at(-1)?.reward ?? 0,
    success: end === 'success',
    appVersion: opts.appVersion,
    dataVersion: replay.mode === 'recorded' ? ep.dataVersion : spec.dataVersion,
  };
}
