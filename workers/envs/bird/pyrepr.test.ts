import { describe, expect, it } from 'vitest';
import { pyReprStr as reprStr } from '../python-str.ts';
import { cutText, reprBytes, reprFloat, reprTuple, showRows } from './pyrepr.ts';

describe("Python's str() of a result", () => {
  it('writes 1-tuples with a trailing comma, None, ints and floats apart', () => {
    expect(showRows([[263n]])).toBe('[(263,)]');
    expect(showRows([['Alameda', 3n], [null, 1]])).toBe("[('Alameda', 3), (None, 1.0)]");
    expect(showRows([])).toBe('[]');
    expect(reprTuple([])).toBe('()');
  });

  it('writes floats as repr(float) does', () => {
    const cases: [number, string][] = [
      [1, '1.0'], [-2.5, '-2.5'], [0.1, '0.1'], [0.0001, '0.0001'], [0.00001, '1e-05'], [1.5e-7, '1.5e-07'],
      [123456.789, '123456.789'], [1e15, '1000000000000000.0'], [1e16, '1e+16'], [1.2345e100, '1.2345e+100'],
      [29.473684210526315, '29.473684210526315'], [-0, '-0.0'], [0, '0.0'], [Infinity, 'inf'], [-Infinity, '-inf'], [NaN, 'nan'],
    ];
    for (const [x, py] of cases) expect(reprFloat(x), String(x)).toBe(py);
  });

  it('quotes strings as repr(str) does', () => {
    expect(reprStr('plain')).toBe("'plain'");
    expect(reprStr("it's")).toBe(`"it's"`);
    expect(reprStr(`say "it's"`)).toBe(`'say "it\\'s"'`);
    expect(reprStr('a\\b\tc\nd\re')).toBe("'a\\\\b\\tc\\nd\\re'");
    expect(reprStr('\x00\x7f\u00a0\u200b')).toBe("'\\x00\\x7f\\xa0\\u200b'");
    expect(reprStr('Österreichische Bundesliga · 日本 😀')).toBe("'Österreichische Bundesliga · 日本 😀'");
  });

  it('writes blobs as repr(bytes) does', () => {
    expect(reprBytes(new Uint8Array([0x61, 0x00, 0xff, 0x27]))).toBe(`b"a\\x00\\xff'"`);
    expect(reprBytes(new Uint8Array([0x5c, 0x0a]))).toBe("b'\\\\\\n'");
  });

  it('cuts at 100 code points and appends "..."', () => {
    const rows = Array.from({ length: 40 }, (_, i) => [BigInt(i)]);
    const full = `[${rows.map(([i]) => `(${i},)`).join(', ')}]`;
    const shown = showRows(rows);
    expect(shown).toBe(full.slice(0, 100) + '...');
    expect(showRows(rows.slice(0, 3))).toBe('[(0,), (1,), (2,)]');
    // Exactly 100 characters are not cut.
    expect(cutText('x'.repeat(100))).toBe('x'.repeat(100));
    // Python counts code points: an emoji is one character, not two.
    expect(cutText('😀'.repeat(101))).toBe('😀'.repeat(100) + '...');
    expect(cutText('😀'.repeat(60))).toBe('😀'.repeat(60));
  });

  it('stops building a huge result early, with the same text', () => {
    const rows = Array.from({ length: 100_000 }, () => ['a long value that repeats']);
    expect(showRows(rows)).toBe(`[${Array(5).fill("('a long value that repeats',)").join(', ')}]`.slice(0, 100) + '...');
  });
});
