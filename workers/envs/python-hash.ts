/**
 * CPython 3.11's `hash(str)` with PYTHONHASHSEED=0, for strings whose code points are below 256.
 * AgentGym's servers run with that seed, and the order in which a Python set hands out its strings
 * (which TextCraft shows to the agent) follows these hashes.
 *
 * Python/pyhash.c: the default algorithm is SipHash-1-3 (one compression round, three finalisation
 * rounds); PYTHONHASHSEED=0 leaves `_Py_HashSecret` zeroed, so the key is 0; Py_HASH_CUTOFF is 0, so
 * short strings are no exception. The input is the string's canonical storage, one byte per
 * character for a latin-1 ("1-byte kind") string. The empty string hashes to 0; -1 becomes -2.
 *
 * 64-bit words are kept as two unsigned 32-bit halves: BigInt would be simpler but far slower.
 */

/** A 64-bit hash as unsigned 32-bit halves; `hi`'s top bit is the sign of Python's Py_hash_t. */
export interface PyHash {
  hi: number;
  lo: number;
}

// SipHash state v0..v3 as [hi, lo] pairs, reused between calls (hashing never re-enters).
const v = new Uint32Array(8);

/** a += b (mod 2^64) on the halves at indices a and b. */
function add(a: number, b: number): void {
  const lo = (v[a + 1] + v[b + 1]) >>> 0;
  v[a] = v[a] + v[b] + (lo < v[a + 1] ? 1 : 0);
  v[a + 1] = lo;
}

/** x = rotl(x, s) ^ v[y], for 0 < s < 32. */
function rotlXor(x: number, s: number, y: number): void {
  const hi = v[x];
  const lo = v[x + 1];
  v[x] = ((hi << s) | (lo >>> (32 - s))) ^ v[y];
  v[x + 1] = ((lo << s) | (hi >>> (32 - s))) ^ v[y + 1];
}

/** x = rotl(x, 32): swap the halves. */
function swap(x: number): void {
  const hi = v[x];
  v[x] = v[x + 1];
  v[x + 1] = hi;
}

const V0 = 0;
const V1 = 2;
const V2 = 4;
const V3 = 6;

/** HALF_ROUND(a, b, c, d, s, t) of pyhash.c. */
function halfRound(a: number, b: number, c: number, d: number, s: number, t: number): void {
  add(a, b);
  add(c, d);
  rotlXor(b, s, a);
  rotlXor(d, t, c);
  swap(a);
}

function sipRound(): void {
  halfRound(V0, V1, V2, V3, 13, 16);
  halfRound(V2, V1, V0, V3, 17, 21);
}

/** Mix one little-endian message word in (hi, lo): v3 ^= m; round; v0 ^= m. */
function compress(hi: number, lo: number): void {
  v[V3] ^= hi;
  v[V3 + 1] ^= lo;
  sipRound();
  v[V0] ^= hi;
  v[V0 + 1] ^= lo;
}

/** Little-endian 32-bit word of s's character codes from `at`, `n` (0..4) of them. */
function word(s: string, at: number, n: number): number {
  let w = 0;
  for (let i = n - 1; i >= 0; i--) w = (w << 8) | s.charCodeAt(at + i);
  return w >>> 0;
}

export function pyStrHash(s: string): PyHash {
  for (let i = 0; i < s.length; i++) {
    // A wider character switches CPython to 2- or 4-byte storage; no caller needs that yet.
    if (s.charCodeAt(i) > 0xff) throw new RangeError(`pyStrHash: only latin-1 strings are supported: ${JSON.stringify(s)}`);
  }
  // _Py_HashBytes answers 0 for no bytes without hashing.
  if (s.length === 0) return { hi: 0, lo: 0 };
  // The key is zero, so v0..v3 are SipHash's constants ("somepseudorandomlygeneratedbytes").
  v.set([0x736f6d65, 0x70736575, 0x646f7261, 0x6e646f6d, 0x6c796765, 0x6e657261, 0x74656462, 0x79746573]);
  const n = s.length;
  const whole = n - (n % 8);
  for (let i = 0; i < whole; i += 8) compress(word(s, i + 4, 4), word(s, i, 4));
  const tail = n - whole;
  // The last word: the remaining bytes, and the length's low byte in the top byte.
  const lastLo = word(s, whole, Math.min(tail, 4));
  const lastHi = (((n & 0xff) << 24) | word(s, whole + 4, Math.max(tail - 4, 0))) >>> 0;
  compress(lastHi, lastLo);
  v[V2 + 1] ^= 0xff;
  sipRound();
  sipRound();
  sipRound();
  const hi = (v[V0] ^ v[V1] ^ v[V2] ^ v[V3]) >>> 0;
  const lo = (v[V0 + 1] ^ v[V1 + 1] ^ v[V2 + 1] ^ v[V3 + 1]) >>> 0;
  // -1 is CPython's error value, so a hash of -1 is reported as -2.
  return hi === 0xffffffff && lo === 0xffffffff ? { hi, lo: 0xfffffffe } : { hi, lo };
}

/** The hash as Python prints it (a signed 64-bit integer), for tests and fixtures. */
export function pyHashToBigInt(h: PyHash): bigint {
  return BigInt.asIntN(64, (BigInt(h.hi) << 32n) | BigInt(h.lo));
}
