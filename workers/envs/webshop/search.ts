/**
 * WebShop's search engine, re-made: it indexes one document per product with pyserini (Lucene
 * BM25, k1 0.9, b 0.4, English analyzer) and shows the top 50 hits. Ours analyses text as that
 * analyzer does (split on non-alphanumerics keeping "1.5" and "men's" whole, possessive "'s"
 * dropped, lower-case, Lucene's 33 English stop words, Porter stemming) and scores as Lucene 8.3's
 * BM25Similarity does: one-byte document lengths and 32-bit float arithmetic, so that near-ties
 * fall the same way (not verified against a pyserini index; none is reachable from here).
 */
import { stemmer } from 'stemmer';
import { storedLength } from './lucene-norms.ts';
import type { Product } from './products.ts';

const STOP_WORDS = new Set(
  'a an and are as at be but by for if in into is it no not of on or such that the their then there these they this to was will with'.split(' '),
);
// Lucene holds both as Java floats.
const K1 = Math.fround(0.9);
const B = Math.fround(0.4);
const TOP_N = 50;

/** Stems by word: a catalogue repeats few distinct words many times, and stemming dominates indexing. */
const stems = new Map<string, string>();
function stem(word: string): string {
  let s = stems.get(word);
  if (s === undefined) {
    s = stemmer(word);
    if (stems.size < 200_000) stems.set(word, s);
  }
  return s;
}

export function analyze(text: string): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+(?:[.'’][\p{L}\p{N}]+)*/gu) ?? [];
  return words.map((w) => w.replace(/['’]s$/, '')).filter((w) => !STOP_WORDS.has(w)).map(stem);
}

/** The text WebShop indexes for a product: title, description, first bullet and the options, lower-cased. */
export function indexedText(p: Product): string {
  const optionText = p.options.map(([name, values]) => `${name}: ${values.join(', ')}`).join(', and ');
  return [p.title, p.description, p.bulletPoints[0] ?? '', optionText].join(' ').toLowerCase();
}

export class SearchIndex {
  /** term -> [doc, term frequency] pairs, docs ascending. */
  private readonly postings = new Map<string, [number, number][]>();
  private readonly lengths: number[] = [];
  private readonly avgLength: number;

  constructor(texts: readonly string[]) {
    texts.forEach((text, doc) => {
      const counts = new Map<string, number>();
      const terms = analyze(text);
      for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
      for (const [t, n] of counts) {
        const list = this.postings.get(t) ?? [];
        list.push([doc, n]);
        this.postings.set(t, list);
      }
      this.lengths.push(terms.length);
    });
    this.avgLength = this.lengths.reduce((a, b) => a + b, 0) / Math.max(1, this.lengths.length);
  }

  /**
   * The best `n` documents for a bag-of-words query (OR; a repeated query word counts again),
   * ties by document order.
   */
  search(query: string, n = TOP_N): number[] {
    const f = Math.fround;
    const scores = new Map<number, number>();
    const docs = this.lengths.length;
    const avg = f(this.avgLength);
    for (const term of analyze(query)) {
      const list = this.postings.get(term);
      if (!list) continue;
      const idf = f(Math.log(1 + (docs - list.length + 0.5) / (list.length + 0.5)));
      for (const [doc, tf] of list) {
        const norm = f(K1 * f(f(1 - B) + f(f(B * storedLength(this.lengths[doc])) / avg)));
        scores.set(doc, (scores.get(doc) ?? 0) + f(idf * f(tf / (tf + norm))));
      }
    }
    // A disjunction sums its clauses' float scores in a double and hands back a float.
    return [...scores]
      .map(([doc, score]) => [doc, Math.fround(score)] as const)
      .sort((x, y) => y[1] - x[1] || x[0] - y[0])
      .slice(0, n)
      .map(([doc]) => doc);
  }
}
