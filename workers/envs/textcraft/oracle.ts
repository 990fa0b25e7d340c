/**
 * TextCraft oracle that knows only what the agent is told: the crafting commands, the goal and the
 * env's replies. It plans recursively: an ingredient some command makes is crafted (inputs first,
 * one batch per command), anything else is got. A "get" the env refuses means the name is a generic
 * tag ("planks"): the oracle then uses a command output whose name ends with it ("oak planks") and
 * plans again. It keeps its own inventory from the replies ("Got N x", "Crafted N minecraft:x").
 */

interface Command {
  out: string;
  count: number;
  inputs: { name: string; count: number }[];
}

/** A planned action and its effect on the inventory once the env confirms it. */
interface Planned {
  action: string;
  effect: [string, number][];
}

const COMMAND = /^craft (\d+) (.+?) using (.+)$/;

export class TextCraftOracle {
  private commands: Command[] = [];
  private goal = '';
  private readonly inventory = new Map<string, number>();
  /** Names the env would not give: generic tags, resolved to a specific command output. */
  private readonly tags = new Set<string>();
  private plan: Planned[] = [];
  private pending: Planned | null = null;

  next(observation: string): string {
    if (observation.startsWith('Crafting commands:')) this.read(observation);
    else this.learn(observation);
    if (this.plan.length === 0) this.replan();
    this.pending = this.plan.shift()!;
    return this.pending.action;
  }

  private read(observation: string): void {
    const goal = /\n\nGoal: craft (.+)\.$/.exec(observation);
    if (!goal) throw new Error(`TextCraft oracle cannot read: ${observation}`);
    this.goal = goal[1];
    this.commands = observation
      .slice('Crafting commands:\n'.length, goal.index)
      .split('\n')
      .map((line) => {
        const m = COMMAND.exec(line);
        if (!m) throw new Error(`TextCraft oracle cannot read command: ${line}`);
        const inputs = m[3].split(', ').map((part) => {
          const [, n, name] = /^(\d+) (.+)$/.exec(part)!;
          return { name, count: Number(n) };
        });
        return { out: m[2], count: Number(m[1]), inputs };
      });
  }

  /** Update the inventory from the reply to the last action, or give up the plan if it failed. */
  private learn(observation: string): void {
    const action = this.pending?.action ?? '';
    if (/^(Got|Crafted) /.test(observation)) {
      for (const [item, delta] of this.pending?.effect ?? []) this.add(this.inventory, item, delta);
      return;
    }
    const refused = /^get \d+ (.+)$/.exec(action);
    if (refused && observation === `Could not find ${refused[1]}`) {
      this.tags.add(refused[1]);
      this.plan = [];
      return;
    }
    throw new Error(`TextCraft oracle: "${action}" failed: ${observation}`);
  }

  private replan(): void {
    const inv = new Map(this.inventory);
    this.plan = [];
    this.need(this.goal, 1, inv, new Set());
  }

  /** Plan steps so that `n` of `name` are at hand, and set them aside in the virtual inventory. */
  private need(name: string, n: number, inv: Map<string, number>, making: Set<string>): void {
    const have = inv.get(name) ?? 0;
    if (have < n) this.produce(name, n - have, inv, making);
    inv.set(name, (inv.get(name) ?? 0) - n);
  }

  private produce(name: string, missing: number, inv: Map<string, number>, making: Set<string>): void {
    const recipe = this.commands.find((c) => c.out === name && c.inputs.every((i) => !making.has(this.resolve(i.name, inv))));
    if (!recipe) {
      this.plan.push({ action: `get ${missing} ${name}`, effect: [[name, missing]] });
      this.add(inv, name, missing);
      return;
    }
    const batches = Math.ceil(missing / recipe.count);
    const inner = new Set(making).add(name);
    const inputs = recipe.inputs.map((i) => ({ name: this.resolve(i.name, inv), count: i.count }));
    // `need` sets the inputs aside in `inv`, so there crafting only adds the output.
    for (const i of inputs) this.need(i.name, i.count * batches, inv, inner);
    const action = `craft ${recipe.count} ${name} using ${inputs.map((i) => `${i.count} ${i.name}`).join(', ')}`;
    const effect: [string, number][] = [...inputs.map((i): [string, number] => [i.name, -i.count]), [name, recipe.count]];
    for (let b = 0; b < batches; b++) this.plan.push({ action, effect });
    this.add(inv, name, recipe.count * batches);
  }

  /** A generic tag the env refused becomes the command output named after it, preferring one at hand. */
  private resolve(name: string, inv: Map<string, number>): string {
    if (!this.tags.has(name)) return name;
    const members = this.commands.map((c) => c.out).filter((out) => out.endsWith(` ${name}`));
    if (members.length === 0) throw new Error(`TextCraft oracle: nothing stands in for "${name}"`);
    return members.find((m) => (inv.get(m) ?? 0) > 0) ?? members.sort()[0];
  }

  private add(inv: Map<string, number>, name: string, n: number): void {
    const left = (inv.get(name) ?? 0) + n;
    if (left === 0) inv.delete(name);
    else inv.set(name, left);
  }
}
