import { describe, expect, it } from 'vitest';
import { textcraftData, type RecipeOut } from './textcraft.ts';

const recipes = (JSON.parse(textcraftData()['textcraft-recipes.json']) as { recipes: RecipeOut[] }).recipes;
const of = (out: string) => recipes.filter((r) => r.out === out).map(({ count, group, in: ins }) => ({ count, group, in: ins }));

describe('TextCraft recipes from minecraft-data (golden)', () => {
  it('rebuilds the planks tag and the planks group', () => {
    expect(of('crafting_table')).toEqual([{ count: 1, group: undefined, in: [['#planks', 4]] }]);
    expect(of('oak_planks')).toEqual([{ count: 4, group: 'planks', in: [['#oak_logs', 1]] }]);
    expect(of('crimson_planks')).toEqual([{ count: 4, group: 'planks', in: [['#crimson_stems', 1]] }]);
    // Bamboo is no plank: it keeps its own stick recipe.
    expect(of('stick')).toEqual([
      { count: 4, group: undefined, in: [['#planks', 2]] },
      { count: 1, group: undefined, in: [['bamboo', 2]] },
    ]);
  });

  it('rebuilds the other tags TextCraft commands use', () => {
    expect(of('campfire')).toEqual([{ count: 1, group: undefined, in: [['stick', 3], ['#coals', 1], ['#logs', 3]] }]);
    expect(of('barrel')).toEqual([{ count: 1, group: undefined, in: [['#planks', 6], ['#wooden_slabs', 2]] }]);
    expect(of('furnace')).toEqual([{ count: 1, group: undefined, in: [['#stone_crafting_materials', 8]] }]);
    expect(of('stone_pickaxe')).toEqual([{ count: 1, group: undefined, in: [['#stone_tool_materials', 3], ['stick', 2]] }]);
    expect(of('painting')).toEqual([{ count: 1, group: undefined, in: [['stick', 8], ['#wool', 1]] }]);
    expect(of('soul_torch')).toEqual([{ count: 4, group: undefined, in: [['#coals', 1], ['stick', 1], ['#soul_fire_base_blocks', 1]] }]);
  });

  it('keeps real alternatives and plain recipes as they are', () => {
    expect(of('red_wool')).toEqual([{ count: 1, group: 'wool', in: [['red_dye', 1], ['white_wool', 1]] }]);
    expect(of('red_dye').map((r) => r.in[0][0]).sort()).toEqual(['beetroot', 'poppy', 'red_tulip', 'rose_bush']);
    expect(of('golden_carrot')).toEqual([{ count: 1, group: undefined, in: [['gold_nugget', 8], ['carrot', 1]] }]);
    expect(of('oak_door')).toEqual([{ count: 3, group: 'wooden_door', in: [['oak_planks', 6]] }]);
    // Not wooden: no group.
    expect(of('iron_door')[0].group).toBeUndefined();
  });

  it('covers the whole 1.16.2 crafting data', () => {
    expect(new Set(recipes.map((r) => r.out)).size).toBe(562);
    expect(recipes.length).toBe(647);
  });
});
