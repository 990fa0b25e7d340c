/**
 * CRC-32 (IEEE), used twice: as the short observation hash in shared steps, and as the checksum
 * that lets a link detect corruption (a truncated or mangled copy). It is not a signature: a
 * deliberately edited link with a recomputed checksum passes here and is caught by the re-run.
 */
import { strToU8 } from 'fflate';

const TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** 8 hex digits identifying an observation's text. */
export function observationHash(observation: string): string {
  return crc32(strToU8(observation)).toString(16).padStart(8, '0');
}
