/**
 * Hand-written validator for shared episodes (links and files are untrusted). It copies each
 * known field into a fresh object, so unknown fields are dropped, and names the field at fault.
 * Both format versions are read; fields v1 did not have are ignored in a v1 payload.
 */
import { checkItemIndex } from '../../../workers/envs/contract.ts';
import { ENVS, getEnv } from '../../../workers/envs/registry.ts';
import { arr, bool, checkParams, checkVerdicts, num, obj, oneOf, opt, str, ValidationError, type Obj } from '../check.ts';
import { observationHash } from './hash.ts';
import { LIMITS } from './limits.ts';
import { READABLE_VERSIONS, type Decoded, type FormatVersion, type SharedAgent, type SharedEpisode, type SharedStep } from './types.ts';

/** What a step's checks depend on. */
interface Context {
  version: FormatVersion;
  envId: string;
  /** The env is not deterministic: v2 carries its observations. */
  live: boolean;
}

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

/** A recorded observation text, which must be the one its hash names (they travel together). */
function observedText(v: unknown, field: string, hashOf: string, hashField: string): string {
  const text = str(v, field, LIMITS.observationChars);
  if (observationHash(text) !== hashOf) throw new ValidationError(`${field} does not match its hash ${hashField}`);
  return text;
}

/** A deterministic env is re-run: observation texts in its link could only be a forgery to show. */
function refuseObservation(o: Obj, keys: readonly string[], field: string, envId: string): void {
  const present = keys.find((k) => o[k] !== undefined);
  if (present) throw new ValidationError(`${field}${present}: ${envId} is deterministic, so its links are re-run and carry no observations`);
}

function recordedAction(o: Obj, field: string): Pick<SharedStep, 'action' | 'invalid'> {
  if ((o.action === undefined) === (o.invalid === undefined)) {
    throw new ValidationError(`${field} must have either action (what the environment was given) or invalid (the feedback to a reply without one)`);
  }
  return o.action !== undefined ? { action: str(o.action, `${field}.action`, LIMITS.replyChars) } : { invalid: str(o.invalid, `${field}.invalid`, LIMITS.replyChars) };
}

function step(v: unknown, i: number, ctx: Context): SharedStep {
  const field = `steps[${i}]`;
  const o = obj(v, field);
  const s: SharedStep = {
    reply: str(o.reply, `${field}.reply`, LIMITS.replyChars),
    by: oneOf(o.by, `${field}.by`, ['human', 'model']),
    reward: num(o.reward, `${field}.reward`),
    done: bool(o.done, `${field}.done`),
    obs: hash(o.obs, `${field}.obs`),
  };
  if (ctx.version === 1) return s;
  Object.assign(s, recordedAction(o, field));
  if (!ctx.live) {
    refuseObservation(o, ['observation', 'valid', 'verdicts'], `${field}.`, ctx.envId);
    return s;
  }
  s.observation = observedText(o.observation, `${field}.observation`, s.obs, `${field}.obs`);
  s.valid = bool(o.valid, `${field}.valid`);
  const verdicts = opt(o.verdicts, (x) => checkVerdicts(x, `${field}.verdicts`));
  if (verdicts) s.verdicts = verdicts;
  return s;
}

function formatVersion(v: unknown, expected: FormatVersion | undefined): FormatVersion {
  if (expected !== undefined) {
    if (v !== expected) throw new ValidationError(`v must be ${expected}, as the link's version says`);
    return expected;
  }
  if (!READABLE_VERSIONS.includes(v as FormatVersion)) throw new ValidationError(`v must be ${READABLE_VERSIONS.join(' or ')} (the episode formats this app reads)`);
  return v as FormatVersion;
}

/** A recorded outcome must agree with how the steps end. */
function outcome(v: unknown, last: SharedStep | undefined): SharedEpisode['outcome'] {
  const o = opt(v, (x) => oneOf(x, 'outcome', ['success', 'failure', 'truncated'] as const));
  const ended = o === 'success' || o === 'failure';
  if (last?.done && !ended) throw new ValidationError('outcome must be success or failure: the last step ended the episode');
  if (ended && !last?.done) throw new ValidationError(`outcome is "${o}" but the last step did not end the episode`);
  return o;
}

function episode(v: unknown, expected: FormatVersion | undefined): SharedEpisode {
  const o = obj(v, 'episode');
  const version = formatVersion(o.v, expected);
  const envId = str(o.env, 'env', LIMITS.labelChars);
  const spec = getEnv(envId);
  if (!spec) throw new ValidationError(`env "${envId}" is not an environment of this app (known: ${ENVS.map((e) => e.id).join(', ')})`);
  const live = !spec.deterministic;
  if (live && version === 1) throw new ValidationError(`env ${envId} cannot be re-run (it is not deterministic), and a v1 link carries no observations`);
  const itemErr = checkItemIndex(spec, o.item);
  if (itemErr) throw new ValidationError(`item: ${itemErr}`);
  const ctx: Context = { version, envId, live };
  const steps = arr(o.steps, 'steps', LIMITS.steps).map((s, i) => step(s, i, ctx));
  const doneAt = steps.findIndex((s) => s.done);
  if (doneAt >= 0 && doneAt < steps.length - 1) throw new ValidationError(`steps[${doneAt}] ends the episode but more steps follow`);
  const ep: SharedEpisode = {
    v: version,
    env: envId,
    item: o.item as number,
    agent: agent(o.agent),
    obs0: hash(o.obs0, 'obs0'),
    steps,
    appVersion: str(o.appVersion, 'appVersion', LIMITS.labelChars),
    dataVersion: str(o.dataVersion, 'dataVersion', LIMITS.labelChars),
  };
  if (version === 1) return ep;
  if (live) ep.initialObservation = observedText(o.initialObservation, 'initialObservation', ep.obs0, 'obs0');
  else refuseObservation(o, ['initialObservation'], '', envId);
  const end = outcome(o.outcome, steps.at(-1));
  if (end) ep.outcome = end;
  return ep;
}

/**
 * A clean copy of a shared episode, or an error message naming the first bad field. `version` is
 * the format a link names outside its payload; the payload must agree with it.
 */
export function validateEpisode(v: unknown, version?: FormatVersion): Decoded {
  try {
    return { ok: true, episode: episode(v, version) };
  } catch (e) {
    if (e instanceof ValidationError) return { ok: false, error: `The episode is not valid: ${e.message}.` };
    throw e;
  }
}
