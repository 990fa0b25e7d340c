/**
 * Errored episodes grouped by kind, so a run's report names what went wrong once with a count
 * instead of hundreds of near-identical lines, or nothing at all.
 */
import type { EpisodeRecord } from '../records.ts';

export interface ErrorKind {
  /** The first such error, as it was recorded. */
  first: string;
  /** Which episode it came from. */
  itemId: string;
  count: number;
}

/**
 * Errors differing only in numbers (retry delays, token counts, positions) are one kind; an HTTP
 * status is kept, as a 429 and a 500 call for different fixes.
 */
export function errorKey(message: string): string {
  return (message.split('\n')[0] ?? '').replace(/(?<!HTTP )\d+(\.\d+)?/g, '#').trim();
}

/** Errored episodes' errors by kind, most frequent first (first seen first on ties). */
export function errorKinds(episodes: readonly Pick<EpisodeRecord, 'status' | 'error' | 'itemId'>[]): ErrorKind[] {
  const kinds = new Map<string, ErrorKind>();
  for (const ep of episodes) {
    if (ep.status !== 'error') continue;
    const message = ep.error || 'no error text was recorded';
    const key = errorKey(message);
    const kind = kinds.get(key);
    if (kind) kind.count++;
    else kinds.set(key, { first: message, itemId: ep.itemId, count: 1 });
  }
  return [...kinds.values()].sort((a, b) => b.count - a.count);
}

/** The kinds as report lines: `3 × HTTP 500: boom (first: maze_2)`. */
export function errorReport(kinds: readonly ErrorKind[]): string {
  return kinds.map((k) => `${k.count} × ${k.first} (first: ${k.itemId})`).join('\n');
}
