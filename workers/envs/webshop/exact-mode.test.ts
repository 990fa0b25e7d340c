import { describe, expect, it } from 'vitest';
import { WebShopOracle } from './oracle.ts';
import { syntheticShop as shop } from './testdata/synthetic.ts';
import { WebShopEnv } from './webshop.ts';

describe('WebShop with its own data files (exact mode)', () => {
  it("orders the goals as AgentGym does (testdata/hand-run.py, run with CPython's random)", () => {
    expect(shop().goals.map((g) => g.instructionText)).toEqual([
      'Find me floor lamps for living room with color: brass, and price lower than 60.00 dollars',
      'Find me solid wood dining tables with color: walnut',
      "Find me machine wash men's socks with cotton blend with color: white | gray, and size: small, and price lower than 40.00 dollars",
      'Find me dark roast coffee with flavor name: dark, and size: 12 ounce, and price lower than 40.00 dollars',
      "Find me machine wash men's socks with cotton blend with color: black, and size: large, and price lower than 40.00 dollars",
      "Find me machine wash men's socks with cotton blend with color: black, and size: x-large, and price lower than 40.00 dollars",
      "Find me machine wash men's socks with cotton blend with color: white | gray, and size: x-large, and price lower than 40.00 dollars",
      'Find me dark roast coffee with flavor name: dark, and size: 2 pound, and price lower than 40.00 dollars',
      "Find me machine wash men's socks with cotton blend with color: white | gray, and size: large, and price lower than 40.00 dollars",
      'Find me solid wood dining tables with color: natural',
      "Find me machine wash men's socks with cotton blend with color: black, and size: small, and price lower than 40.00 dollars",
      'Find me floor lamps for living room with color: white, and price lower than 60.00 dollars',
      'Find me floor lamps for living room with color: black, and price lower than 60.00 dollars',
      'Find me vitamin c serums, and price lower than 120.00 dollars',
    ]);
  });

  it("reads products as load_products: skips 'nan' and repeated asins, prices, tags, options, query", () => {
    const s = shop();
    expect(s.products.map((p) => p.asin)).toEqual(['B000000001', 'B000000002', 'B000000003', 'B000000004', 'B000000005', 'B000000006']);
    const [socks, coffee, table, serum, tee] = s.products;
    expect(socks).toMatchObject({ priceTag: '$12.99', price: 12.99, query: "men's socks", options: [['color', ['black', 'white | gray']], ['size', ['large', 'x-large', 'small']]] });
    expect(coffee).toMatchObject({ priceTag: '$8.5 to $11.0', price: 8.5, bulletPoints: ['Whole bean'] });
    expect(table.priceTag).toBe('$985.0');
    expect(serum).toMatchObject({ priceTag: '$100.0', price: 100 });
    expect(tee).toMatchObject({ attributes: ['short sleeve'], instruction: null });
  });

  it('plays an exact-mode goal to reward 1', () => {
    const env = new WebShopEnv(shop());
    env.reset(3);
    expect(env.step('search[dark roast coffee]').observation).toContain(' [SEP] B000000002 [SEP] Brew Dark Roast Coffee [SEP] $8.5 to $11.0');
    env.step('click[b000000002]');
    env.step('click[12 ounce]');
    env.step('click[dark]');
    expect(env.step('click[buy now]')).toMatchObject({ reward: 1, done: true });
  });
});

it('is solved on every goal of the synthetic file by the oracle, within 10 rounds', () => {
  const s = shop();
  const rewards = s.goals.map((_, item) => {
    const env = new WebShopEnv(s);
    const oracle = new WebShopOracle((text) => s.goalFor(text));
    let step = { observation: env.reset(item), reward: 0, done: false };
    for (let round = 0; round < 10 && !step.done; round++) step = env.step(oracle.next(step.observation));
    return step.reward;
  });
  expect(rewards).toEqual(s.goals.map(() => 1));
});
