/**
 * Hand-written validator for shared episodes (links and files are untrusted). It copies each
 * known field into a fresh object, so unknown fields are dropped, and names the field at fault.
 */
import { checkItemIndex } from '../../../workers/envs/contract.ts';
import { ENVS, getEnv } from '../../../workers/envs/registry.ts';
import { LIMITS } from './limits.ts';
import { FORMAT_VERSION, type Decoded, type SharedAgent, type SharedEpisode, type SharedModelParams, type SharedStep } from './types.ts';

class Invalid extends Error {}

type Obj = Record<string, unknown>;

function object(v: unknown, field: string): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Invalid(`${field} must be an object`);
  return v as Obj;
}

function string(v: unknown, field: string, max: number): string {
  if (typeof v !== 'string') throw new Invalid(`${field} must be a string`);
  if (v.length > max) throw new Invalid(`${field} is too long (${v.length} characters, at most ${max})`);
  return v;
}

function finite(v: unknown, field: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new Invalid(`${field} must be a finite number`);
  return v;
}

function boolean(v: unknown, field: string): boolean {
  if (typeof v !== 'boolean') throw new Invalid(`${field} must be true or false`);
  return v;
}

function hash(v: unknown, field: string): string {
  if (typeof v !== 'string' || !/^[0-9a-f]{8}$/.test(v)) throw new Invalid(`${field} must be an 8-digit hex observation hash`);
  return v;
}

function oneOf<T extends string>(v: unknown, field: string, options: readonly T[]): T {
  if (!options.includes(v as T)) throw new Invalid(`${field} must be one of ${options.map((o) => `"${o}"`).join(', ')}`);
  return v as T;
}

/** Provider ids are short names ("openai"); anything URL-like or odd is refused. */
function providerName(v: unknown, field: string): string {
  const s = string(v, field, LIMITS.labelChars);
  if (!/^[A-Za-z0-9._-]{1,40}$/.test(s)) throw new Invalid(`${field} must be a short provider name (letters, digits, . _ -)`);
  return s;
}

function params(v: unknown): SharedModelParams {
  const o = object(v, 'agent.params');
  const out: SharedModelParams = {};
  for (const key of ['temperature', 'maxTokens', 'topP', 'seed'] as const) {
    if (o[key] !== undefined) out[key] = finite(o[key], `agent.params.${key}`);
  }
  return out;
}

function agent(v: unknown): SharedAgent {
  const o = object(v, 'agent');
  const kind = oneOf(o.kind, 'agent.kind', ['human', 'model']);
  const label = string(o.label, 'agent.label', LIMITS.labelChars);
  if (kind === 'human') return { kind, label };
  return {
    kind,
    label,
    provider: providerName(o.provider, 'agent.provider'),
    model: string(o.model, 'agent.model', LIMITS.labelChars),
    params: params(o.params),
  };
}

function step(v: unknown, i: number): SharedStep {
  const field = `steps[${i}]`;
  const o = object(v, field);
  return {
    reply: string(o.reply, `${field}.reply`, LIMITS.replyChars),
    by: oneOf(o.by, `${field}.by`, ['human', 'model']),
    reward: finite(o.reward, `${field}.reward`),
    done: boolean(o.done, `${field}.done`),
    obs: hash(o.obs, `${field}.obs`),
  };
}

function episode(v: unknown): SharedEpisode {
  const o = object(v, 'episode');
  if (o.v !== FORMAT_VERSION) throw new Invalid(`v must be ${FORMAT_VERSION} (this app reads format v${FORMAT_VERSION})`);
  const envId = string(o.env, 'env', LIMITS.labelChars);
  const spec = getEnv(envId);
  if (!spec) throw new Invalid(`env "${envId}" is not an environment of this app (known: ${ENVS.map((e) => e.id).join(', ')})`);
  const itemErr = checkItemIndex(spec, o.item);
  if (itemErr) throw new Invalid(`item: ${itemErr}`);
  if (!Array.isArray(o.steps)) throw new Invalid('steps must be a list');
  if (o.steps.length > LIMITS.steps) throw new Invalid(`steps has ${o.steps.length} entries, at most ${LIMITS.steps} are allowed`);
  const steps = o.steps.map(step);
  const doneAt = steps.findIndex((s) => s.done);
  if (doneAt >= 0 && doneAt < steps.length - 1) throw new Invalid(`steps[${doneAt}] ends the episode but more steps follow`);
  return {
    v: FORMAT_VERSION,
    env: envId,
    item: o.item as number,
    agent: agent(o.agent),
    obs0: hash(o.obs0, 'obs0'),
    steps,
    appVersion: string(o.appVersion, 'appVersion', LIMITS.labelChars),
    dataVersion: string(o.dataVersion, 'dataVersion', LIMITS.labelChars),
  };
}

/** A clean copy of a shared episode, or an error message naming the first bad field. */
export function validateEpisode(v: unknown): Decoded {
  try {
    return { ok: true, episode: episode(v) };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, error: `The episode is not valid: ${e.message}.` };
    throw e;
  }
}
