/**
 * WebShop's synthetic goals (`get_synthetic_goals`) in AgentGym's order: `random.seed(233)`, one
 * price limit per instructed product (`random.sample` of the next four tens above its price), one
 * goal per combination of its option values (option names sorted), then `random.seed(233)` and
 * `random.shuffle(goals)`. With WebShop's own product file this is AgentGym's item order.
 */
import { PyRandom } from '../python-random.ts';
import { byCodePoint } from './fuzz.ts';
import type { Goal, Product } from './products.ts';

/** 10, 20, ..., 990: WebShop's PRICE_RANGE. */
const PRICE_RANGE = Array.from({ length: 99 }, (_, i) => 10 * (i + 1));

/** Every combination of one value per list, the first list varying slowest (itertools.product). */
function cartesian(lists: readonly (readonly string[])[]): string[][] {
  return lists.reduce<string[][]>((acc, values) => acc.flatMap((combo) => values.map((v) => [...combo, v])), [[]]);
}

export function syntheticGoals(products: readonly Product[]): Goal[] {
  const rng = new PyRandom(233);
  const goals: Goal[] = [];
  for (const p of products) {
    if (p.instruction === null) continue;
    const range = PRICE_RANGE.filter((x) => x > p.price).slice(0, 4);
    let priceUpper = 1000000;
    let priceText = '';
    if (range.length >= 2) {
      priceUpper = Math.max(...rng.sample(range, 2));
      priceText = `, and price lower than ${priceUpper.toFixed(2)} dollars`;
    }
    const options = new Map(p.options);
    const names = [...options.keys()].sort(byCodePoint);
    for (const combo of cartesian(names.map((n) => options.get(n)!))) {
      const goalOptions: Record<string, string> = {};
      names.forEach((n, i) => (goalOptions[n] = combo[i]));
      const optionText = names.length ? ' with ' + names.map((n) => `${n}: ${goalOptions[n]}`).join(', and ') : '';
      goals.push({
        asin: p.asin,
        category: p.category,
        query: p.query,
        name: p.title,
        productCategory: p.productCategory,
        instructionText: `${p.instruction}${optionText}${priceText}`,
        attributes: p.instructionAttributes ?? [],
        priceUpper,
        goalOptions,
      });
    }
  }
  rng.seed(233);
  rng.shuffle(goals);
  return goals;
}
