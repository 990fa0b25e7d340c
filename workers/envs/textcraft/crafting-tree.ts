/**
 * TextCraft's recipe graph, built as AgentGym's crafting_tree.py builds it from its recipe files
 * (static-data/textcraft-agentgym.json keeps them in the order AgentGym read them):
 * - every output is a known item; one-ingredient "*_block" recipes are then dropped (so ingots,
 *   gems... stay base items);
 * - a recipe's group (other than its own output) becomes a tag its output belongs to, and the
 *   recipe is also a recipe for that tag;
 * - a recipe that would close a cycle is dropped (the first one read wins);
 * - an ingredient tag none of whose members can be crafted becomes a plain item ("oak logs").
 * Names are full ids ("minecraft:oak_planks").
 */
import data from '../../../static-data/textcraft-agentgym.json' with { type: 'json' };
import { pyStrHash, type PyHash } from '../python-hash.ts';

/** An ingredient as AgentGym's ItemTagWithCount: a tag ("minecraft:planks") or an item. */
export interface Ingredient {
  name: string;
  isTag: boolean;
  count: number;
}

export interface Recipe {
  output: string;
  count: number;
  inputs: Ingredient[];
  /** The command text ("craft 4 oak planks using 1 oak logs"; a demoted tag keeps its name) and its CPython hash. */
  text: string;
  hash: PyHash;
}

/** [output, count, group or null, [[ingredient ("#tag" or item), count], ...]], no "minecraft:". */
type CompactRecipe = [string, number, string | null, [string, number][]];

const NS = 'minecraft:';

/** "minecraft:oak_planks" -> "oak planks", as AgentGym's item_id_to_str. */
export function displayName(id: string): string {
  return id.replaceAll(NS, '').replaceAll('_', ' ');
}

function recipeText(output: string, count: number, inputs: readonly Ingredient[]): string {
  return `craft ${count} ${displayName(output)} using ${inputs.map((i) => `${i.count} ${displayName(i.name)}`).join(', ')}`;
}

export class CraftingTree {
  /** Recipes per output item, in the order read (AgentGym's itemid_recipes; its keys give the goal order). */
  readonly itemRecipes = new Map<string, Recipe[]>();
  /** Recipes per group tag (tag_recipes). */
  readonly tagRecipes = new Map<string, Recipe[]>();
  readonly tags = new Set<string>();
  readonly items = new Set<string>();
  /** Output item -> the group tag it belongs to (item_id_to_tag). */
  readonly tagOfItem = new Map<string, string>();
  private readonly depth = new Map<string, number>();
  private goalList: string[] | null = null;
  private usesMap: Map<string, Recipe[]> | null = null;

  constructor(recipes: readonly CompactRecipe[]) {
    const deps = new Map<string, Set<string>>();
    for (const [out, count, group, ins] of recipes) {
      const output = NS + out;
      const inputs = ins.map(([n, c]): Ingredient => {
        const isTag = n.startsWith('#');
        const name = NS + (isTag ? n.slice(1) : n);
        (isTag ? this.tags : this.items).add(name);
        return { name, isTag, count: c };
      });
      this.items.add(output);
      if (inputs.length === 1 && inputs[0].name.endsWith('_block')) continue;
      const tag = group === null ? null : NS + group;
      if (tag !== null && tag !== output) {
        this.tags.add(tag);
        this.tagOfItem.set(output, tag);
      }
      if (!deps.has(output)) deps.set(output, new Set());
      if (inputs.some((i) => deps.get(i.name)?.has(output))) continue;
      const text = recipeText(output, count, inputs);
      const recipe: Recipe = { output, count, inputs, text, hash: pyStrHash(text) };
      push(this.itemRecipes, output, recipe);
      const closure = deps.get(output)!;
      for (const i of inputs) {
        closure.add(i.name);
        for (const d of deps.get(i.name) ?? []) closure.add(d);
      }
      // AgentGym files the recipe under its group even when the group is the output's own id.
      if (tag !== null) push(this.tagRecipes, tag, recipe);
    }
    this.demoteUncraftableTags();
  }

  /** A tag no craftable item belongs to cannot be satisfied by crafting: it becomes an item. */
  private demoteUncraftableTags(): void {
    const demoted = new Set<string>();
    for (const recipes of this.itemRecipes.values()) {
      for (const r of recipes) {
        for (const i of r.inputs) {
          if (!i.isTag) continue;
          const craftable = [...this.tagOfItem].some(([item, tag]) => tag === i.name && this.itemRecipes.has(item));
          if (craftable) continue;
          i.isTag = false;
          demoted.add(i.name);
        }
      }
    }
    for (const name of demoted) {
      this.items.add(name);
      this.tags.delete(name);
    }
  }

  isCraftable(name: string): boolean {
    return this.itemRecipes.has(name) || this.tagRecipes.has(name);
  }

  /** The recipe list AgentGym's tree walk takes for a name: the item's, else the tag's, else none. */
  recipesOf(name: string): readonly Recipe[] | undefined {
    return this.itemRecipes.get(name) ?? this.tagRecipes.get(name);
  }

  /** Fewest crafting levels down to base items (a recipe needs all its inputs: max; any recipe: min). */
  minDepth(name: string): number {
    const known = this.depth.get(name);
    if (known !== undefined) return known;
    const recipes = this.recipesOf(name) ?? [];
    const d = recipes.length === 0 ? 0 : Math.min(...recipes.map((r) => Math.max(...r.inputs.map((i) => this.minDepth(i.name) + 1))));
    this.depth.set(name, d);
    return d;
  }

  /** Goal items: every item with a recipe, by depth (a stable sort, so ties keep the reading order). */
  goals(): readonly string[] {
    this.goalList ??= [...this.itemRecipes.keys()].filter((id) => this.minDepth(id) >= 1).sort((a, b) => this.minDepth(a) - this.minDepth(b));
    return this.goalList;
  }

  /** The goal's tree walk (see TreeWalk). */
  walk(goal: string): TreeWalk {
    const recipes = this.traverse(goal, new Set());
    const uses = this.uses();
    const draws: (readonly Recipe[])[] = [];
    for (const r of recipes) {
      for (const i of r.inputs) {
        const users = uses.get(i.name);
        if (users) draws.push(users);
      }
    }
    return { recipes, uses: draws };
  }

  /**
   * traverse_recipe_tree: the name's own recipes, then, for each of them and each ingredient, that
   * ingredient's walk. A name already on the path gives nothing, so a recipe reached by two
   * branches is listed twice (and draws distractors twice).
   */
  private traverse(name: string, path: ReadonlySet<string>): Recipe[] {
    if (path.has(name)) return [];
    const own = this.recipesOf(name) ?? [];
    const next = new Set(path).add(name);
    const collected = own.slice();
    for (const r of own) for (const i of r.inputs) collected.push(...this.traverse(i.name, next));
    return collected;
  }

  /**
   * The recipes using each ingredient name (collect_item_uses): item recipes, then tag recipes, so
   * a recipe with a group is listed twice. Built from the unwalked tree, as on a fresh server.
   */
  uses(): ReadonlyMap<string, readonly Recipe[]> {
    if (this.usesMap) return this.usesMap;
    const uses = new Map<string, Recipe[]>();
    for (const lists of [this.itemRecipes, this.tagRecipes]) {
      for (const recipes of lists.values()) for (const r of recipes) for (const i of r.inputs) push(uses, i.name, r);
    }
    this.usesMap = uses;
    return uses;
  }
}

/** What a reset needs of a goal's tree. */
export interface TreeWalk {
  /** traverse_recipe_tree's list, duplicates included. */
  recipes: readonly Recipe[];
  /** For each recipe in it and each ingredient with uses, in order: that ingredient's uses. */
  uses: readonly (readonly Recipe[])[];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

let shared: CraftingTree | null = null;

/** The one tree built from the committed recipe data (built on first use). */
export function craftingTree(): CraftingTree {
  // Our own generated file (scripts/data/textcraft.ts); JSON typing cannot express its tuples.
  shared ??= new CraftingTree((data as unknown as { recipes: CompactRecipe[] }).recipes);
  return shared;
}
