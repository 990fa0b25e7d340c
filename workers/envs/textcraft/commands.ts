/**
 * The crafting commands AgentGym's TextCraft reset shows for a goal (environment.py reset and
 * crafting_tree.py create_recipe_set): the goal tree's recipes, up to 10 sampled uses of every
 * ingredient met in the tree walk (duplicates included: each draw moves the random stream), then
 * list(tree set) + sample(list(distractor set), ≤ 10), shuffled, after random.seed(42). The sets'
 * order is CPython 3.11's under PYTHONHASHSEED=0, as AgentGym's server runs.
 */
import { PyRandom } from '../python-random.ts';
import { PyStrSet } from '../python-set.ts';
import type { CraftingTree } from './crafting-tree.ts';

/** AgentGym reseeds Python's `random` with 42 on every reset. */
const SEED = 42;
/** At most this many uses sampled per ingredient, and this many distractors shown. */
const MAX_DISTRACTORS = 10;

// The list depends on the goal alone (the reseed makes every reset draw the same), so each goal's
// is worked out once per tree; a reset is then a lookup.
const cache = new WeakMap<CraftingTree, Map<string, string>>();

/** The command lines, joined by newlines, as the reset observation shows them. */
export function commandsFor(tree: CraftingTree, goal: string): string {
  let known = cache.get(tree);
  if (!known) cache.set(tree, (known = new Map()));
  let text = known.get(goal);
  if (text === undefined) {
    text = build(tree, goal).join('\n');
    known.set(goal, text);
  }
  return text;
}

function build(tree: CraftingTree, goal: string): string[] {
  const rng = new PyRandom(SEED);
  const { recipes, uses } = tree.walk(goal);
  const inTree = new PyStrSet();
  for (const r of recipes) inTree.add(r.text, r.hash);
  // Building the tree set draws nothing, so it may come first; the draws keep their order.
  const others = new PyStrSet();
  for (const users of uses) {
    for (const d of rng.sample(users, Math.min(users.length, MAX_DISTRACTORS))) {
      if (!inTree.has(d.text, d.hash)) others.add(d.text, d.hash);
    }
  }
  const shown = others.values();
  const lines = [...inTree.values(), ...rng.sample(shown, Math.min(shown.length, MAX_DISTRACTORS))];
  rng.shuffle(lines);
  return lines;
}
