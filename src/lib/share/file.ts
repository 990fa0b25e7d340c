/**
 * Episode files (.agentgym-episode.json): the same payload as a link, as readable JSON, for
 * episodes whose link would be too long. Read with the same caps and validator as links.
 */
import { LIMITS } from './limits.ts';
import type { Decoded, SharedEpisode } from './types.ts';
import { validateEpisode } from './validate.ts';

export const EPISODE_FILE_SUFFIX = '.agentgym-episode.json';
const FORMAT = 'agentgym-episode';
export const fileTooLarge = `The episode file is too large (at most ${LIMITS.payloadBytes / 1024} KB).`;

export function episodeToFile(episode: SharedEpisode): { name: string; text: string } {
  const safe = `${episode.env}_${episode.item}-${episode.agent.label}`.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 80);
  return { name: `${safe}${EPISODE_FILE_SUFFIX}`, text: JSON.stringify({ format: FORMAT, episode }, null, 1) };
}

/** Size of a file's text on disk (UTF-8). */
export function fileBytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** Read an episode file's text; never throws. */
export function parseEpisodeFile(text: string): Decoded {
  // UTF-8 never has fewer bytes than UTF-16 units, so the cheap length check comes first.
  if (text.length > LIMITS.payloadBytes || fileBytes(text) > LIMITS.payloadBytes) {
    return { ok: false, error: fileTooLarge };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: 'The file is not an episode file: it is not valid JSON.' };
  }
  if (typeof value !== 'object' || value === null || (value as Record<string, unknown>).format !== FORMAT) {
    return { ok: false, error: `The file is not an episode file: "format" should be "${FORMAT}".` };
  }
  return validateEpisode((value as Record<string, unknown>).episode);
}
