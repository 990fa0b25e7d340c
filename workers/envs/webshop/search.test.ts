import { describe, expect, it } from 'vitest';
import { storedLength } from './lucene-norms.ts';
import { analyze, SearchIndex } from './search.ts';

describe('WebShop search', () => {
  it("analyses as Lucene's English analyzer: possessives, decimals, stop words, Porter stems", () => {
    expect(analyze("Men's T-Shirts & Tanks, 1.5 inch, for the gym")).toEqual(['men', 't', 'shirt', 'tank', '1.5', 'inch', 'gym']);
  });

  it("stores document lengths as Lucene 8's SmallFloat byte: exact below 24, four significant bits above", () => {
    expect([0, 23, 24, 31, 40, 41, 47, 100].map(storedLength)).toEqual([0, 23, 24, 31, 40, 40, 46, 96]);
  });

  it('ranks by BM25 over all query words, a repeated word counting again, ties in index order', () => {
    const index = new SearchIndex(['red shoes', 'blue shoes', 'red red hat', 'green scarf', 'blue shoes']);
    expect(index.search('shoes')).toEqual([0, 1, 4]);
    expect(index.search('red shoes')).toEqual([0, 2, 1, 4]);
    expect(index.search('blue red red')).toEqual([2, 0, 1, 4]);
    expect(index.search('purple')).toEqual([]);
  });
});
