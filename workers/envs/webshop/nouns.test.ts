import { expect, it } from 'vitest';
import { titleNouns } from './nouns.ts';

it("approximates spaCy's nouns of a title: content words kept, function words, adjectives and numbers dropped", () => {
  expect(titleNouns("Calara Tea Tree Essential Oils Scrubs & Body Treatments for Daily Care")).toEqual([
    'calara', 'tea', 'tree', 'oils', 'scrubs', 'body', 'treatments', 'care',
  ]);
  expect(titleNouns("Acme Men's Slim Fit Long Sleeve T-Shirt, Black, 2 Pack")).toEqual(['acme', 'sleeve', 't-shirt', 'pack']);
  expect(titleNouns('The 4 in 1')).toEqual([]);
});
