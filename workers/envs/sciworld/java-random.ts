/**
 * java.util.Random (48-bit LCG) and Scala 2.12's Random.shuffle: ScienceWorld seeds the JVM-global
 * scala.util.Random with the variation index and draws the house (pictures, book shelves, wire and
 * bulb colours, the shovel, the agent's start room) and task placements from it, so the same
 * calls in the same order give the same world.
 */
const MULT = 0x5deece66dn;
const MASK = (1n << 48n) - 1n;

export class JavaRandom {
  private seed = 0n;

  constructor(seed: number) {
    this.setSeed(seed);
  }

  setSeed(seed: number): void {
    this.seed = (BigInt(seed) ^ MULT) & MASK;
  }

  private next(bits: number): number {
    this.seed = (this.seed * MULT + 0xbn) & MASK;
    // Java returns a signed 32-bit int of the top `bits` bits.
    return Number(BigInt.asIntN(32, this.seed >> BigInt(48 - bits)));
  }

  nextInt(bound: number): number {
    if (bound <= 0) throw new Error('bound must be positive');
    if ((bound & -bound) === bound) return Number((BigInt(bound) * BigInt(this.next(31))) >> 31n);
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
      [buf[n - 1], buf[k]] = [buf[k], buf[n - 1]];
    }
    return buf;
  }
}
