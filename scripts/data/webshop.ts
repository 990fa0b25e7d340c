/**
 * The built-in WebShop catalogue, in the format of WebShop's items_shuffle_1000.json, generated
 * from its attribute file (scripts/data/webshop/items_ins_v2_1000.json), whose keys are the ASINs
 * of WebShop's 1,000 products. Every one of those ASINs becomes a product with the file's
 * attributes; the 415 with an instruction get the query named in it (the instruction with its
 * attributes taken out: "Find me <attributes> men's shorts with <attributes>" -> "men's shorts"),
 * and the others the query of the nearest instructed product before them in the same category.
 * One distractor per instructed product shares its query but not its attributes, so search
 * results hold near misses. Options and prices are drawn per ASIN (seeded), from values on which
 * WebShop's fuzzy option match works, so that every goal can earn reward 1.
 */
import { readFileSync } from 'node:fs';
import { Rng } from '../../workers/envs/rng.ts';
import type { RawAttributes, RawProduct } from '../../workers/envs/webshop/products.ts';
import type { DataGenerator } from './index.ts';
import { BRAND_PARTS, CATEGORY_STARTS, VOCAB, type Category } from './webshop-vocab.ts';

const SOURCE = new URL('./webshop/items_ins_v2_1000.json', import.meta.url);

export function readAttributeFile(): Record<string, RawAttributes> {
  return JSON.parse(readFileSync(SOURCE, 'utf8')) as Record<string, RawAttributes>;
}

/** The product type an instruction names: what is left once "Find me" and its attributes go. */
export function queryOf(instruction: string, attributes: readonly string[]): string {
  let s = instruction.replace(/^Find me /, '');
  for (const a of [...attributes].sort((x, y) => y.length - x.length)) s = s.replaceAll(a, '\u0000');
  s = s.replace(/(\u0000(, | and )?)+/g, ' | ').replace(/\s*\|\s*/g, ' | ').replace(/^[\s|]+|[\s|]+$/g, '');
  s = s.replace(/^(with|for) \| /, '');
  const parts = s.split(' | ').map((p) => p.trim()).filter((p) => p && p !== 'with' && p !== 'for');
  return (parts[0] ?? '').replace(/ (with|for)$/, '');
}

const titleCase = (s: string) => s.replace(/(^|[\s-])(\p{L})/gu, (_, pre: string, c: string) => pre + c.toUpperCase());

function categoryAt(index: number): Category {
  return CATEGORY_STARTS.filter(([start]) => start <= index).at(-1)![1];
}

function brand(rng: Rng): string {
  return rng.pick(BRAND_PARTS[0]) + rng.pick(BRAND_PARTS[1]);
}

/** A price with cents, as a product's pricing string; every tenth product is priced as a range. */
function pricing(rng: Rng, [lo, hi]: [number, number]): string {
  const cents = (x: number) => (Math.floor(x) + 0.99).toFixed(2);
  const low = lo + rng.next() * (hi - lo);
  return rng.int(10) === 0 ? `$${cents(low)} - $${cents(low * 1.3 + 2)}` : `$${cents(low)}`;
}

/** One or two of the category's options, one to four values each; one product in ten has none. */
function options(rng: Rng, category: Category): RawProduct['customization_options'] {
  if (rng.int(10) === 0) return null;
  const pools = rng.shuffle(VOCAB[category].options).slice(0, 1 + rng.int(2));
  return Object.fromEntries(
    pools.map((pool) => [pool.name, rng.shuffle(pool.values).slice(0, 1 + rng.int(4)).map((value) => ({ value, image: null }))]),
  );
}

function product(asin: string, category: Category, query: string, attributes: readonly string[], rng: Rng): RawProduct {
  const v = VOCAB[category];
  const maker = brand(rng);
  const featured = attributes.filter((a) => a !== 'DUMMY_ATTR').slice(0, 2);
  const use = rng.pick(v.uses);
  const name = [maker, ...featured.map(titleCase), titleCase(query)].join(' ') + (rng.int(2) ? ` for ${titleCase(use)}` : '');
  const listed = attributes.filter((a) => a !== 'DUMMY_ATTR');
  return {
    asin,
    name,
    full_description:
      `${maker} ${query} made for ${use}.` + (listed.length ? ` ${titleCase(listed.join(', '))}.` : '') + ` Backed by ${maker}'s one-year guarantee.`,
    small_description: [...listed.map((a) => `${titleCase(a)}: made with care for ${use}`), `Sold by ${maker}`],
    pricing: pricing(rng, v.price),
    customization_options: options(rng, category),
    category,
    query,
    product_category: `${v.department} › ${titleCase(query)}`,
  };
}

/** A ten-character ASIN no real one has ("BZ" prefix), from the product it stands beside. */
function distractorAsin(rng: Rng): string {
  const chars = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  return 'BZ' + Array.from({ length: 8 }, () => chars[rng.int(chars.length)]).join('');
}

export function buildCatalogue(attrs: Readonly<Record<string, RawAttributes>>): RawProduct[] {
  const entries = Object.entries(attrs);
  const queries = entries.map(([, a]) => (a.instruction ? queryOf(a.instruction, a.instruction_attributes ?? []) : null));
  const products: RawProduct[] = [];
  const distractors: RawProduct[] = [];
  entries.forEach(([asin, a], i) => {
    const category = categoryAt(i);
    const sameCategory = (j: number) => categoryAt(j) === category && queries[j] !== null;
    let j = i;
    while (j >= 0 && !sameCategory(j)) j--;
    if (j < 0) j = queries.findIndex((_, k) => sameCategory(k));
    const query = queries[j]!;
    const rng = new Rng(asin);
    products.push(product(asin, category, query, a.attributes ?? [], rng));
    if (a.instruction) {
      const wanted = new Set(a.instruction_attributes ?? []);
      const others = entries.filter(([, b], k) => categoryAt(k) === category && b !== a).flatMap(([, b]) => b.attributes ?? []);
      const attributes = rng.shuffle(others.filter((x) => !wanted.has(x))).slice(0, 3);
      distractors.push(product(distractorAsin(rng), category, query, attributes, rng));
    }
  });
  return [...products, ...distractors];
}

export const webshopData: DataGenerator = () => {
  const attrs = readAttributeFile();
  return {
    'webshop-items.json': JSON.stringify(buildCatalogue(attrs)),
    'webshop-attributes.json': JSON.stringify(attrs),
  };
};
