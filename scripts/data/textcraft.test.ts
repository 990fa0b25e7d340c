import { describe, expect, it } from 'vitest';
import { compactRecipe, textcraftData, type CompactRecipe } from './textcraft.ts';

describe('TextCraft recipes from AgentGym\'s files', () => {
  it('reads a shaped recipe as _load_recipes does: key order, counts over the pattern, first alternative', () => {
    const r = compactRecipe('x.json', {
      type: 'minecraft:crafting_shaped',
      group: 'wooden_door',
      pattern: ['#C', 'C#', ' C'],
      key: { C: [{ item: 'minecraft:coal' }, { item: 'minecraft:charcoal' }], '#': { tag: 'minecraft:planks' } },
      result: { item: 'minecraft:oak_door', count: 3 },
    });
    expect(r).toEqual(['oak_door', 3, 'wooden_door', [['coal', 3], ['#planks', 2]]]);
  });

  it('merges repeated shapeless ingredients in first-appearance order; the count defaults to 1', () => {
    const r = compactRecipe('y.json', {
      type: 'minecraft:crafting_shapeless',
      ingredients: [{ item: 'minecraft:sand' }, { item: 'minecraft:gravel' }, { item: 'minecraft:sand' }],
      result: { item: 'minecraft:thing' },
    });
    expect(r).toEqual(['thing', 1, null, [['sand', 2], ['gravel', 1]]]);
  });

  it('skips what is not crafting, and refuses ids outside minecraft:', () => {
    expect(compactRecipe('z.json', { type: 'minecraft:smelting', result: 'minecraft:glass' })).toBeNull();
    expect(() => compactRecipe('w.json', { type: 'minecraft:crafting_shapeless', ingredients: [{ item: 'mod:x' }], result: 'minecraft:y' })).toThrow();
  });

  it('keeps the 635 crafting recipes of the 860 files, in the recorded listing order', async () => {
    const { recipes } = JSON.parse(String((await textcraftData())['textcraft-agentgym.json'])) as { recipes: CompactRecipe[] };
    expect(recipes).toHaveLength(635);
    expect(recipes[0]).toEqual(['dark_prismarine_slab', 6, null, [['dark_prismarine', 3]]]);
    expect(recipes.find((r) => r[0] === 'beacon')).toEqual(['beacon', 1, null, [['nether_star', 1], ['glass', 5], ['obsidian', 3]]]);
  });
});
