/**
 * numpy's random numbers, bit for bit: `SeedSequence`, the `PCG64` bit generator and the
 * `Generator` methods MiniGrid draws from (`integers`, `uniform`), so that an env seeded the way
 * gymnasium seeds it (`np.random.Generator(np.random.PCG64(np.random.SeedSequence(seed)))`) makes
 * the same draws as the Python original. Ported from numpy's `bit_generator.pyx` (SeedSequence),
 * `pcg64.h` (PCG XSL-RR 128/64) and `distributions.c` (Lemire's bounded integers).
 */

// SeedSequence's hashing constants.
const INIT_A = 0x43b0d7e5;
const MULT_A = 0x931e8875;
const INIT_B = 0x8b51f9dd;
const MULT_B = 0x58f38ded;
const MIX_MULT_L = 0xca01f9dd;
const MIX_MULT_R = 0x4973f715;
const POOL_SIZE = 4;

/** A non-negative integer (or a list of them) as numpy's uint32 words, lowest word first. */
function toWords(entropy: number | readonly number[]): number[] {
  if (typeof entropy !== 'number') return entropy.flatMap((e) => toWords(e));
  if (!Number.isSafeInteger(entropy) || entropy < 0) throw new RangeError(`SeedSequence entropy must be a non-negative safe integer, got ${entropy}`);
  const words = [entropy % 2 ** 32];
  for (let n = Math.floor(entropy / 2 ** 32); n > 0; n = Math.floor(n / 2 ** 32)) words.push(n % 2 ** 32);
  return words;
}

/** numpy's SeedSequence (no spawn key, the default pool of four words). */
export class SeedSequence {
  readonly pool = new Uint32Array(POOL_SIZE);

  constructor(entropy: number | readonly number[]) {
    const words = toWords(entropy);
    let hashConst = INIT_A;
    const hashmix = (value: number): number => {
      let v = (value ^ hashConst) >>> 0;
      hashConst = Math.imul(hashConst, MULT_A) >>> 0;
      v = Math.imul(v, hashConst) >>> 0;
      return (v ^ (v >>> 16)) >>> 0;
    };
    const mix = (x: number, y: number): number => {
      const r = (Math.imul(MIX_MULT_L, x) - Math.imul(MIX_MULT_R, y)) >>> 0;
      return (r ^ (r >>> 16)) >>> 0;
    };
    const pool = this.pool;
    for (let i = 0; i < POOL_SIZE; i++) pool[i] = hashmix(i < words.length ? words[i] : 0);
    for (let src = 0; src < POOL_SIZE; src++) {
      for (let dst = 0; dst < POOL_SIZE; dst++) if (src !== dst) pool[dst] = mix(pool[dst], hashmix(pool[src]));
    }
    for (let src = POOL_SIZE; src < words.length; src++) {
      for (let dst = 0; dst < POOL_SIZE; dst++) pool[dst] = mix(pool[dst], hashmix(words[src]));
    }
  }

  /** `generate_state(n)` as uint32 words (a uint64 state is two words each, low word first). */
  generateState(nWords: number): Uint32Array {
    const out = new Uint32Array(nWords);
    let hashConst = INIT_B;
    for (let i = 0; i < nWords; i++) {
      let v = (this.pool[i % POOL_SIZE] ^ hashConst) >>> 0;
      hashConst = Math.imul(hashConst, MULT_B) >>> 0;
      v = Math.imul(v, hashConst) >>> 0;
      out[i] = (v ^ (v >>> 16)) >>> 0;
    }
    return out;
  }
}

// PCG's default 128-bit multiplier as eight 16-bit limbs, lowest first
// (0x2360ed051fc65da4_4385df649fccf645).
const [M0, M1, M2, M3, M4, M5, M6, M7] = [0xf645, 0x9fcc, 0xdf64, 0x4385, 0x5da4, 0x1fc6, 0xed05, 0x2360];

/**
 * numpy's PCG64: a 128-bit LCG with the XSL-RR output. The state is eight 16-bit limbs so the
 * 128-bit product stays exact in doubles (each partial product is below 2^32) without BigInt.
 */
export class PCG64 {
  private readonly state = new Float64Array(8);
  private readonly inc = new Float64Array(8);
  /** numpy hands out a 64-bit draw as two 32-bit ones, the low half first. */
  private buffered = -1;
  /** The last 64-bit output, high and low 32-bit halves. */
  hi = 0;
  lo = 0;

  constructor(seed: SeedSequence) {
    // generate_state(4, uint64) = words w0..w7; the seed is (w1w0 << 64 | w3w2), the stream
    // (w5w4 << 64 | w7w6), as pcg64_set_seed reads the two uint64 pairs high half first.
    const w = seed.generateState(8);
    const initState = limbs([w[2], w[3], w[0], w[1]]);
    const initSeq = limbs([w[6], w[7], w[4], w[5]]);
    // inc = initseq << 1 | 1
    let carry = 1;
    for (let k = 0; k < 8; k++) {
      const v = initSeq[k] * 2 + carry;
      this.inc[k] = v & 0xffff;
      carry = v >>> 16;
    }
    this.step();
    let c = 0;
    for (let k = 0; k < 8; k++) {
      const v = this.state[k] + initState[k] + c;
      this.state[k] = v & 0xffff;
      c = v >>> 16;
    }
    this.step();
  }

  /**
   * state = state * multiplier + inc (mod 2^128), one column of the product per limb, written out: this
   * is the innermost loop of every level BabyAI generates, and unrolled with the limbs in locals it
   * runs several times faster than as nested loops. Each column stays below 2^36, exact in a double;
   * Math.floor of a division by 2^16 splits it (`%` on doubles is an fmod call).
   */
  private step(): void {
    const s = this.state, inc = this.inc;
    const s0 = s[0], s1 = s[1], s2 = s[2], s3 = s[3], s4 = s[4], s5 = s[5], s6 = s[6], s7 = s[7];
    let v = inc[0] + s0 * M0;
    let c = Math.floor(v / 65536);
    s[0] = v - c * 65536;
    v = inc[1] + c + s0 * M1 + s1 * M0;
    c = Math.floor(v / 65536);
    s[1] = v - c * 65536;
    v = inc[2] + c + s0 * M2 + s1 * M1 + s2 * M0;
    c = Math.floor(v / 65536);
    s[2] = v - c * 65536;
    v = inc[3] + c + s0 * M3 + s1 * M2 + s2 * M1 + s3 * M0;
    c = Math.floor(v / 65536);
    s[3] = v - c * 65536;
    v = inc[4] + c + s0 * M4 + s1 * M3 + s2 * M2 + s3 * M1 + s4 * M0;
    c = Math.floor(v / 65536);
    s[4] = v - c * 65536;
    v = inc[5] + c + s0 * M5 + s1 * M4 + s2 * M3 + s3 * M2 + s4 * M1 + s5 * M0;
    c = Math.floor(v / 65536);
    s[5] = v - c * 65536;
    v = inc[6] + c + s0 * M6 + s1 * M5 + s2 * M4 + s3 * M3 + s4 * M2 + s5 * M1 + s6 * M0;
    c = Math.floor(v / 65536);
    s[6] = v - c * 65536;
    v = inc[7] + c + s0 * M7 + s1 * M6 + s2 * M5 + s3 * M4 + s4 * M3 + s5 * M2 + s6 * M1 + s7 * M0;
    s[7] = v - Math.floor(v / 65536) * 65536;
  }

  /** The next 64-bit output, left in `hi`/`lo` (pcg64_next64). */
  next64(): void {
    this.step();
    const s = this.state;
    const xh = ((s[7] ^ s[3]) << 16 | (s[6] ^ s[2])) >>> 0;
    const xl = ((s[5] ^ s[1]) << 16 | (s[4] ^ s[0])) >>> 0;
    let rot = s[7] >>> 10;
    let h = xh, l = xl;
    if (rot >= 32) { [h, l] = [l, h]; rot -= 32; }
    if (rot > 0) {
      const nh = (h >>> rot) | (l << (32 - rot));
      const nl = (l >>> rot) | (h << (32 - rot));
      h = nh; l = nl;
    }
    this.hi = h >>> 0;
    this.lo = l >>> 0;
  }

  /** pcg64_next32: the low half of a fresh 64-bit draw, then its high half. */
  next32(): number {
    if (this.buffered >= 0) {
      const v = this.buffered;
      this.buffered = -1;
      return v;
    }
    this.next64();
    this.buffered = this.hi;
    return this.lo;
  }

  /** A double in [0, 1) from the top 53 bits of a 64-bit draw (numpy's next_double). */
  nextDouble(): number {
    this.next64();
    return (this.hi * 2 ** 21 + (this.lo >>> 11)) / 2 ** 53;
  }
}

/** Four 32-bit words (lowest first) as eight 16-bit limbs. */
function limbs(words: readonly number[]): number[] {
  const out: number[] = [];
  for (const x of words) out.push(x & 0xffff, x >>> 16);
  return out;
}

/** The `np.random.Generator` methods MiniGrid uses. */
export class Generator {
  constructor(readonly bits: PCG64) {}

  /**
   * `integers(low, high)` with the default int64 dtype: an integer in [low, high). numpy draws
   * nothing when the range holds one value, and when the range fits in 32 bits uses Lemire's
   * rejection on buffered 32-bit draws (random_bounded_uint64_fill). Ported for ranges of up to
   * 2^21 values, where the 32x32-bit product is exact in a double; MiniGrid's grids need far less.
   */
  integers(low: number, high: number): number {
    if (!Number.isSafeInteger(low) || !Number.isSafeInteger(high) || low >= high) throw new RangeError(`integers(${low}, ${high}): low >= high`);
    const excl = high - low;
    if (excl === 1) return low;
    if (excl > 2 ** 21) throw new RangeError(`integers: ranges wider than 2^21 are not ported (${excl})`);
    // The product's low 32 bits by Math.imul rather than `% 2 ** 32` on a double (an fmod call).
    let r = this.bits.next32();
    let leftover = Math.imul(r, excl) >>> 0;
    if (leftover < excl) {
      const threshold = (2 ** 32 - excl) % excl;
      while (leftover < threshold) {
        r = this.bits.next32();
        leftover = Math.imul(r, excl) >>> 0;
      }
    }
    return low + (r * excl - leftover) / 2 ** 32;
  }

  /** `uniform(low, high)`: low + (high - low) * next_double. */
  uniform(low: number, high: number): number {
    return low + (high - low) * this.bits.nextDouble();
  }
}

/** gymnasium's `seeding.np_random(seed)`: the generator an env gets from `reset(seed=seed)`. */
export function npRandom(seed: number): Generator {
  return new Generator(new PCG64(new SeedSequence(seed)));
}
