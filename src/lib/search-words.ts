/**
 * History's text search over whole transcripts. Each episode keeps, beside its header, the distinct
 * words (lower case) of everything it shows: item id, agent, goal, error and every step's reply,
 * action, observation and hint. A search word (no spaces) occurs in a transcript exactly when it
 * occurs in one of its words, so this short list answers the same as the whole text, and a search
 * reads headers only, never the steps.
 */
import type { EpisodeRecord, StepRecord } from './records.ts';

/** The words of an episode's own fields and of its steps `from`.. added to `into` (the writer keeps it between saves). */
export function collectWords(ep: EpisodeRecord, from = 0, into = new Set<string>()): Set<string> {
  if (from === 0) for (const text of [ep.itemId, ep.agent.label, ep.initialObservation]) addWords(text, into);
  // An error may come with any save (the episode's last).
  addWords(ep.error ?? '', into);
  for (const s of ep.steps.slice(from)) addWords(stepText(s), into);
  return into;
}

function stepText(s: StepRecord): string {
  return `${s.reply}\n${s.action ?? ''}\n${s.observation}\n${s.hint ?? ''}`;
}

function addWords(text: string, into: Set<string>): void {
  for (const w of text.toLowerCase().split(/\s+/)) if (w) into.add(w);
}

/** The words as stored: one string, so a search tests each query word with one `includes`. */
export function joinWords(words: ReadonlySet<string>): string {
  return [...words].join(' ');
}

/** The query's words (any case, any spacing); empty when there is nothing to search. */
export function queryWords(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean);
}

/** Every query word occurs in the stored words (joined by spaces, so no word spans two). */
export function hasAllWords(stored: string, query: readonly string[]): boolean {
  return query.every((w) => stored.includes(w));
}
