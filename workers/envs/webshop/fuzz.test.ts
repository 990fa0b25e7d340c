import { describe, expect, it } from 'vitest';
import { byCodePoint, fullProcess, ratio, tokenSetRatio } from './fuzz.ts';

describe("thefuzz's token_set_ratio", () => {
  it('gives the reference values', () => {
    expect(tokenSetRatio('machine wash', 'machine washable')).toBe(86);
    expect(tokenSetRatio('high waist', 'high waisted')).toBe(91);
    expect(tokenSetRatio('slim fit', 'slim-fit')).toBe(100);
    expect(tokenSetRatio('short sleeve', 'long sleeve')).toBe(71);
    expect(tokenSetRatio('polyester spandex', 'polyester')).toBe(100);
    expect(tokenSetRatio('large', "('size', 'x-large')")).toBe(100);
    expect(tokenSetRatio('x-large', "('size', 'large')")).toBe(83);
    expect(tokenSetRatio('tan', "('size', 'standard')")).toBe(38);
  });

  it('preprocesses as full_process(force_ascii=True) and scores empty input 0', () => {
    expect(fullProcess('  Café_au-LAIT!  ')).toBe('caf_au lait');
    expect(tokenSetRatio('!!!', 'anything')).toBe(0);
  });

  it('rounds halves to even, as Python does', () => {
    // 100 * 2 * LCS / 16: LCS 7 gives 87.5 -> 88, LCS 5 gives 62.5 -> 62.
    expect(ratio('abcdefgh', 'abcdefgx')).toBe(88);
    expect(ratio('abcdefgh', 'abcdexyz')).toBe(62);
  });
});

it("sorts as Python's sorted() does, by code point", () => {
  expect(['\u{1F600}', '\uFF5E', 'b', 'a'].sort(byCodePoint)).toEqual(['a', 'b', '\uFF5E', '\u{1F600}']);
});
