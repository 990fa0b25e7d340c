/**
 * java.util.Random (48-bit LCG) and Scala 2.12's Random.shuffle: ScienceWorld seeds the JVM-global
 * scala.util.Random with the variation index and draws the house (pictures, book shelves, wire and
 * bulb colours, the shovel, the agent's start room) and task placements from it, so the same
 * calls in the same order give the same world.
 */
// The 48-bit state is kept as two 24-bit halves in doubles: every product below stays under 2^53,
// so the arithmetic is exact without BigInt (BigInt made a SciWorld reset several times slower).
const TWO24 = 0x1000000;
const MULT_HI = 0x5de;
const MULT_LO = 0xece66d;

export class JavaRandom {
  private hi = 0;
  private lo = 0;

  constructor(seed: number) {
    this.setSeed(seed);
  }

  setSeed(seed: number): void {
    // Seeds are variation numbers: XOR each 24-bit half on its own (BigInt costs a reset about 1 µs per seeding).
    if (Number.isInteger(seed) && seed >= 0 && seed < 2 ** 31) {
      this.hi = Math.floor(seed / TWO24) ^ MULT_HI;
      this.lo = seed % TWO24 ^ MULT_LO;
      return;
    }
    const s = (BigInt(seed) ^ 0x5deece66dn) & 0xffffffffffffn;
    this.hi = Number(s >> 24n);
    this.lo = Number(s & 0xffffffn);
  }

  /** An independent generator in this one's state. */
  copy(): JavaRandom {
    const r = new JavaRandom(0);
    r.hi = this.hi;
    r.lo = this.lo;
    return r;
  }

  /** seed = seed * 0x5DEECE66D + 0xB (mod 2^48), then Java's signed 32-bit top `bits` bits. */
  private next(bits: number): number {
    const low = this.lo * MULT_LO + 0xb;
    const carry = Math.floor(low / TWO24);
    this.hi = (this.hi * MULT_LO + this.lo * MULT_HI + carry) % TWO24;
    this.lo = low - carry * TWO24;
    return Math.floor((this.hi * TWO24 + this.lo) / 2 ** (48 - bits)) | 0;
  }

  nextInt(bound: number): number {
    if (bound <= 0) throw new Error('bound must be positive');
    // A power of two: (bound * next(31)) >> 31, exact in doubles as bound is a power of two.
    if ((bound & -bound) === bound) return Math.floor((bound * this.next(31)) / 0x80000000);
    let bits: number;
    let val: number;
    do {
      bits = this.next(31);
      val = bits % bound;
    } while (bits - val + (bound - 1) > 0x7fffffff);
    return val;
  }

  nextBoolean(): boolean {
    return this.next(1) !== 0;
  }

  nextFloat(): number {
    return this.next(24) / (1 << 24);
  }

  /** scala.util.Random.shuffle (2.12): swap each position from the end with a random earlier one. */
  shuffle<T>(items: readonly T[]): T[] {
    const buf = [...items];
    for (let n = buf.length; n >= 2; n--) {
      const k = this.nextInt(n);
      const t = buf[n - 1];
      buf[n - 1] = buf[k];
      buf[k] = t;
    }
    return buf;
  }
}
