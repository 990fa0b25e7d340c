/** The small shop in WebShop's own file format (synthetic-*.json) that the exact-mode tests use. */
import { readFileSync } from 'node:fs';
import { shopFromFiles } from '../index.ts';
import type { RawAttributes, RawProduct } from '../products.ts';
import type { Shop } from '../shop.ts';

const read = <T>(name: string) => JSON.parse(readFileSync(new URL(`./${name}`, import.meta.url), 'utf8')) as T;

export function syntheticShop(): Shop {
  return shopFromFiles(read<RawProduct[]>('synthetic-items.json'), read<Record<string, RawAttributes>>('synthetic-attributes.json'));
}
