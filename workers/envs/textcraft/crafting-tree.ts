/**
 * TextCraft's recipe graph, built the way AgentGym's crafting_tree.py builds it from the data pack:
 * one-ingredient "*_block" recipes are dropped (so ingots, gems... stay base items), a recipe that
 * would close a cycle is dropped (first one read wins), an output group makes the output a member of
 * that tag, and an ingredient tag none of whose members can be crafted becomes a plain item (so
 * "oak logs" and "wooden slabs" are things you can get). Names are full ids ("minecraft:oak_planks").
 */
import data from '../../../static-data/textcraft-recipes.json' with { type: 'json' };

export interface Ingredient {
  name: string;
  /** True for a tag ("minecraft:planks") that a member item must stand in for. */
  isTag: boolean;
  count: number;
}

export interface Recipe {
  output: string;
  count: number;
  inputs: Ingredient[];
}

interface RecipeJson {
  out: string;
  count: number;
  group?: string;
  in: [string, number][];
}

const NS = 'minecraft:';

/** "minecraft:oak_planks" -> "oak planks", as AgentGym's item_id_to_str. */
export function displayName(id: string): string {
  return id.replace(NS, '').replace(/_/g, ' ');
}

/** The command text of a recipe: "craft 4 oak planks using 1 oak logs". */
export function recipeText(r: Recipe): string {
  return `craft ${r.count} ${displayName(r.output)} using ${r.inputs.map((i) => `${i.count} ${displayName(i.name)}`).join(', ')}`;
}

export class CraftingTree {
  /** Kept recipes per output item, in data order. */
  readonly itemRecipes = new Map<string, Recipe[]>();
  /** Kept recipes per output group tag. */
  readonly tagRecipes = new Map<string, Recipe[]>();
  readonly tags = new Set<string>();
  readonly items = new Set<string>();
  /** Output item -> the group tag it belongs to. */
  readonly tagOfItem = new Map<string, string>();
  private readonly depth = new Map<string, number>();
  private goalList: readonly string[] | undefined;
  private usesMap: ReadonlyMap<string, readonly Recipe[]> | undefined;

  constructor(recipes: readonly RecipeJson[]) {
    const deps = new Map<string, Set<string>>();
    for (const r of recipes) {
      const output = NS + r.out;
      const inputs = r.in.map(([n, count]): Ingredient => {
        const isTag = n.startsWith('#');
        const name = NS + (isTag ? n.slice(1) : n);
        (isTag ? this.tags : this.items).add(name);
        return { name, isTag, count };
      });
      this.items.add(output);
      if (inputs.length === 1 && inputs[0].name.endsWith('_block')) continue;
      const group = r.group ? NS + r.group : null;
      if (group && group !== output) {
        this.tags.add(group);
        this.tagOfItem.set(output, group);
      }
      if (!deps.has(output)) deps.set(output, new Set());
      if (inputs.some((i) => deps.get(i.name)?.has(output))) continue;
      const recipe: Recipe = { output, count: r.count, inputs };
      push(this.itemRecipes, output, recipe);
      const closure = deps.get(output)!;
      for (const i of inputs) {
        closure.add(i.name);
        for (const d of deps.get(i.name) ?? []) closure.add(d);
      }
      if (group && group !== output) push(this.tagRecipes, group, recipe);
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

  recipesOf(name: string): Recipe[] {
    return this.itemRecipes.get(name) ?? this.tagRecipes.get(name) ?? [];
  }

  /** Fewest crafting levels down to base items (a recipe needs all its inputs: max; any recipe: min). */
  minDepth(name: string): number {
    const known = this.depth.get(name);
    if (known !== undefined) return known;
    const recipes = this.recipesOf(name);
    const d = recipes.length === 0 ? 0 : Math.min(...recipes.map((r) => Math.max(...r.inputs.map((i) => this.minDepth(i.name) + 1))));
    this.depth.set(name, d);
    return d;
  }

  /**
   * Goal items: every craftable item, by depth (stable, so ties keep data order). Sorted once:
   * every reset reads it, and sorting all goals was most of a reset's time.
   */
  goals(): readonly string[] {
    return (this.goalList ??= [...this.itemRecipes.keys()].filter((id) => this.minDepth(id) >= 1).sort((a, b) => this.minDepth(a) - this.minDepth(b)));
  }

  /** Every recipe in the goal's crafting tree, each once, in depth-first order. */
  treeRecipes(goal: string): Recipe[] {
    const out = new Set<Recipe>();
    const walk = (name: string, path: Set<string>) => {
      if (path.has(name)) return;
      const next = new Set(path).add(name);
      for (const r of this.recipesOf(name)) {
        out.add(r);
        for (const i of r.inputs) walk(i.name, next);
      }
    };
    walk(goal, new Set());
    return [...out];
  }

  /** Recipes that use each ingredient name (AgentGym's distractor pool); built once, as goals(). */
  uses(): ReadonlyMap<string, readonly Recipe[]> {
    if (!this.usesMap) {
      const uses = new Map<string, Recipe[]>();
      for (const recipes of this.itemRecipes.values()) for (const r of recipes) for (const i of r.inputs) push(uses, i.name, r);
      this.usesMap = uses;
    }
    return this.usesMap;
  }

  /**
   * The output of crafting `output` from `inputs`, if some recipe of `output` takes exactly these
   * ingredients: each recipe ingredient matched by one input of the same count (a tag by one of its
   * members), none left over. Returns that recipe (its count is what gets crafted), else null.
   */
  match(output: string, inputs: readonly Ingredient[]): Recipe | null {
    for (const target of this.itemRecipes.get(output) ?? []) {
      const left = inputs.slice();
      const ok = target.inputs.every((want) => {
        const at = left.findIndex((have) => (want.isTag ? have.name === want.name || this.tagOfItem.get(have.name) === want.name : !have.isTag && have.name === want.name));
        if (at < 0 || left[at].count !== want.count) return false;
        left.splice(at, 1);
        return true;
      });
      if (ok && left.length === 0) return target;
    }
    return null;
  }
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
  shared ??= new CraftingTree((data as unknown as { recipes: RecipeJson[] }).recipes);
  return shared;
}
