/** Test helper: play a real episode through the in-process env, recorded as the agent loop would. */
import { parseReply } from '../src/lib/episode.ts';
import { isSuccess, itemId } from '../workers/envs/contract.ts';
import { requireEnv } from '../workers/envs/registry.ts';
import { openLocalEnv } from '../workers/local-env.ts';
import type { Snapshot } from '../workers/session.ts';
import type { AgentInfo, EpisodeRecord } from '../src/lib/records.ts';
import { decodeFragment, episodeFragment } from '../src/lib/share/codec.ts';
import type { SharedEpisode } from '../src/lib/share/types.ts';

export type ReplyPolicy = (snap: Snapshot, step: number) => string;

/** Cycles through the env's listed actions; a reply with no "Action:" on step 2 tests that path. */
export const cyclingPolicy: ReplyPolicy = (snap, i) => {
  if (i === 2) return 'Not sure yet <img src=x onerror=alert(1)> 🧭';
  const options = snap.availableActions ?? ['look', 'inventory', 'move up'];
  return `Thought: trying option ${i}.\nAction: ${options[i % options.length]}`;
};

export const MODEL_AGENT: AgentInfo = { kind: 'model', label: 'Test model', provider: 'openai', model: 'gpt-test-2025', params: { temperature: 0.7, maxTokens: 512 } };

export async function playEpisode(envId: string, index: number, policy: ReplyPolicy, maxSteps: number, agent: AgentInfo = MODEL_AGENT): Promise<EpisodeRecord> {
  const spec = requireEnv(envId);
  const format = await spec.format();
  const env = await openLocalEnv(envId);
  let snap = await env.reset(index);
  const record: EpisodeRecord = {
    id: `test-${envId}-${index}`,
    env: envId,
    itemId: itemId(envId, index),
    agent,
    startedAt: 1,
    initialObservation: snap.observation,
    steps: [],
    status: 'running',
    finalReward: 0,
    success: false,
    appVersion: '0.1.0',
    dataVersion: spec.dataVersion,
  };
  for (let i = 0; i < maxSteps && !snap.done; i++) {
    const reply = policy(snap, i);
    const by = i % 3 === 1 ? 'human' : 'model';
    const parse = parseReply(format, reply, by);
    snap = 'action' in parse ? await env.step(parse.action) : await env.invalid(parse.invalid);
    record.steps.push({
      reply,
      action: 'action' in parse ? parse.action : null,
      by,
      observation: snap.observation,
      reward: snap.reward,
      done: snap.done,
      valid: snap.info.valid !== false,
      at: 2 + i,
    });
  }
  env.close();
  record.finalReward = snap.reward;
  record.success = snap.done && isSuccess(spec.scoring, snap.reward);
  record.status = snap.done ? 'done' : 'stopped';
  if (snap.done) record.outcome = record.success ? 'success' : 'failure';
  return record;
}

/** The episode a link holds, or a thrown error saying why it is refused. */
export function openLink(fragment: string): SharedEpisode {
  const d = decodeFragment(fragment);
  if (!d.ok) throw new Error(d.error);
  return d.episode;
}

/** What the receiving side sees: the episode after a trip through a link. */
export function viaLink(ep: SharedEpisode): SharedEpisode {
  return openLink(episodeFragment(ep));
}
