/**
 * The TextCraft game as AgentGym's agentenv-textcraft plays it: craft a goal item from the crafting
 * commands shown, with `get N item`, `craft N item using a x, b y` and `inventory`. Texts, matching
 * rules and rewards follow its environment.py; the reset's command list is commands.ts. See index.ts
 * for what that implies.
 */
import type { Env, StepResult, TextPicture } from '../contract.ts';
import { pyReprStr } from '../python-str.ts';
import { commandsFor } from './commands.ts';
import { craftingTree, displayName, type CraftingTree, type Ingredient, type Recipe } from './crafting-tree.ts';

class ActionFailed extends Error {}

interface ItemTag {
  name: string;
  isTag: boolean;
}

export class TextCraftEnv implements Env {
  private readonly tree: CraftingTree = craftingTree();
  goal = '';
  commands = '';
  /** Counts are Python ints in AgentGym: "get 99999999999999999999 dirt" must echo exactly. */
  private inventory = new Map<string, bigint>();
  private last = '';

  reset(index: number): string {
    const goals = this.tree.goals();
    // Python's modulo: the index wraps around (544 is item 0 again).
    this.goal = goals[((index % goals.length) + goals.length) % goals.length];
    this.inventory = new Map();
    this.commands = commandsFor(this.tree, this.goal);
    this.last = `Crafting commands:\n${this.commands}\n\nGoal: craft ${displayName(this.goal)}.`;
    return this.last;
  }

  step(action: string): StepResult {
    let result: StepResult;
    try {
      const [observation, made] = this.act(action);
      const won = made === this.goal;
      result = { observation, reward: won ? 1 : 0, done: won, info: { valid: true } };
    } catch (e) {
      if (!(e instanceof ActionFailed)) throw e;
      result = { observation: e.message, reward: 0, done: false, info: { valid: false } };
    }
    this.last = result.observation;
    return result;
  }

  /** The observation, and the item the action made or got, if any. */
  private act(action: string): [string, string | null] {
    // Python's re.match: anchored at the start only; its "." is [^\n].
    const craft = /^craft ([^\n]*) using ([^\n]*)/.exec(action);
    if (craft) return this.craft(craft[1], craft[2]);
    const get = /^get ([0-9]+) ([^\n]*)/.exec(action);
    if (get) return this.get(BigInt(get[1]), get[2]);
    if (action.startsWith('inventory')) return [this.describeInventory(), null];
    throw new ActionFailed(`Could not execute ${action}`);
  }

  private get(amount: bigint, item: string): [string, string] {
    const obj = this.parseItem(item);
    if (obj.isTag || this.tree.isCraftable(obj.name) || !this.tree.items.has(obj.name)) throw new ActionFailed(`Could not find ${item}`);
    this.add(obj.name, amount);
    return [`Got ${amount} ${item}`, obj.name];
  }

  private craft(outputText: string, inputsText: string): [string, string] {
    const m = /^([0-9]+) ([^\n]*)/.exec(outputText);
    const output = this.parseItem(m ? m[2] : outputText);
    const count = m ? BigInt(m[1]) : 1n;
    const inputs = inputsText.split(',').map((part): ItemTag & { count: bigint } => {
      const c = /^([0-9]+) ([^\n]*)/.exec(pyStrip(part));
      if (!c) throw new ActionFailed(`Wrong item format: ${pyStrip(part)}`);
      return { ...this.parseItem(c[2]), count: BigInt(c[1]) };
    });
    // A tag in the inventory check stands for Python's None item id, which is never carried.
    if (!inputs.every((i) => !i.isTag && (this.inventory.get(i.name) ?? -1n) >= i.count)) {
      throw new ActionFailed(`Could not find enough items to craft ${output.isTag ? 'None' : output.name}`);
    }
    const made = output.isTag ? null : this.match(output.name, inputs);
    if (!made) throw new ActionFailed(`Could not find a valid recipe for ${pythonRepr(output, count)}`);
    for (const i of inputs) this.remove(i.name, i.count);
    this.add(made.output, BigInt(made.count));
    return [`Crafted ${made.count} ${made.output}`, made.output];
  }

  /**
   * CraftingTree.craft: the first recipe of the output item whose every ingredient is met by the
   * first input that fits it, at exactly its count, with no input left over. Returns that recipe.
   */
  private match(output: string, inputs: readonly (ItemTag & { count: bigint })[]): Recipe | null {
    for (const target of this.tree.itemRecipes.get(output) ?? []) {
      const left = inputs.slice();
      const ok = target.inputs.every((want) => {
        const at = left.findIndex((have) => this.fits(want, have));
        if (at < 0 || left[at].count !== BigInt(want.count)) return false;
        left.splice(at, 1);
        return true;
      });
      if (ok && left.length === 0) return target;
    }
    return null;
  }

  /** find_matching_item's test: the same item, or for a tag the same tag or one of its members. */
  private fits(want: Ingredient, have: ItemTag): boolean {
    if (!want.isTag) return !have.isTag && have.name === want.name;
    return have.isTag ? have.name === want.name : this.tree.tagOfItem.get(have.name) === want.name;
  }

  private describeInventory(): string {
    if (this.inventory.size === 0) return 'Inventory: You are not carrying anything.';
    return `Inventory: ${[...this.inventory].map(([id, n]) => `[${displayName(id)}] (${n}) `).join('')}`;
  }

  /** "dark oak planks" -> minecraft:dark_oak_planks, a tag if the tree knows it as one. */
  private parseItem(text: string): ItemTag {
    const name = `minecraft:${text.replace(/ /g, '_')}`;
    return { name, isTag: this.tree.tags.has(name) };
  }

  private add(id: string, n: bigint): void {
    this.inventory.set(id, (this.inventory.get(id) ?? 0n) + n);
  }

  /** As AgentGym: an entry goes when it reaches exactly 0. */
  private remove(id: string, n: bigint): void {
    const left = (this.inventory.get(id) ?? 0n) - n;
    if (left === 0n) this.inventory.delete(id);
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
    return { goal: this.goal, commands: this.commands, inventory: Object.fromEntries([...this.inventory].map(([id, n]) => [id, n.toString()])) };
  }
}

/** Python's str.isspace() characters (JavaScript's \s differs: it has U+FEFF, lacks \x1c-\x1f and \x85). */
const PY_SPACE = '[\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const PY_STRIP = new RegExp(`^${PY_SPACE}+|${PY_SPACE}+$`, 'g');

/** Python's str.strip() with no argument. */
function pyStrip(s: string): string {
  return s.replace(PY_STRIP, '');
}

/** Python's repr of TextCraft's ItemTagWithCount, which its "no valid recipe" message prints. */
function pythonRepr(item: ItemTag, count: bigint): string {
  const tag = item.isTag ? pyReprStr(item.name) : 'None';
  const id = item.isTag ? 'None' : pyReprStr(item.name);
  return `ItemTagWithCount(item_tag=ItemTag(tag=${tag}, item_id=${id}), count=${count})`;
}
