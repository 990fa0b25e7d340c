/**
 * Hand-written validator for shared episodes (links and files are untrusted). It copies each
 * known field into a fresh object, so unknown fields are dropped, and names the field at fault.
 */
import { checkItemIndex } from '../../../workers/envs/contract.ts';
import { ENVS, getEnv } from '../../../workers/envs/registry.ts';
import { arr, bool, checkParams, num, obj, oneOf, str, ValidationError } from '../check.ts';
import { LIMITS } from './limits.ts';
import { FORMAT_VERSION, type Decoded, type SharedAgent, type SharedEpisode, type SharedStep } from './types.ts';

function hash(v: unknown, field: string): string {
  if (typeof v !== 'string' || !/^[0-9a-f]{8}$/.test(v)) throw new ValidationError(`${field} must be an 8-digit hex observation hash`);
  return v;
}

/** Provider ids are short names ("openai"); anything URL-like or odd is refused. */
function providerName(v: unknown, field: string): string {
  const s = str(v, field, LIMITS.labelChars);
  if (!/^[A-Za-z0-9._-]{1,40}$/.test(s)) throw new ValidationError(`${field} must be a short provider name (letters, digits, . _ -)`);
  return s;
}

function agent(v: unknown): SharedAgent {
  const o = obj(v, 'agent');
  const kind = oneOf(o.kind, 'agent.kind', ['human', 'model']);
  const label = str(o.label, 'agent.label', LIMITS.labelChars);
  if (kind === 'human') return { kind, label };
  return {
    kind,
    label,
    provider: providerName(o.provider, 'agent.provider'),
    model: str(o.model, 'agent.model', LIMITS.labelChars),
    params: checkParams(o.params, 'agent.params'),
  };
}

function step(v: unknown, i: number): SharedStep {
  const field = `steps[${i}]`;
  const o = obj(v, field);
  return {
    reply: str(o.reply, `${field}.reply`, LIMITS.replyChars),
    by: oneOf(o.by, `${field}.by`, ['human', 'model']),
    reward: num(o.reward, `${field}.reward`),
    done: bool(o.done, `${field}.done`),
    obs: hash(o.obs, `${field}.obs`),
  };
}

function episode(v: unknown): SharedEpisode {
  const o = obj(v, 'episode');
  if (o.v !== FORMAT_VERSION) throw new ValidationError(`v must be ${FORMAT_VERSION} (this app reads format v${FORMAT_VERSION})`);
  const envId = str(o.env, 'env', LIMITS.labelChars);
  const spec = getEnv(envId);
  if (!spec) throw new ValidationError(`env "${envId}" is not an environment of this app (known: ${ENVS.map((e) => e.id).join(', ')})`);
  const itemErr = checkItemIndex(spec, o.item);
  if (itemErr) throw new ValidationError(`item: ${itemErr}`);
  const steps = arr(o.steps, 'steps', LIMITS.steps).map(step);
  const doneAt = steps.findIndex((s) => s.done);
  if (doneAt >= 0 && doneAt < steps.length - 1) throw new ValidationError(`steps[${doneAt}] ends the episode but more steps follow`);
  return {
    v: FORMAT_VERSION,
    env: envId,
    item: o.item as number,
    agent: agent(o.agent),
    obs0: hash(o.obs0, 'obs0'),
    steps,
    appVersion: str(o.appVersion, 'appVersion', LIMITS.labelChars),
    dataVersion: str(o.dataVersion, 'dataVersion', LIMITS.labelChars),
  };
}

/** A clean copy of a shared episode, or an error message naming the first bad field. */
export function validateEpisode(v: unknown): Decoded {
  try {
    return { ok: true, episode: episode(v) };
  } catch (e) {
    if (e instanceof ValidationError) return { ok: false, error: `The episode is not valid: ${e.message}.` };
    throw e;
  }
}
