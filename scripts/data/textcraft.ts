/**
 * TextCraft's recipes as AgentGym reads them: its 860 recipe files (vendored, in the directory
 * listing order of the machine that recorded the goldens, in agentgym/textcraft-recipes.json)
 * reduced to what CraftingTree._load_recipes takes from them, in the same order:
 *  - only "crafting_shaped" and "crafting_shapeless" files (the rest are skipped there too);
 *  - shaped: one ingredient per key, in the key's order in the file, counted over the pattern;
 *  - shapeless: ingredients merged by name in first-appearance order, counted;
 *  - an ingredient given as a list of alternatives is its first alternative;
 *  - output item and count (1 when absent), and the recipe's group, if any.
 * The env builds the crafting tree from this list (block recipes, cycles, tags, depths), so the
 * order of the list is the order AgentGym sees the files in, and with it the goal order.
 */
import { readFileSync } from 'node:fs';
import type { DataGenerator } from './index.ts';

/** [output, count, group or null, [[ingredient, count], ...]]; "#name" is a tag. No "minecraft:". */
export type CompactRecipe = [string, number, string | null, [string, number][]];

type Ref = { item: string } | { tag: string };
interface RecipeFile {
  type: string;
  group?: string;
  pattern?: string[];
  key?: Record<string, Ref | Ref[]>;
  ingredients?: (Ref | Ref[])[];
  result?: string | { item: string; count?: number };
}

const SOURCE = new URL('./agentgym/textcraft-recipes.json', import.meta.url);
const NS = 'minecraft:';

function bare(id: string): string {
  if (!id.startsWith(NS)) throw new Error(`TextCraft recipes: "${id}" is not a minecraft: id`);
  return id.slice(NS.length);
}

/** "oak_planks" for an item, "#planks" for a tag, as _load_recipes tells them apart. */
function ingredient(ref: Ref | Ref[], file: string): string {
  const one = Array.isArray(ref) ? ref[0] : ref;
  if ('item' in one) return bare(one.item);
  if ('tag' in one) return `#${bare(one.tag)}`;
  throw new Error(`TextCraft recipes: ${file}: unknown ingredient ${JSON.stringify(ref)}`);
}

function occurrences(line: string, key: string): number {
  return line.split(key).length - 1;
}

export function compactRecipe(file: string, r: RecipeFile): CompactRecipe | null {
  const inputs: [string, number][] = [];
  if (r.type === 'minecraft:crafting_shaped') {
    for (const [key, ref] of Object.entries(r.key ?? {})) {
      const count = (r.pattern ?? []).reduce((n, line) => n + occurrences(line, key), 0);
      inputs.push([ingredient(ref, file), count]);
    }
  } else if (r.type === 'minecraft:crafting_shapeless') {
    for (const ref of r.ingredients ?? []) {
      const name = ingredient(ref, file);
      const seen = inputs.find(([n]) => n === name);
      if (seen) seen[1]++;
      else inputs.push([name, 1]);
    }
  } else {
    return null;
  }
  const result = r.result;
  if (result === undefined) throw new Error(`TextCraft recipes: ${file}: no result`);
  const [out, count] = typeof result === 'string' ? [result, 1] : [result.item, result.count || 1];
  return [bare(out), count, r.group ?? null, inputs];
}

export const textcraftData: DataGenerator = () => {
  const src = JSON.parse(readFileSync(SOURCE, 'utf8')) as { source: string; files: Record<string, RecipeFile> };
  const recipes: CompactRecipe[] = [];
  for (const [file, r] of Object.entries(src.files)) {
    const recipe = compactRecipe(file, r);
    if (recipe) recipes.push(recipe);
  }
  // One recipe per line keeps diffs of the committed file readable.
  const body = recipes.map((r) => JSON.stringify(r)).join(',\n');
  return { 'textcraft-agentgym.json': `{"source":${JSON.stringify(src.source)},"recipes":[\n${body}\n]}\n` };
};
