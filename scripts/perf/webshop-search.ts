/**
 * WebShop's search engine alone (perf:envs): building the built-in catalogue (products, index,
 * goals) and the BM25 index by itself, then one search per goal for its query and for its whole
 * instruction (what agents type), uncached, as the shop runs them before its per-query cache.
 */
import { nodeDataSource } from '../../workers/node-data-source.ts';
import type { RawAttributes, RawProduct } from '../../workers/envs/webshop/products.ts';
import { SearchIndex, indexedText } from '../../workers/envs/webshop/search.ts';
import { Shop } from '../../workers/envs/webshop/shop.ts';
import { fmt, percentile, table } from './measure.ts';

export async function webshopSearch(): Promise<string> {
  const [items, attrs] = await Promise.all([nodeDataSource.json<RawProduct[]>('webshop-items.json'), nodeDataSource.json<Record<string, RawAttributes>>('webshop-attributes.json')]);
  let t = performance.now();
  const shop = new Shop(items, attrs, Infinity);
  const shopMs = performance.now() - t;
  const texts = shop.products.map(indexedText);
  t = performance.now();
  const index = new SearchIndex(texts);
  const indexMs = performance.now() - t;
  const queries = shop.goals.flatMap((g) => [g.query, g.instructionText]);
  for (const q of queries.slice(0, 200)) index.search(q); // warm-up
  const us = queries.map((q) => {
    const s = performance.now();
    index.search(q);
    return (performance.now() - s) * 1000;
  });
  const header = ['products', 'catalogue build ms', 'index alone ms', 'searches', 'search p50 µs', 'search p99 µs'];
  const row = [String(shop.products.length), fmt(shopMs), fmt(indexMs), String(us.length), fmt(percentile(us, 0.5)), fmt(percentile(us, 0.99))];
  return `WebShop's search in Node (built-in catalogue; its load in a worker, with the fetch, is WebShop's "open cold" below):\n${table(header, [row])}`;
}
