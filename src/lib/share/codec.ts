/**
 * Share links: the whole episode in the URL fragment, so no server ever sees it.
 *
 *   #/replay/v2.<base64url( deflate(JSON) ++ crc32(JSON) as 4 bytes big-endian )>
 *
 * The version sits outside the compressed data so a format can change everything after it; the
 * payload repeats it and must agree. Links of every readable version (v1, v2) open. Decoding
 * treats the fragment as hostile: size caps before and during inflating, a checksum against
 * corruption, then the schema validator.
 */
import { deflateSync, Inflate, strToU8 } from 'fflate';
import { fromBase64url, toBase64url } from './base64url.ts';
import { crc32 } from './hash.ts';
import { LIMITS } from './limits.ts';
import { READABLE_VERSIONS, type Decoded, type FormatVersion, type SharedEpisode } from './types.ts';
import { validateEpisode } from './validate.ts';

export const REPLAY_ROUTE = '#/replay/';

/** The URL fragment (with its "#") holding the episode, in the episode's own format version. */
export function episodeFragment(episode: SharedEpisode): string {
  const json = strToU8(JSON.stringify(episode));
  const packed = deflateSync(json, { level: 9 });
  const out = new Uint8Array(packed.length + 4);
  out.set(packed);
  new DataView(out.buffer).setUint32(packed.length, crc32(json));
  return `${REPLAY_ROUTE}v${episode.v}.${toBase64url(out)}`;
}

/** Whether a location hash is meant for the replay view (valid or not). */
export function isReplayFragment(hash: string): boolean {
  return hash.startsWith(REPLAY_ROUTE);
}

const fail = (error: string): Decoded => ({ ok: false, error });
const broken = (why: string) => `The link is broken (${why}): it may have been cut short or changed when it was copied.`;

/** Read a location hash ("#/replay/v1...."); never throws. */
export function decodeFragment(hash: string): Decoded {
  if (hash.length > LIMITS.fragmentChars) {
    return fail(`The link is too long (${hash.length} characters, at most ${LIMITS.fragmentChars}); large episodes are shared as files.`);
  }
  if (!isReplayFragment(hash)) return fail('This is not an episode link: it should contain "#/replay/".');
  const rest = hash.slice(REPLAY_ROUTE.length);
  const token = /^v(\d+)\./.exec(rest);
  if (!token) return fail('This is not an episode link: the format version is missing.');
  const version = READABLE_VERSIONS.find((v) => `v${v}.` === token[0]);
  if (version === undefined) {
    return fail(`This link uses episode format v${token[1]}; this version of the app reads ${READABLE_VERSIONS.map((v) => `v${v}`).join(' and ')}.`);
  }
  const bytes = fromBase64url(rest.slice(token[0].length));
  if (!bytes || bytes.length < 5) return fail(broken('it is not valid base64url'));
  const packed = bytes.subarray(0, bytes.length - 4);
  const checksum = new DataView(bytes.buffer, bytes.byteOffset).getUint32(bytes.length - 4);
  const json = inflateCapped(packed, LIMITS.payloadBytes);
  if (typeof json === 'string') return fail(json);
  if (crc32(json) !== checksum) return fail(broken('its checksum does not match'));
  return parseJson(json, version);
}

/** Inflate at most `limit` bytes, streaming so a zip bomb stops early; an error message otherwise. */
function inflateCapped(packed: Uint8Array, limit: number): Uint8Array | string {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflate = new Inflate((chunk) => {
    total += chunk.length;
    if (total > limit) throw new TooLarge();
    chunks.push(chunk);
  });
  try {
    // Small input pieces bound the output of one push (deflate expands at most ~1000x).
    for (let i = 0; i < packed.length; i += 1024) inflate.push(packed.subarray(i, i + 1024), i + 1024 >= packed.length);
  } catch (e) {
    if (e instanceof TooLarge) return `The episode in the link is too large (over ${limit} bytes unpacked).`;
    return broken('it does not decompress');
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

class TooLarge extends Error {}

function parseJson(bytes: Uint8Array, version: FormatVersion): Decoded {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return fail(broken('it does not hold JSON text'));
  }
  return validateEpisode(value, version);
}
