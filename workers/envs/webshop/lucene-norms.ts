/**
 * Lucene 8's one-byte document lengths (SmallFloat.intToByte4 / byte4ToInt): BM25 sees a length
 * rounded down to four significant bits above 24, so documents of nearby lengths score alike and
 * rank by index order, as in WebShop's pyserini index.
 */

/** Codes below this are lengths as they are. */
const FREE_VALUES = 24;

function longToInt4(i: number): number {
  const bits = 32 - Math.clz32(i);
  if (bits < 4) return i;
  const shift = bits - 4;
  return ((i >>> shift) & 0x07) | ((shift + 1) << 3);
}

function int4ToLong(i: number): number {
  const bits = i & 0x07;
  const shift = (i >>> 3) - 1;
  return shift === -1 ? bits : (bits | 0x08) * 2 ** shift;
}

/** The length BM25 uses for a document of `length` indexed tokens. */
export function storedLength(length: number): number {
  if (length < FREE_VALUES) return length;
  return FREE_VALUES + int4ToLong(longToInt4(length - FREE_VALUES));
}
