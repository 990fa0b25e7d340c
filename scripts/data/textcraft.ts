/**
 * TextCraft recipes from `minecraft-data` (pc/1.16.2 recipes.json + items.json), written as a compact
 * data-pack-like list: names instead of numeric ids, item tags ("#planks") and output groups rebuilt.
 *
 * minecraft-data expands every tag into one recipe per member (crafting_table has 8 recipes, one per
 * plank type) and drops groups, while AgentGym's TextCraft reads the vanilla data pack, where those
 * are tags. We rebuild them mechanically:
 *  1. Variant sets: for each output, for each recipe and each ingredient X in it, replace X by a
 *     placeholder; recipes of the same output that give the same template differ only in that slot,
 *     and the values X takes there form a variant set (e.g. the 8 planks for crafting_table).
 *  2. Each variant set is split by name rules into tags (TAG_RULES below: members ending in
 *     "_planks" -> #planks, wooden slabs -> #wooden_slabs, all wools -> #wool, the logs/woods of one
 *     wood type -> #oak_logs / #crimson_stems, of several types -> #logs, coal+charcoal -> #coals,
 *     cobblestone+blackstone -> #stone_tool_materials for tools else #stone_crafting_materials,
 *     soul sand+soil -> #soul_fire_base_blocks). Members no rule claims keep their own recipes
 *     (the dye alternatives, stick from bamboo, TNT from red sand).
 *  3. Ingredients are replaced by their tag for that output, recipes are reduced to (ingredient,
 *     count) lists in first-appearance order (row-major for shaped ones) and deduplicated.
 *  4. Output groups come from name suffixes (GROUP_SUFFIXES): "oak_planks" -> group "planks",
 *     "red_wool" -> "wool", wooden doors -> "wooden_door"...; TextCraft uses a group as the tag its
 *     output belongs to, which is how "oak planks" may stand in for "planks".
 * Known differences from the real data pack: ingredient lists (torch's [coal, charcoal]) become tags
 * or alternatives, and recipe order follows output names, not data-pack file names.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface RecipeOut {
  /** Output item name without "minecraft:". */
  out: string;
  count: number;
  /** Output group (the tag the output belongs to), when the output is part of a family. */
  group?: string;
  /** Ingredients: item name, or "#tag", with count; in first-appearance order. */
  in: [string, number][];
}

type RawRecipe = { inShape: (number | null)[][]; result: { id: number; count: number } } | { ingredients: number[]; result: { id: number; count: number } };

const VERSION = '1.16.2';

function dataDir(): string {
  const pkg = createRequire(import.meta.url).resolve('minecraft-data/package.json');
  return join(dirname(pkg), 'minecraft-data', 'data', 'pc', VERSION);
}

const TOOLS = /_(sword|shovel|pickaxe|axe|hoe)$/;
const LOGISH = /_(log|wood|stem|hyphae)$/;
const woodType = (name: string) => name.replace(/^stripped_/, '').replace(LOGISH, '');

/** A rule picks the members of a variant set it names, and returns the tag for them (or null). */
type TagRule = (members: string[], output: string, isItem: (n: string) => boolean) => { members: string[]; tag: string } | null;

const TAG_RULES: TagRule[] = [
  (s) => only(s.filter((m) => m.endsWith('_planks')), 'planks'),
  (s, _o, isItem) => only(s.filter((m) => m.endsWith('_slab') && isItem(m.replace(/_slab$/, '_planks'))), 'wooden_slabs'),
  (s) => only(s.filter((m) => m.endsWith('_wool')), 'wool'),
  (s) => {
    const logs = s.filter((m) => LOGISH.test(m));
    const types = new Set(logs.map(woodType));
    if (types.size !== 1) return only(logs, 'logs');
    const [type] = types;
    return only(logs, logs.includes(`${type}_stem`) ? `${type}_stems` : `${type}_logs`);
  },
  (s) => only(s.filter((m) => m === 'coal' || m === 'charcoal'), 'coals'),
  (s, out) => only(s.filter((m) => m === 'cobblestone' || m === 'blackstone'), TOOLS.test(out) ? 'stone_tool_materials' : 'stone_crafting_materials'),
  (s) => only(s.filter((m) => m === 'soul_sand' || m === 'soul_soil'), 'soul_fire_base_blocks'),
];

function only(members: string[], tag: string) {
  return members.length >= 2 ? { members, tag } : null;
}

/** Output name suffix -> group; `wooden` families need a wood-type prefix (one with planks). */
const GROUP_SUFFIXES: { suffix: string; group: string; wooden?: boolean }[] = [
  { suffix: '_planks', group: 'planks' },
  { suffix: '_wool', group: 'wool' },
  { suffix: '_carpet', group: 'carpet' },
  { suffix: '_bed', group: 'bed' },
  { suffix: '_banner', group: 'banner' },
  { suffix: '_stained_glass_pane', group: 'stained_glass_pane' },
  { suffix: '_stained_glass', group: 'stained_glass' },
  { suffix: '_terracotta', group: 'stained_terracotta' },
  { suffix: '_concrete_powder', group: 'concrete_powder' },
  { suffix: '_sign', group: 'sign', wooden: true },
  { suffix: '_boat', group: 'boat', wooden: true },
  { suffix: '_door', group: 'wooden_door', wooden: true },
  { suffix: '_trapdoor', group: 'wooden_trapdoor', wooden: true },
  { suffix: '_fence_gate', group: 'wooden_fence_gate', wooden: true },
  { suffix: '_fence', group: 'wooden_fence', wooden: true },
  { suffix: '_slab', group: 'wooden_slab', wooden: true },
  { suffix: '_stairs', group: 'wooden_stairs', wooden: true },
  { suffix: '_button', group: 'wooden_button', wooden: true },
  { suffix: '_pressure_plate', group: 'wooden_pressure_plate', wooden: true },
  { suffix: '_wood', group: 'bark', wooden: true },
  { suffix: '_hyphae', group: 'bark', wooden: true },
];

function groupOf(out: string, isItem: (n: string) => boolean): string | undefined {
  for (const g of GROUP_SUFFIXES) {
    if (!out.endsWith(g.suffix)) continue;
    const prefix = out.slice(0, -g.suffix.length).replace(/^stripped_/, '');
    if (g.wooden && !isItem(`${prefix}_planks`)) continue;
    return g.group;
  }
  return undefined;
}

/** Slots of a recipe as names, row-major for shaped recipes; `shaped` says whether order counts. */
function slotsOf(r: RawRecipe, name: (id: number) => string): { shaped: boolean; slots: (string | null)[] } {
  if ('inShape' in r) return { shaped: true, slots: r.inShape.flatMap((row) => [...row.map((id) => (id === null ? null : name(id))), '|']) };
  return { shaped: false, slots: r.ingredients.map(name).sort() };
}

export function buildRecipes(items: { id: number; name: string }[], raw: Record<string, RawRecipe[]>): RecipeOut[] {
  const names = new Map(items.map((i) => [i.id, i.name]));
  const name = (id: number) => {
    const n = names.get(id);
    if (!n) throw new Error(`minecraft-data: unknown item id ${id}`);
    return n;
  };
  const known = new Set(names.values());
  const isItem = (n: string) => known.has(n);
  const out: RecipeOut[] = [];
  const outputs = Object.values(raw).map((rs) => ({ output: name(rs[0].result.id), rs }));
  outputs.sort((a, b) => (a.output < b.output ? -1 : a.output > b.output ? 1 : 0));
  for (const { output, rs } of outputs) {
    const shaped = rs.map((r) => slotsOf(r, name));
    // 1. variant sets: values of X over recipes sharing the template "recipe with X as a hole".
    const variants = new Map<string, Set<string>>();
    for (const { shaped: isShaped, slots } of shaped) {
      for (const x of new Set(slots)) {
        if (x === null || x === '|') continue;
        const hole = slots.map((s) => (s === x ? '?' : s));
        const key = JSON.stringify([isShaped, isShaped ? hole : hole.sort()]);
        if (!variants.has(key)) variants.set(key, new Set());
        variants.get(key)!.add(x);
      }
    }
    // 2. tags for members of variant sets.
    const tagOf = new Map<string, string>();
    for (const set of variants.values()) {
      if (set.size < 2) continue;
      const members = [...set];
      for (const rule of TAG_RULES) {
        const hit = rule(members, output, isItem);
        if (hit) for (const m of hit.members) tagOf.set(m, `#${hit.tag}`);
      }
    }
    // 3. rewrite, count, dedupe.
    const seen = new Set<string>();
    const group = groupOf(output, isItem);
    rs.forEach((r, i) => {
      const counts = new Map<string, number>();
      for (const s of shaped[i].slots) {
        if (s === null || s === '|') continue;
        const ing = tagOf.get(s) ?? s;
        counts.set(ing, (counts.get(ing) ?? 0) + 1);
      }
      const recipe: RecipeOut = { out: output, count: r.result.count, ...(group ? { group } : {}), in: [...counts] };
      const key = JSON.stringify(recipe);
      if (seen.has(key)) return;
      seen.add(key);
      out.push(recipe);
    });
  }
  return out;
}

export function textcraftData(): Record<string, string> {
  const dir = dataDir();
  const items = JSON.parse(readFileSync(join(dir, 'items.json'), 'utf8')) as { id: number; name: string }[];
  const raw = JSON.parse(readFileSync(join(dir, 'recipes.json'), 'utf8')) as Record<string, RawRecipe[]>;
  const recipes = buildRecipes(items, raw);
  // One recipe per line keeps diffs of the committed file readable.
  const body = recipes.map((r) => JSON.stringify(r)).join(',\n');
  return { 'textcraft-recipes.json': `{"source":"minecraft-data pc/${VERSION}","recipes":[\n${body}\n]}\n` };
}
