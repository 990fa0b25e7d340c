/** Validation of EpisodeRecords coming from outside (imported files). */
import { checkItemIndex, itemIndex } from '../../workers/envs/contract.ts';
import { getEnv } from '../../workers/envs/registry.ts';
import { arr, assignDefined, bool, checkParams, checkVerdicts, num, obj, oneOf, opt, str, ValidationError } from './check.ts';
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
    status: oneOf(o.status, `${path}.status`, ['running', 'paused', 'done', 'stopped', 'error', 'interrupted'] as const),
    finalReward: num(o.finalReward, `${path}.finalReward`),
    success: bool(o.success, `${path}.success`),
    appVersion: str(o.appVersion, `${path}.appVersion`, 64),
    dataVersion: str(o.dataVersion, `${path}.dataVersion`, 64),
  };
  assignDefined(ep, {
    finishedAt: opt(o.finishedAt, (x) => num(x, `${path}.finishedAt`)),
    error: opt(o.error, (x) => str(x, `${path}.error`, 10_000)),
    runId: opt(o.runId, (x) => str(x, `${path}.runId`, 200)),
    usage: opt(o.usage, (x) => checkUsage(x, `${path}.usage`)),
    outcome: opt(o.outcome, (x) => oneOf(x, `${path}.outcome`, ['success', 'failure', 'truncated'] as const)),
    format: opt(o.format, (x) => str(x, `${path}.format`, 128)),
  });
  if (o.parent !== undefined) {
    const p = obj(o.parent, `${path}.parent`);
    ep.parent = assignDefined<NonNullable<EpisodeRecord['parent']>>({ step: num(p.step, `${path}.parent.step`) }, { episodeId: opt(p.episodeId, (x) => str(x, `${path}.parent.episodeId`, 200)) });
  }
  return ep;
}

function checkAgent(v: unknown, path: string): AgentInfo {
  const o = obj(v, path);
  const kind = oneOf(o.kind, `${path}.kind`, ['human', 'model'] as const);
  const label = str(o.label, `${path}.label`, 200);
  if (kind === 'human') return { kind, label };
  return { kind, label, provider: str(o.provider, `${path}.provider`, 200), model: str(o.model, `${path}.model`, 200), params: checkParams(o.params, `${path}.params`) };
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
  return assignDefined(s, {
    thought: opt(o.thought, (x) => str(x, `${path}.thought`, 200_000)),
    progress: opt(o.progress, (x) => num(x, `${path}.progress`)),
    hint: opt(o.hint, (x) => str(x, `${path}.hint`, 2000)),
    verdicts: opt(o.verdicts, (x) => checkVerdicts(x, `${path}.verdicts`)),
    usage: opt(o.usage, (x) => checkUsage(x, `${path}.usage`)),
    model: opt(o.model, (x) => str(x, `${path}.model`, 200)),
    latencyMs: opt(o.latencyMs, (x) => num(x, `${path}.latencyMs`)),
  });
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
