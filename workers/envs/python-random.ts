/**
 * CPython 3.11's `random.Random`, ported exactly: the MT19937 core of `Modules/_randommodule.c`
 * (init_genrand, init_by_array, genrand_uint32, random, getrandbits, random_seed) and the
 * pure-Python methods of `Lib/random.py` built on `_randbelow_with_getrandbits`. AgentGym's envs
 * draw their hidden state with Python's `random`, so replaying an AgentGym episode from its seed
 * needs the very same stream, not merely a good one.
 */
import { sha512 } from './sha512.ts';

const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;

export class PyRandom {
  private readonly mt = new Uint32Array(N);
  private index = N;

  /** Without a seed CPython seeds from os.urandom; the analogue here is the platform's CSPRNG. */
  constructor(seed?: number | bigint | string) {
    this.seed(seed ?? entropySeed());
  }

  /** `Random.seed(a)` with version 2: ints use all their bits, strs are utf-8 bytes + sha512. */
  seed(a: number | bigint | string): void {
    if (typeof a === 'string') {
      const bytes = new TextEncoder().encode(a);
      a = bigIntFromBytes(concat(bytes, sha512(bytes)));
    } else if (typeof a === 'number') {
      // Python floats hash before seeding; AgentGym seeds are ints, so a non-integer is a bug here.
      if (!Number.isSafeInteger(a)) throw new RangeError(`PyRandom seed must be a safe integer or a bigint, got ${a}`);
      a = BigInt(a);
    }
    this.initByArray(uint32ChunksOfAbs(a));
  }

  /** Float in [0, 1) with 53 random bits, as `random_random`. */
  random(): number {
    const a = this.genrandUint32() >>> 5;
    const b = this.genrandUint32() >>> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
  }

  /** `getrandbits(k)`: a number when k <= 32 (it always fits), a bigint beyond. */
  getrandbits(k: number): bigint | number {
    if (k <= 32) return this.bits32(k);
    let out = 0n;
    const words = ((k - 1) >>> 5) + 1;
    // Word 0 is the least significant; only the last word is short, cut from its top bits.
    for (let i = 0; i < words; i++, k -= 32) {
      let r = this.genrandUint32();
      if (k < 32) r >>>= 32 - k;
      out |= BigInt(r) << BigInt(32 * i);
    }
    return out;
  }

  /** `_randbelow_with_getrandbits`: rejection sampling on n's bit length. */
  randbelow(n: number): number {
    if (!Number.isSafeInteger(n) || n <= 0) throw new RangeError(`randbelow needs a positive integer, got ${n}`);
    const k = bitLength(n);
    let r = this.bitsAsNumber(k);
    while (r >= n) r = this.bitsAsNumber(k);
    return r;
  }

  randrange(start: number, stop?: number, step = 1): number {
    for (const v of [start, stop ?? 0, step]) {
      if (!Number.isSafeInteger(v)) throw new RangeError(`non-integer arg for randrange(): ${v}`);
    }
    if (stop === undefined) {
      if (start > 0) return this.randbelow(start);
      throw new RangeError('empty range for randrange()');
    }
    const width = stop - start;
    if (step === 1) {
      if (width > 0) return start + this.randbelow(width);
      throw new RangeError(`empty range for randrange() (${start}, ${stop}, ${width})`);
    }
    if (step === 0) throw new RangeError('zero step for randrange()');
    const n = Math.floor(step > 0 ? (width + step - 1) / step : (width + step + 1) / step);
    if (n <= 0) throw new RangeError('empty range for randrange()');
    return start + step * this.randbelow(n);
  }

  randint(a: number, b: number): number {
    return this.randrange(a, b + 1);
  }

  choice<T>(seq: readonly T[]): T {
    if (seq.length === 0) throw new RangeError('Cannot choose from an empty sequence');
    return seq[this.randbelow(seq.length)];
  }

  shuffle<T>(x: T[]): void {
    for (let i = x.length - 1; i > 0; i--) {
      const j = this.randbelow(i + 1);
      [x[i], x[j]] = [x[j], x[i]];
    }
  }

  sample<T>(population: readonly T[], k: number): T[] {
    const n = population.length;
    if (!Number.isSafeInteger(k) || k < 0 || k > n) throw new RangeError('Sample larger than population or is negative');
    const result: T[] = new Array(k);
    // CPython picks the branch by comparing memory footprints: an n-list versus a k-set.
    let setsize = 21;
    if (k > 5) setsize += 4 ** Math.ceil(Math.log(k * 3) / Math.log(4));
    if (n <= setsize) {
      const pool = population.slice();
      for (let i = 0; i < k; i++) {
        const j = this.randbelow(n - i);
        result[i] = pool[j];
        pool[j] = pool[n - i - 1];
      }
    } else {
      const selected = new Set<number>();
      for (let i = 0; i < k; i++) {
        let j = this.randbelow(n);
        while (selected.has(j)) j = this.randbelow(n);
        selected.add(j);
        result[i] = population[j];
      }
    }
    return result;
  }

  /** Top k bits of one output, as getrandbits does for k <= 32. */
  private bits32(k: number): number {
    if (k < 0) throw new RangeError('number of bits must be non-negative');
    if (k === 0) return 0;
    return this.genrandUint32() >>> (32 - k);
  }

  /** getrandbits(k) for k <= 53, where the value is still exact as a double. */
  private bitsAsNumber(k: number): number {
    if (k <= 32) return this.bits32(k);
    const low = this.genrandUint32();
    return low + this.bits32(k - 32) * 4294967296;
  }

  private initGenrand(s: number): void {
    const mt = this.mt;
    mt[0] = s;
    for (let i = 1; i < N; i++) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = Math.imul(1812433253, prev) + i;
    }
    this.index = N;
  }

  private initByArray(key: readonly number[]): void {
    const mt = this.mt;
    this.initGenrand(19650218);
    let i = 1;
    let j = 0;
    for (let k = Math.max(N, key.length); k > 0; k--) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = (mt[i] ^ Math.imul(prev, 1664525)) + key[j] + j;
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
      if (j >= key.length) j = 0;
    }
    for (let k = N - 1; k > 0; k--) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = (mt[i] ^ Math.imul(prev, 1566083941)) - i;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
    }
    mt[0] = 0x80000000;
  }

  private genrandUint32(): number {
    const mt = this.mt;
    if (this.index >= N) {
      let kk = 0;
      for (; kk < N - M; kk++) {
        const y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
        mt[kk] = mt[kk + M] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
      }
      for (; kk < N - 1; kk++) {
        const y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
        mt[kk] = mt[kk + (M - N)] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
      }
      const y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
      mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
      this.index = 0;
    }
    let y = mt[this.index++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }
}

/** random_seed's key: |a| as little-endian 32-bit words, at least one (so 0 seeds as [0]). */
function uint32ChunksOfAbs(a: bigint): number[] {
  let n = a < 0n ? -a : a;
  const key: number[] = [];
  do {
    key.push(Number(n & 0xffffffffn));
    n >>= 32n;
  } while (n > 0n);
  return key;
}

/** int.bit_length() for a non-negative safe integer, exact (Math.log2 rounds near powers of two). */
function bitLength(n: number): number {
  return n < 4294967296 ? 32 - Math.clz32(n) : 32 + bitLength(Math.floor(n / 4294967296));
}

/** int.from_bytes(b) with Python's default big-endian order. */
function bigIntFromBytes(bytes: Uint8Array): bigint {
  let out = 0n;
  for (const b of bytes) out = (out << 8n) | BigInt(b);
  return out;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

function entropySeed(): bigint {
  const words = crypto.getRandomValues(new Uint32Array(8));
  return words.reduce((acc, w) => (acc << 32n) | BigInt(w), 0n);
}
