import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { webshop } from '../../workers/envs/webshop/manifest.ts';
import type { RawAttributes, RawProduct } from '../../workers/envs/webshop/products.ts';
import { getReward } from '../../workers/envs/webshop/reward.ts';
import { Shop } from '../../workers/envs/webshop/shop.ts';
import { buildCatalogue, queryOf, readAttributeFile } from './webshop.ts';

const attrs: Record<string, RawAttributes> = readAttributeFile();
const items: RawProduct[] = buildCatalogue(attrs);
const shop = new Shop(items, attrs, Infinity);

describe('the built-in WebShop catalogue', () => {
  it("reads the product type out of an instruction by taking its attributes out", () => {
    expect(queryOf("Find me men's shorts with elastic waist, classic fit for gym workout", ['elastic waist', 'classic fit', 'gym workout'])).toBe("men's shorts");
    expect(queryOf('Find me easy carry, high quality refillable containers with rose gold', ['easy carry', 'high quality', 'rose gold'])).toBe('refillable containers');
    expect(queryOf('Find me foot, hand & nail care for dry skin', ['dry skin'])).toBe('foot, hand & nail care');
  });

  it("holds WebShop's 1,000 ASINs with their attributes, then one distractor per instruction", () => {
    expect(items).toHaveLength(1415);
    expect(items.slice(0, 1000).map((p) => p.asin)).toEqual(Object.keys(attrs));
    expect(new Set(items.map((p) => p.asin)).size).toBe(1415);
    expect(new Set(items.map((p) => p.category))).toEqual(new Set(['beauty', 'food', 'electronics', 'fashion', 'furniture']));
    expect(shop.products.filter((p) => p.instruction !== null)).toHaveLength(415);
  });

  it('gives the manifest its item count and download sizes', () => {
    expect(shop.goals).toHaveLength(webshop.itemCount);
    for (const d of webshop.downloads) expect(statSync(join(import.meta.dirname, '..', '..', 'static-data', d.path)).size, d.path).toBe(d.bytes);
  });

  it("makes every goal satisfiable: its target, bought with the goal's options, earns 1", () => {
    const unsatisfiable = shop.goals.filter((g) => {
      const target = shop.product(g.asin);
      return getReward(target, g, target.price, g.goalOptions).reward !== 1;
    });
    expect(unsatisfiable.map((g) => g.instructionText)).toEqual([]);
  });
});
