/**
 * What "Reveal the answer" shows of an env's hidden ground truth (its detail()) once an episode
 * is lost or ran out of rounds: the field that answers the task where we know which it is, then
 * the whole record for the curious.
 */
import type { EnvManifest } from '../../workers/envs/contract.ts';
import type { Result } from './outcome.ts';

/** Only an episode that is over and not won has an answer to reveal. */
export function canReveal(result: Result): boolean {
  return result === 'failure' || result === 'truncated';
}

export interface Revealed {
  /** The answer's fields, as text (empty where we do not know which field answers the task). */
  answer: { label: string; text: string }[];
  /** Every field of the env's hidden state, as text. */
  all: { key: string; text: string }[];
}

/** The env's answer fields (its manifest says which) and the whole record. */
export function describeDetail(spec: Pick<EnvManifest, 'answerFields'>, detail: Record<string, unknown>): Revealed {
  // An empty field says nothing (BabyAI's "Done" before any part of the mission was).
  const answer = (spec.answerFields ?? []).filter(([key]) => !isEmpty(detail[key])).map(([key, label]) => ({ label, text: asText(detail[key]) }));
  return { answer, all: Object.entries(detail).map(([key, v]) => ({ key, text: asText(v) })) };
}

function isEmpty(v: unknown): boolean {
  return v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
}

function asText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v.join(', ');
  return JSON.stringify(v);
}
