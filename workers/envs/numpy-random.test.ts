import { describe, expect, it } from 'vitest';
import { Generator, PCG64, SeedSequence, npRandom } from './numpy-random.ts';

/** The next 64-bit PCG64 output as a hex string, as numpy's test CSVs write it. */
function hex64(g: PCG64): string {
  g.next64();
  return `0x${((BigInt(g.hi) << 32n) | BigInt(g.lo)).toString(16)}`;
}

describe('numpy SeedSequence', () => {
  // numpy/random/tests/test_seed_sequence.py::test_reference_data (first three rows), itself
  // checked against the C++ reference of the algorithm.
  const cases: [number[], number[], string[]][] = [
    [[3735928559, 195939070, 229505742, 305419896], [3914649087, 576849849, 3593928901, 2229911004], ['2477551240072187391', '9577394838764454085']],
    [[3668361503, 4165561550, 1661411377, 3634257570], [2240804226, 3691353228, 1365957195, 2654016646], ['15854241394484835714', '11398914698975566411']],
    [[164546577, 4166754639, 1765190214, 1303880213], [3562296087, 3191708229, 1147942216, 3726991905], ['13708282465491374871', '16007308345579681096']],
  ];
  it.each(cases)('mixes entropy %j into numpy\'s reference state', (entropy, words, words64) => {
    const ss = new SeedSequence(entropy);
    expect([...ss.generateState(4)]).toEqual(words);
    // generate_state(n, uint64) reads pairs of words, low word first.
    const w = ss.generateState(4);
    expect([0, 2].map((k) => ((BigInt(w[k + 1]) << 32n) | BigInt(w[k])).toString())).toEqual(words64);
  });

  it('treats an integer seed as its 32-bit words, lowest first', () => {
    expect([...new SeedSequence(2 ** 32 + 5).generateState(4)]).toEqual([...new SeedSequence([5, 1]).generateState(4)]);
    expect(() => new SeedSequence(-1)).toThrow(RangeError);
  });
});

describe('numpy PCG64', () => {
  // numpy/random/tests/data/pcg64-testset-{1,2}.csv: PCG64(seed) raw 64-bit outputs 0..999.
  it.each([
    [0xdeadbeaf, { 0: '0x60d24054e17a0698', 1: '0xd5e79d89856e4f12', 2: '0xd254972fe64bd782', 999: '0xa5cb380b8de10d10' }],
    [0, { 0: '0xa30febcfd9c2825f', 1: '0x4510bdf882d9d721', 2: '0xa7d3da94ecde8b8', 999: '0x6148329042f743b0' }],
  ] as const)('seed %i gives numpy\'s test set', (seed, expected) => {
    const g = new PCG64(new SeedSequence(seed));
    const got: Record<number, string> = {};
    for (let i = 0; i < 1000; i++) {
      const v = hex64(g);
      if (i in expected) got[i] = v;
    }
    expect(got).toEqual(expected);
  });

  it('hands out a 64-bit draw as two 32-bit ones, low half first', () => {
    const a = new PCG64(new SeedSequence(7));
    const b = new PCG64(new SeedSequence(7));
    b.next64();
    expect([a.next32(), a.next32()]).toEqual([b.lo, b.hi]);
  });
});

describe('numpy Generator', () => {
  // Outputs printed in numpy's own docstring of default_rng (numpy/random/_generator.pyx).
  it('default_rng(12345).integers(0, 10, size=3) is [6, 2, 7]', () => {
    const g = npRandom(12345);
    expect([0, 1, 2].map(() => g.integers(0, 10))).toEqual([6, 2, 7]);
  });

  it('default_rng(12345).random() is 0.22733602246716966, and uniform(0, 1) draws the same', () => {
    expect(npRandom(12345).uniform(0, 1)).toBe(0.22733602246716966);
  });

  it('default_rng(42).random((3, 3)) matches the docstring', () => {
    const g = npRandom(42);
    const got = Array.from({ length: 9 }, () => g.uniform(0, 1));
    const want = [0.77395605, 0.43887844, 0.85859792, 0.69736803, 0.09417735, 0.97562235, 0.7611397, 0.78606431, 0.12811363];
    got.forEach((v, k) => expect(v).toBeCloseTo(want[k], 8));
  });

  it('draws nothing for a range of one value, as numpy does', () => {
    const a = npRandom(3), b = npRandom(3);
    expect(a.integers(4, 5)).toBe(4);
    expect(a.integers(0, 1000)).toBe(b.integers(0, 1000));
  });

  it('stays inside [low, high) and rejects an empty range', () => {
    const g = new Generator(new PCG64(new SeedSequence(1)));
    for (let n = 0; n < 2000; n++) {
      const v = g.integers(-3, 4);
      expect(v >= -3 && v < 4 && Number.isInteger(v)).toBe(true);
    }
    expect(() => g.integers(2, 2)).toThrow(RangeError);
    expect(() => g.integers(0, 2 ** 22)).toThrow(/not ported/);
  });
});
