import { describe, expect, it } from 'vitest';
import { craftingTree, displayName } from './crafting-tree.ts';

const tree = craftingTree();
const texts = (id: string) => (tree.itemRecipes.get(`minecraft:${id}`) ?? []).map((r) => r.text);

describe('TextCraft crafting tree (AgentGym recipe files)', () => {
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
    expect(texts('iron_ingot')).toEqual(['craft 1 iron ingot using 9 iron nugget']);
    expect(tree.isCraftable('minecraft:iron_nugget')).toBe(false);
  });

  it('writes ingredients in the order of the recipe file (a shaped recipe: its key order)', () => {
    expect(texts('beacon')).toEqual(['craft 1 beacon using 1 nether star, 5 glass, 3 obsidian']);
    // torch.json lists [coal, charcoal] for one slot: AgentGym takes the first.
    expect(texts('torch')).toEqual(['craft 4 torch using 1 stick, 1 coal']);
    expect(texts('crafting_table')).toEqual(['craft 1 crafting table using 4 planks']);
  });

  it('orders the 544 goals by crafting depth', () => {
    const goals = tree.goals();
    expect(goals.length).toBe(544);
    const depths = goals.map((g) => tree.minDepth(g));
    expect(depths).toEqual([...depths].sort((a, b) => a - b));
    expect([depths.filter((d) => d === 1).length, depths.at(-1)]).toEqual([125, 4]);
    expect(tree.minDepth('minecraft:oak_planks')).toBe(1);
    expect(tree.minDepth('minecraft:crafting_table')).toBe(2);
  });

  it('lists each use of an ingredient, a grouped recipe twice (once per item, once per tag)', () => {
    const uses = tree.uses().get('minecraft:oak_logs')!.map((r) => r.text);
    expect(uses.filter((t) => t === 'craft 4 oak planks using 1 oak logs')).toHaveLength(2);
  });

  it('names items as AgentGym prints them', () => {
    expect(displayName('minecraft:dark_oak_planks')).toBe('dark oak planks');
  });
});
