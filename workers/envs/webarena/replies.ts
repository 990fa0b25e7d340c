/**
 * The proxy's replies, checked at the boundary: the proxy is another program (maybe another
 * machine's), so a reply of the wrong shape is an error naming what is wrong, and evaluator
 * verdicts are kept only when each is well formed.
 */
import type { Picture, StepResult, Verdict } from '../contract.ts';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function fail(what: string): never {
  throw new Error(`WebArena proxy: unexpected reply (${what}).`);
}

export function resetReply(v: unknown): { observation: string; url: string } {
  if (!isObject(v) || typeof v.observation !== 'string') fail('no observation text');
  return { observation: v.observation, url: typeof v.url === 'string' ? v.url : '' };
}

export function stepReply(v: unknown): StepResult & { url: string } {
  if (!isObject(v) || typeof v.observation !== 'string') fail('no observation text');
  if (typeof v.reward !== 'number' || !Number.isFinite(v.reward)) fail('reward is not a number');
  if (typeof v.done !== 'boolean') fail('done is not true or false');
  const info = isObject(v.info) ? v.info : {};
  const verdicts = Array.isArray(info.verdicts) ? info.verdicts.filter(isVerdict) : undefined;
  return {
    observation: v.observation,
    reward: v.reward,
    done: v.done,
    truncated: v.truncated === true,
    info: { ...info, ...(verdicts ? { verdicts } : {}) },
    url: typeof info.url === 'string' ? info.url : '',
  };
}

export function isVerdict(v: unknown): v is Verdict {
  return isObject(v) && typeof v.evaluator === 'string' && typeof v.check === 'string' && typeof v.pass === 'boolean' && typeof v.detail === 'string';
}

/** A base64 PNG from the proxy as an inline image URL, or null when it is not one. */
export function screenshotSrc(v: unknown): string | null {
  return isObject(v) && typeof v.png === 'string' && /^[A-Za-z0-9+/]+=*$/.test(v.png) ? `data:image/png;base64,${v.png}` : null;
}

/**
 * The side view: the page as the browser shows it, then the page part of the observation (the
 * tab line and the accessibility tree, without the URL/OBJECTIVE/PREVIOUS ACTION lines below it).
 */
export function pagePicture(observation: string, url: string, screenshot: string | { error: string }): Picture {
  const tree = /^OBSERVATION:\n([\s\S]*?)\nURL: /.exec(observation)?.[1] ?? observation;
  const shot: Picture =
    typeof screenshot === 'string'
      ? { kind: 'image', src: screenshot, alt: `Screenshot of the browser tab at ${url || 'the current page'}`, caption: url || undefined }
      : { kind: 'text', title: 'Screenshot unavailable', body: screenshot.error };
  return { kind: 'stack', parts: [shot, { kind: 'text', title: 'Accessibility tree', body: tree }] };
}
