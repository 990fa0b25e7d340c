/** Validation of EpisodeRecords coming from outside (imported files). */
import { checkItemIndex, itemIndex } from '../../workers/envs/contract.ts';
import { getEnv } from '../../workers/envs/registry.ts';
import { arr, bool, num, obj, oneOf, opt, str, ValidationError } from './check.ts';
import type { AgentInfo, EpisodeRecord, StepRecord, Usage } from './records.ts';

export function checkEpisode(v: unknown, path = 'episode'): EpisodeRecord {
  const o = obj(v, path);
  const env = str(o.env, `${path}.env`, 64);
  const spec = getEnv(env);
  if (!spec) throw new ValidationError(`${path}.env: unknown environment "${env}"`);
  const id = str(o.itemId, `${path}.itemId`, 128);
  let index: number;
  try {
    index = itemIndex(id);
  } catch (e) {
    throw new ValidationError(`${path}.itemId: ${(e as Error).message}`);
  }
  const rangeErr = checkItemIndex(spec, index);
  if (rangeErr) throw new ValidationError(`${path}.itemId: ${rangeErr}`);
  const ep: EpisodeRecord = {
    id: str(o.id, `${path}.id`, 200),
    env,
    itemId: id,
    agent: checkAgent(o.agent, `${path}.agent`),
    startedAt: num(o.startedAt, `${path}.startedAt`),
    initialObservation: str(o.initialObservation, `${path}.initialObservation`),
    steps: arr(o.steps, `${path}.steps`, 1000).map((s, i) => checkStep(s, `${path}.steps[${i}]`)),
    status: oneOf(o.status, `${path}.status`, ['running', 'paused', 'done', 'stopped', 'error'] as const),
    finalReward: num(o.finalReward, `${path}.finalReward`),
    success: bool(o.success, `${path}.success`),
    appVersion: str(o.appVersion, `${path}.appVersion`, 64),
    dataVersion: str(o.dataVersion, `${path}.dataVersion`, 64),
  };
  const finishedAt = opt(o.finishedAt, (x) => num(x, `${path}.finishedAt`));
  const error = opt(o.error, (x) => str(x, `${path}.error`, 10_000));
  const runId = opt(o.runId, (x) => str(x, `${path}.runId`, 200));
  if (finishedAt !== undefined) ep.finishedAt = finishedAt;
  if (error !== undefined) ep.error = error;
  if (runId !== undefined) ep.runId = runId;
  if (o.usage !== undefined) ep.usage = checkUsage(o.usage, `${path}.usage`);
  if (o.parent !== undefined) {
    const p = obj(o.parent, `${path}.parent`);
    ep.parent = { step: num(p.step, `${path}.parent.step`) };
    const pid = opt(p.episodeId, (x) => str(x, `${path}.parent.episodeId`, 200));
    if (pid !== undefined) ep.parent.episodeId = pid;
  }
  return ep;
}

function checkAgent(v: unknown, path: string): AgentInfo {
  const o = obj(v, path);
  const kind = oneOf(o.kind, `${path}.kind`, ['human', 'model'] as const);
  const label = str(o.label, `${path}.label`, 200);
  if (kind === 'human') return { kind, label };
  const p = obj(o.params ?? {}, `${path}.params`);
  const params: Record<string, number> = {};
  for (const k of ['temperature', 'maxTokens', 'topP', 'seed'] as const) {
    if (p[k] !== undefined) params[k] = num(p[k], `${path}.params.${k}`);
  }
  return { kind, label, provider: str(o.provider, `${path}.provider`, 200), model: str(o.model, `${path}.model`, 200), params };
}

function checkStep(v: unknown, path: string): StepRecord {
  const o = obj(v, path);
  const s: StepRecord = {
    reply: str(o.reply, `${path}.reply`, 200_000),
    action: o.action === null ? null : str(o.action, `${path}.action`, 200_000),
    by: oneOf(o.by, `${path}.by`, ['human', 'model'] as const),
    observation: str(o.observation, `${path}.observation`),
    reward: num(o.reward, `${path}.reward`),
    done: bool(o.done, `${path}.done`),
    valid: bool(o.valid, `${path}.valid`),
    at: num(o.at, `${path}.at`),
  };
  const progress = opt(o.progress, (x) => num(x, `${path}.progress`));
  const latency = opt(o.latencyMs, (x) => num(x, `${path}.latencyMs`));
  if (progress !== undefined) s.progress = progress;
  const thought = opt(o.thought, (x) => str(x, `${path}.thought`, 200_000));
  const model = opt(o.model, (x) => str(x, `${path}.model`, 200));
  if (thought !== undefined) s.thought = thought;
  if (model !== undefined) s.model = model;
  if (latency !== undefined) s.latencyMs = latency;
  if (o.usage !== undefined) s.usage = checkUsage(o.usage, `${path}.usage`);
  return s;
}

function checkUsage(v: unknown, path: string): Usage {
  const o = obj(v, path);
  const u: Usage = { inputTokens: num(o.inputTokens, `${path}.inputTokens`), outputTokens: num(o.outputTokens, `${path}.outputTokens`) };
  for (const k of ['cachedTokens', 'reasoningTokens', 'cost'] as const) {
    const x = opt(o[k], (y) => num(y, `${path}.${k}`));
    if (x !== undefined) u[k] = x;
  }
  if (o.estimated !== undefined) u.estimated = bool(o.estimated, `${path}.estimated`);
  if (o.costSource !== undefined) u.costSource = oneOf(o.costSource, `${path}.costSource`, ['provider', 'table'] as const);
  return u;
}
