/**
 * The texts of ALFWorld's 2.1.1 grammar (alfred.twl2 as AgentGym's game files carry it; every
 * game has the same one, checked by the data build), filled in as TextWorld fills them.
 */

/** TextWorld's lists: "nothing", "x", "x, and y", "x, y, and z". */
export function list(items: readonly string[]): string {
  if (items.length === 0) return 'nothing';
  if (items.length === 1) return items[0];
  return `${items.slice(0, -1).join(', ')}, and ${items[items.length - 1]}`;
}

/** Every entity's indefinite article is "a" ("a apple 1"). */
export const withArticle = (name: string) => `a ${name}`;

export const NOTHING_HAPPENS = 'Nothing happens.';

/** The intro without TextWorld's banner, its paragraphs joined by one newline, as AgentGym sends it. */
export function intro(receptacles: readonly string[], goalText: string): string {
  return `You are in the middle of a room. Looking quickly around you, you see ${list(receptacles.map(withArticle))}.\nYour task is to: ${goalText}.`;
}

/** examineReceptacle's feedback, also the rest of "go to" and "open". */
export function describeReceptacle(name: string, openable: boolean, opened: boolean, contents: readonly string[]): string {
  const seen = list(contents.map(withArticle));
  if (openable && opened) return `The ${name} is open. In it, you see ${seen}.`;
  if (openable) return `The ${name} is closed.`;
  return `On the ${name}, you see ${seen}.`;
}

/** An object's state, as examineObject's conditions read it (first match wins). */
export interface ObjectLook {
  receptacleObject: boolean;
  toggleable: boolean;
  clean: boolean;
  hot: boolean;
  cool: boolean;
  sliced: boolean;
  toggled: boolean;
  /** For a receptacle object (mug, bowl...): what its inReceptacleObject facts put in it. */
  inside: readonly string[];
}

export function examineObject(name: string, s: ObjectLook): string {
  if (s.receptacleObject) return `This is a normal ${name}. In it, you see ${list(s.inside.map(withArticle))}.`;
  const rules: [boolean, string][] = [
    [s.clean && s.hot && s.sliced, `This is a hot and clean sliced ${name}.`],
    [s.clean && s.cool && s.sliced, `This is a cool and clean sliced ${name}.`],
    [s.clean && s.sliced, `This is a clean sliced ${name}.`],
    [s.hot && s.sliced, `This is a hot sliced ${name}.`],
    [s.cool && s.sliced, `This is a cool sliced ${name}.`],
    [s.clean && s.hot, `This is a hot and clean ${name}.`],
    [s.clean && s.cool, `This is a cool and clean ${name}.`],
    [s.hot, `This is a hot ${name}.`],
    [s.clean, `This is a clean ${name}.`],
    [s.cool, `This is a cold ${name}.`],
    [s.toggleable && s.toggled, `This ${name} is on.`],
    // The grammar's "This X is off." needs a not_istoggled fact, which no action ever adds.
    [s.sliced, `This is a sliced ${name}.`],
  ];
  return rules.find(([when]) => when)?.[1] ?? `There's nothing special about ${name}.`;
}

/**
 * "look": where receptacles stand, their names (no articles) and the objects "next to it";
 * at the start spot, which holds none, the look action's own location has nothing to list.
 */
export function look(facing: readonly string[], nextTo: readonly string[]): string {
  if (facing.length === 0) return 'You are in the middle of a room. Looking quickly around you, you see nothing.';
  return `You are facing the ${list(facing)}. Next to it, you see ${list(nextTo.map(withArticle))}.`;
}

export function inventory(held: string | null): string {
  return held === null ? 'You are not carrying anything.' : `You are carrying: ${withArticle(held)}.`;
}

/**
 * The receptacle names in a reset observation, in order: with the agent at a spot holding no
 * receptacle, the commands then admissible are exactly "go to" each of them, "inventory" and
 * "look". (AgentGym's client shows that list in its first turn; our contract hands its opening
 * and the HTTP reset reply only the observation.)
 */
export function introReceptacles(observation: string): string[] {
  const m = /^You are in the middle of a room\. Looking quickly around you, you see (.*)\.\nYour task is to: /.exec(observation);
  if (!m) return [];
  return m[1].split(', ').map((s) => s.replace(/^and /, '').replace(/^a /, ''));
}

export function introActions(observation: string): string[] {
  return [...introReceptacles(observation).map((r) => `go to ${r}`), 'inventory', 'look'].sort();
}
