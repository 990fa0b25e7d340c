import { describe, expect, it } from 'vitest';
import { JavaRandom } from './java-random.ts';

/** java.util.Random's seeding, straight from its definition in 48-bit arithmetic. */
function reference(seed: number, draws: number, bound: number): number[] {
  let s = (BigInt(seed) ^ 0x5deece66dn) & 0xffffffffffffn;
  const out: number[] = [];
  for (let i = 0; i < draws; i++) {
    let bits: number;
    let val: number;
    do {
      s = (s * 0x5deece66dn + 0xbn) & 0xffffffffffffn;
      bits = Number(s >> 17n);
      val = bits % bound;
    } while (bits - val + (bound - 1) > 0x7fffffff);
    out.push(val);
  }
  return out;
}

describe('JavaRandom', () => {
  it('draws what java.util.Random draws for small, large and negative seeds', () => {
    for (const seed of [0, 1, 7, 42, 899, 2 ** 24 - 1, 2 ** 24, 2 ** 24 + 5, 123_456_789, 2 ** 31 - 1, -1, -42, 2 ** 40 + 3]) {
      const r = new JavaRandom(seed);
      expect(Array.from({ length: 20 }, () => r.nextInt(1000)), `seed ${seed}`).toEqual(reference(seed, 20, 1000));
    }
  });

  it('shuffles as Scala 2.12 does: a permutation, the same one for the same seed', () => {
    const items = Array.from({ length: 30 }, (_, i) => i);
    const a = new JavaRandom(5).shuffle(items);
    expect([...a].sort((x, y) => x - y)).toEqual(items);
    expect(new JavaRandom(5).shuffle(items)).toEqual(a);
    expect(a).not.toEqual(items);
  });
});
