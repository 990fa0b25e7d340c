/**
 * Building an EpisodeRecord as an episode is played, whoever plays it. Pure functions: the caller
 * persists the record after each step.
 */
import type { ActionParse, EnvSpec } from '../../workers/envs/contract.ts';
import { itemId } from '../../workers/envs/contract.ts';
import type { Snapshot } from '../../workers/session.ts';
import type { AgentInfo, EpisodeRecord, StepRecord } from './records.ts';
import { APP_VERSION } from './version.ts';

export function newEpisode(id: string, spec: EnvSpec, index: number, agent: AgentInfo, first: Snapshot, now: number): EpisodeRecord {
  return {
    id,
    env: spec.id,
    itemId: itemId(spec.id, index),
    agent,
    startedAt: now,
    initialObservation: first.observation,
    steps: [],
    status: 'running',
    finalReward: 0,
    success: false,
    appVersion: APP_VERSION,
    dataVersion: spec.dataVersion,
  };
}

/** Append one step; AgentGym scores an episode by the reward of its last step. */
export function withStep(spec: EnvSpec, ep: EpisodeRecord, step: StepRecord, maxRounds = spec.maxRounds): EpisodeRecord {
  const steps = [...ep.steps, step];
  const finished = step.done || steps.length >= maxRounds;
  return {
    ...ep,
    steps,
    finalReward: step.reward,
    success: spec.isSuccess(step.reward),
    status: finished ? 'done' : ep.status,
    finishedAt: finished ? step.at : ep.finishedAt,
  };
}

export function stepFromSnapshot(snap: Snapshot, reply: string, action: string | null, by: StepRecord['by'], at: number): StepRecord {
  return {
    reply,
    action,
    by,
    observation: snap.observation,
    reward: snap.reward,
    done: snap.done,
    valid: snap.info.valid !== false && action !== null,
    ...(typeof snap.info.progress === 'number' ? { progress: snap.info.progress } : {}),
    at,
  };
}

/**
 * What a reply asks of the env. A model writes Thought/Action; a person usually types the action
 * itself, but may also write it in the model's format.
 */
export function parseReply(spec: EnvSpec, reply: string, by: StepRecord['by']): ActionParse {
  return by === 'human' && !reply.includes('Action:') ? { action: reply.trim() } : spec.extractAction(reply);
}
