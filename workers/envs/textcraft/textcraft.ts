/**
 * The TextCraft game (AgentGym's agentenv-textcraft): craft a goal item from the crafting commands
 * shown, with `get N item`, `craft N item using a x, b y` and `inventory`. Texts, matching rules and
 * rewards follow AgentGym's environment.py; see index.ts for where we differ.
 */
import type { Env, StepResult, TextPicture } from '../contract.ts';
import { Rng } from '../rng.ts';
import { craftingTree, displayName, recipeText, type CraftingTree, type Ingredient } from './crafting-tree.ts';

/** AgentGym reseeds Python's random with 42 on every reset; we do the same with our Rng. */
const SEED = 42;
/** At most this many uses sampled per ingredient, and this many distractors shown. */
const MAX_DISTRACTORS = 10;

class ActionFailed extends Error {}

export class TextCraftEnv implements Env {
  private readonly tree: CraftingTree = craftingTree();
  goal = '';
  commands = '';
  private inventory = new Map<string, number>();
  private last = '';

  reset(index: number): string {
    const goals = this.tree.goals();
    this.goal = goals[index % goals.length];
    this.inventory = new Map();
    this.commands = this.buildCommands(new Rng(SEED)).join('\n');
    this.last = `Crafting commands:\n${this.commands}\n\nGoal: craft ${displayName(this.goal)}.`;
    return this.last;
  }

  /** The goal's tree recipes plus up to 10 recipes that use the same ingredients, shuffled. */
  private buildCommands(rng: Rng): string[] {
    const tree = this.tree.treeRecipes(this.goal);
    const uses = this.tree.uses();
    const inTree = new Set(tree.map(recipeText));
    const pool = new Set<string>();
    for (const r of tree) {
      for (const i of r.inputs) {
        const users = uses.get(i.name) ?? [];
        for (const u of sample(rng, users, MAX_DISTRACTORS)) {
          const text = recipeText(u);
          if (!inTree.has(text)) pool.add(text);
        }
      }
    }
    return rng.shuffle([...inTree, ...sample(rng, [...pool], MAX_DISTRACTORS)]);
  }

  step(action: string): StepResult {
    let result: StepResult;
    try {
      const [observation, made] = this.act(action);
      // Making the goal item (by crafting; it can never be got) wins.
      const won = made === this.goal;
      result = { observation, reward: won ? 1 : 0, done: won, info: { valid: true } };
    } catch (e) {
      if (!(e instanceof ActionFailed)) throw e;
      result = { observation: e.message, reward: 0, done: false, info: { valid: false } };
    }
    this.last = result.observation;
    return result;
  }

  /** The observation, and the item the action made, if any. */
  private act(action: string): [string, string | null] {
    // Python's re.match: anchored at the start only; its "." is [^\n].
    const craft = /^craft ([^\n]*) using ([^\n]*)/.exec(action);
    if (craft) return this.craft(craft[1], craft[2]);
    const get = /^get ([0-9]+) ([^\n]*)/.exec(action);
    if (get) return this.get(Number(get[1]), get[2]);
    if (action.startsWith('inventory')) return [this.describeInventory(), null];
    throw new ActionFailed(`Could not execute ${action}`);
  }

  private get(amount: number, item: string): [string, string] {
    const obj = this.parseItem(item);
    if (obj.isTag || this.tree.isCraftable(obj.name) || !this.tree.items.has(obj.name)) throw new ActionFailed(`Could not find ${item}`);
    this.add(obj.name, amount);
    return [`Got ${amount} ${item}`, obj.name];
  }

  private craft(outputText: string, inputsText: string): [string, string] {
    const m = /^([0-9]+) ([^\n]*)/.exec(outputText);
    const output = this.parseItem(m ? m[2] : outputText);
    const count = m ? Number(m[1]) : 1;
    const inputs = inputsText.split(',').map((part): Ingredient => {
      const c = /^([0-9]+) ([^\n]*)/.exec(part.trim());
      if (!c) throw new ActionFailed(`Wrong item format: ${part.trim()}`);
      return { ...this.parseItem(c[2]), count: Number(c[1]) };
    });
    if (!inputs.every((i) => !i.isTag && (this.inventory.get(i.name) ?? -1) >= i.count)) {
      throw new ActionFailed(`Could not find enough items to craft ${output.isTag ? 'None' : output.name}`);
    }
    const recipe = output.isTag ? null : this.tree.match(output.name, inputs);
    if (!recipe) throw new ActionFailed(`Could not find a valid recipe for ${pythonRepr(output, count)}`);
    for (const i of inputs) this.remove(i.name, i.count);
    this.add(recipe.output, recipe.count);
    return [`Crafted ${recipe.count} ${recipe.output}`, recipe.output];
  }

  private describeInventory(): string {
    if (this.inventory.size === 0) return 'Inventory: You are not carrying anything.';
    return `Inventory: ${[...this.inventory].map(([id, n]) => `[${displayName(id)}] (${n}) `).join('')}`;
  }

  /** "dark oak planks" -> minecraft:dark_oak_planks, a tag if the tree knows it as one. */
  private parseItem(text: string): { name: string; isTag: boolean } {
    const name = `minecraft:${text.replace(/ /g, '_')}`;
    return { name, isTag: this.tree.tags.has(name) };
  }

  private add(id: string, n: number): void {
    this.inventory.set(id, (this.inventory.get(id) ?? 0) + n);
  }

  private remove(id: string, n: number): void {
    const left = (this.inventory.get(id) ?? 0) - n;
    if (left === 0) this.inventory.delete(id);
    else this.inventory.set(id, left);
  }

  observation(): string {
    return this.last;
  }

  picture(): TextPicture {
    const lines = [...this.inventory].map(([id, n]) => `${displayName(id)} × ${n}`);
    return { kind: 'text', title: `Goal: craft ${displayName(this.goal)}`, body: lines.length ? `Inventory:\n${lines.join('\n')}` : 'Inventory: empty' };
  }

  detail(): Record<string, unknown> {
    return { goal: this.goal, commands: this.commands, inventory: Object.fromEntries(this.inventory) };
  }
}

/** Python's repr of TextCraft's ItemTagWithCount, which its "no valid recipe" message prints. */
function pythonRepr(item: { name: string; isTag: boolean }, count: number): string {
  const tag = item.isTag ? pyStr(item.name) : 'None';
  const id = item.isTag ? 'None' : pyStr(item.name);
  return `ItemTagWithCount(item_tag=ItemTag(tag=${tag}, item_id=${id}), count=${count})`;
}

function pyStr(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  return q + s.replace(/\\/g, '\\\\').replace(new RegExp(q, 'g'), `\\${q}`) + q;
}

/** k distinct items drawn at random (Python's random.sample), or all of them if fewer. */
function sample<T>(rng: Rng, items: readonly T[], k: number): T[] {
  return rng.shuffle(items).slice(0, Math.min(k, items.length));
}
