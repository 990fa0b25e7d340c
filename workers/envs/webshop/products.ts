/**
 * WebShop's product records (the format of its items_shuffle_1000.json) and `load_products`'s
 * reading of them, shared by the built-in catalogue (generated in that same format) and the files
 * a user brings.
 */

/** One record of items_shuffle_1000.json, as far as WebShop reads it. */
export interface RawProduct {
  asin: string;
  name: string;
  full_description: string;
  small_description: string | string[];
  pricing?: string | null;
  customization_options?: Record<string, { value: string; image?: string | null }[] | null> | null;
  images?: string[];
  category: string;
  query: string;
  product_category: string;
}

/** One entry of items_ins_v2_1000.json. */
export interface RawAttributes {
  attributes?: string[];
  instruction?: string;
  instruction_attributes?: string[];
}

export interface Product {
  asin: string;
  title: string;
  description: string;
  bulletPoints: string[];
  /** The price tag as WebShop prints it: `$19.99`, `$5.0`, `$10.0 to $12.5`. */
  priceTag: string;
  /** The price goals and the reward use (see `productPrice`). */
  price: number;
  /** Option name (lower-cased) -> values, both in data order. */
  options: [string, string[]][];
  category: string;
  query: string;
  productCategory: string;
  attributes: string[];
  instruction: string | null;
  instructionAttributes: string[] | null;
}

export interface Goal {
  asin: string;
  category: string;
  query: string;
  /** The target's title (WebShop's goal `name`). */
  name: string;
  productCategory: string;
  instructionText: string;
  attributes: string[];
  priceUpper: number;
  goalOptions: Record<string, string>;
}

/** Python's repr of a float, for the magnitudes prices have (`5.0`, `19.99`). */
export function pyFloat(x: number): string {
  return Number.isInteger(x) ? `${x}.0` : String(x);
}

/** Price parts of a `pricing` string: each `$`-separated part keeps only digits and dots. */
function parsePricing(pricing: string | null | undefined): number[] {
  if (!pricing) return [];
  return pricing
    .split('$')
    .slice(1)
    .map((p) => Number(p.replace(/[^\d.]/g, '')))
    .filter((p) => Number.isFinite(p));
}

/**
 * WebShop prices a range at `random.uniform(low, high)` from an unseeded RNG, so its goals' price
 * limits change per server start; we take the low end, which keeps every goal satisfiable.
 */
function productPrice(parts: readonly number[]): { price: number; tag: string } {
  if (parts.length === 0) return { price: 100, tag: '$100.0' };
  if (parts.length === 1) return { price: parts[0], tag: `$${pyFloat(parts[0])}` };
  return { price: parts[0], tag: `$${pyFloat(parts[0])} to $${pyFloat(parts[1])}` };
}

function readOptions(raw: RawProduct['customization_options']): [string, string[]][] {
  // As a Python dict: a repeated lower-cased name keeps its first place and its last values.
  const options = new Map<string, string[]>();
  for (const [name, contents] of Object.entries(raw ?? {})) {
    if (contents) options.set(name.toLowerCase(), contents.map((c) => String(c.value).trim().replaceAll('/', ' | ').toLowerCase()));
  }
  return [...options];
}

/**
 * load_products: the first `limit` records, skipping asin "nan", asins over 10 characters and
 * repeated asins; attributes from the attribute file or ["DUMMY_ATTR"].
 */
export function loadProducts(raw: readonly RawProduct[], attrs: Readonly<Record<string, RawAttributes>>, limit = 1000): Product[] {
  const seen = new Set<string>();
  const products: Product[] = [];
  for (const p of raw.slice(0, limit)) {
    const asin = String(p.asin);
    if (asin === 'nan' || asin.length > 10 || seen.has(asin)) continue;
    seen.add(asin);
    const a: RawAttributes = Object.hasOwn(attrs, asin) ? attrs[asin] : {};
    const { price, tag } = productPrice(parsePricing(p.pricing));
    products.push({
      asin,
      title: p.name,
      description: p.full_description,
      bulletPoints: Array.isArray(p.small_description) ? p.small_description : [p.small_description],
      priceTag: tag,
      price,
      options: readOptions(p.customization_options),
      category: p.category,
      query: p.query.toLowerCase().trim(),
      productCategory: p.product_category,
      attributes: a.attributes ?? ['DUMMY_ATTR'],
      instruction: a.instruction ?? null,
      instructionAttributes: a.instruction_attributes ?? null,
    });
  }
  return products;
}
