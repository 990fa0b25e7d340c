import { describe, expect, it } from 'vitest';
import { craftingTree, recipeText } from './crafting-tree.ts';

const tree = craftingTree();

describe('TextCraft crafting tree', () => {
  it('keeps craftable tags and turns the others into items you can get', () => {
    expect(tree.tags.has('minecraft:planks')).toBe(true);
    expect(tree.tags.has('minecraft:wool')).toBe(true);
    for (const t of ['oak_logs', 'logs', 'wooden_slabs', 'coals', 'stone_crafting_materials']) {
      expect(tree.tags.has(`minecraft:${t}`), t).toBe(false);
      expect(tree.items.has(`minecraft:${t}`), t).toBe(true);
    }
  });

  it('drops one-ingredient block recipes and cuts cycles', () => {
    expect(tree.isCraftable('minecraft:diamond')).toBe(false);
    expect(tree.itemRecipes.get('minecraft:iron_ingot')!.map(recipeText)).toEqual(['craft 1 iron ingot using 9 iron nugget']);
    expect(tree.isCraftable('minecraft:iron_nugget')).toBe(false);
  });

  it('orders goals by crafting depth', () => {
    const goals = tree.goals();
    expect(goals.length).toBe(547);
    const depths = goals.map((g) => tree.minDepth(g));
    expect(depths).toEqual([...depths].sort((a, b) => a - b));
    expect(tree.minDepth('minecraft:oak_planks')).toBe(1);
    expect(tree.minDepth('minecraft:crafting_table')).toBe(2);
  });

  it('matches a tag ingredient with a member of its group, counts exactly', () => {
    const planks = (name: string, count: number) => [{ name: `minecraft:${name}`, isTag: false, count }];
    expect(tree.match('minecraft:crafting_table', planks('dark_oak_planks', 4))?.count).toBe(1);
    expect(tree.match('minecraft:crafting_table', planks('dark_oak_planks', 3))).toBeNull();
    expect(tree.match('minecraft:crafting_table', planks('oak_slab', 4))).toBeNull();
  });
});
