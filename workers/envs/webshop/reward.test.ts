import { describe, expect, it } from 'vitest';
import type { Goal, Product } from './products.ts';
import { getReward } from './reward.ts';

const shorts: Product = {
  asin: 'B0SHORTS01',
  title: "Acme Men's Shorts Elastic Waist",
  description: 'Gym shorts. Machine wash cold.',
  bulletPoints: ['Classic fit', 'Drawstring closure'],
  priceTag: '$30.0',
  price: 30,
  options: [['color', ['navy', 'black', 'navy blue']], ['size', ['large', 'x-large']], ['style', ['standard', 'slim']]],
  category: 'fashion',
  query: "men's shorts",
  productCategory: "Clothing › Men › Men's Shorts",
  attributes: ['elastic waist', 'classic fit'],
  instruction: null,
  instructionAttributes: null,
};

const goal = (over: Partial<Goal> = {}): Goal => ({
  asin: shorts.asin,
  category: 'fashion',
  query: "men's shorts",
  name: shorts.title,
  productCategory: shorts.productCategory,
  instructionText: '',
  attributes: ['elastic waist', 'classic fit'],
  priceUpper: 40,
  goalOptions: { color: 'navy', size: 'x-large' },
  ...over,
});

const reward = (g: Goal, options: Record<string, string>, p: Product = shorts) => getReward(p, g, p.price, options).reward;

describe("WebShop's get_reward", () => {
  it('is 1 for the right product, options and price', () => {
    expect(reward(goal(), { color: 'navy', size: 'x-large' })).toBe(1);
  });

  it('counts (attributes + options + price) over (|A| + |G| + 1): wrong colour, over price, no options', () => {
    expect(reward(goal(), { color: 'black', size: 'x-large' })).toBe(4 / 5);
    expect(reward(goal({ priceUpper: 20 }), { color: 'navy', size: 'x-large' })).toBe(4 / 5);
    expect(reward(goal(), {})).toBe(3 / 5);
    expect(reward(goal({ attributes: ['elastic waist', 'high waist'] }), { color: 'navy', size: 'x-large' })).toBe(4 / 5);
  });

  it('matches attributes fuzzily (> 85) or as substrings of title, features or description', () => {
    expect(reward(goal({ attributes: ['elastic waistband'], goalOptions: {} }), {})).toBe(1);
    expect(reward(goal({ attributes: ['machine wash', 'drawstring closure'], goalOptions: {} }), {})).toBe(1);
    expect(reward(goal({ attributes: ['short sleeve'], goalOptions: {} }), {})).toBe(1 / 2);
  });

  it("keeps the option quirks: 'large' satisfies 'x-large' but not the reverse; 'standard' reads as 'tan'", () => {
    expect(reward(goal(), { color: 'navy', size: 'large' })).toBe(1);
    expect(reward(goal({ goalOptions: { color: 'navy', size: 'large' } }), { color: 'navy', size: 'x-large' })).toBe(4 / 5);
    expect(reward(goal({ goalOptions: { style: 'standard' } }), { style: 'standard' })).toBe(3 / 4);
    // 'navy blue' normalises to 'blue' (first in COLOR_SET): a goal of plain 'navy' then misses it.
    expect(reward(goal({ goalOptions: { color: 'navy' } }), { color: 'navy blue' })).toBe(3 / 4);
    expect(reward(goal({ goalOptions: { color: 'navy blue' } }), { color: 'navy blue' })).toBe(1);
  });

  it('scales by the type score: another query and category with no shared title noun gives 0', () => {
    const lamp: Product = { ...shorts, title: 'Bright Floor Lamp', query: 'floor lamps', productCategory: 'Home › Lighting › Floor Lamps' };
    expect(getReward(lamp, goal(), 30, { color: 'navy', size: 'x-large' })).toMatchObject({ rType: 0, reward: 0 });
    // One of five goal nouns shared (0.2, not above it), no query or category match: halved.
    const g = goal({ name: 'Acme Cargo Hiking Trail Shorts' });
    const other: Product = { ...lamp, title: 'Bright Cargo Lamp' };
    expect(getReward(other, g, 30, { color: 'navy', size: 'x-large' })).toMatchObject({ titleScore: 0.2, rType: 0.5, reward: 0.5 });
    // The same query is enough for full type credit, whatever the title.
    expect(getReward({ ...lamp, query: "men's shorts", title: 'Shorts' }, goal(), 30, { color: 'navy', size: 'x-large' })).toMatchObject({ rType: 1 });
  });
});
