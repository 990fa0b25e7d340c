/**
 * ScienceWorld's input parser (input/InputParser.scala): the input is lower-cased, stop words
 * (a, an, the) dropped, then every action's trigger pattern is matched by string prefixes against
 * verb phrases and object referents (with "in/on <container>" forms); one match runs, several ask
 * for a number, none gives "No known action matches that input.".
 */
import { connectsTo, referents } from './describe.ts';
import type { SwObject } from './objects.ts';

type Expr = { or: string[] } | { id: string };
export interface ActionDef {
  name: string;
  pattern: Expr[];
}

const or = (...words: string[]): Expr => ({ or: words });
const id = (name: string): Expr => ({ id: name });

/** Actions in ActionDefinitions order (sorted by their ids). */
export const ACTIONS: ActionDef[] = [
  { name: 'open door', pattern: [or('open'), id('door')] },
  { name: 'close door', pattern: [or('close'), id('door')] },
  { name: 'move through door', pattern: [or('go', 'go through', 'walk through', 'move through', 'go to', 'walk to', 'move to', 'go into', 'move into'), id('doorOrLocation')] },
  { name: 'look around', pattern: [or('look around', 'look')] },
  { name: 'look at', pattern: [or('look at', 'look on', 'examine'), id('obj')] },
  { name: 'look in', pattern: [or('look in'), id('obj')] },
  { name: 'activate', pattern: [or('activate', 'turn on'), id('device')] },
  { name: 'deactivate', pattern: [or('deactivate', 'turn off'), id('device')] },
  { name: 'eat', pattern: [or('eat', 'consume'), id('food')] },
  { name: 'move object', pattern: [or('move', 'put'), id('obj'), or('to', 'in', 'into', 'on'), id('moveTo')] },
  { name: 'pour object', pattern: [or('pour'), id('obj'), or('in', 'into', 'on', 'to'), id('moveTo')] },
  { name: 'dunk object', pattern: [or('dunk'), id('moveTo'), or('in', 'into'), id('moveFrom')] },
  { name: 'focus on', pattern: [or('focus on', 'focus'), id('obj')] },
  { name: 'reset task', pattern: [or('reset task')] },
  { name: 'use object', pattern: [or('use'), id('device'), or('on', 'with'), id('patient')] },
  { name: 'read', pattern: [or('read'), id('document')] },
  { name: 'flush', pattern: [or('flush'), id('device')] },
  { name: 'connect electrically', pattern: [or('connect'), id('terminalA'), or('to', 'in', 'into'), id('terminalB')] },
  { name: 'disconnect electrically', pattern: [or('disconnect'), id('obj')] },
  { name: 'wait1', pattern: [or('wait1')] },
  { name: 'wait10', pattern: [or('wait')] },
  { name: 'view inventory', pattern: [or('inventory')] },
  { name: 'pick up', pattern: [or('pick up', 'get', 'take'), id('obj')] },
  { name: 'put down', pattern: [or('put down', 'drop'), id('obj')] },
  { name: 'mix', pattern: [or('mix', 'stir'), id('container')] },
  { name: 'task', pattern: [or('task')] },
];

/** The "help" listing: each registered action's first phrasing, objects as OBJ, sorted. */
export function helpText(): string {
  const examples = ACTIONS.map((a) => a.pattern.map((e) => ('or' in e ? e.or[0] : 'OBJ')).join(' ')).sort();
  return `Possible actions: \n\t${examples.join('\n\t')}`;
}

const STOP = new Set(['a', 'an', 'the']);
export const tokenize = (s: string) => s.trim().replace(/\s+/g, ' ').split(' ').filter((t) => !STOP.has(t));

/** tokenize, joined: how the parser compares the input and referents. Kept: the same referents come back every step. */
const joinedTokens = new Map<string, string>();
function normalize(s: string): string {
  let t = joinedTokens.get(s);
  if (t === undefined) {
    if (joinedTokens.size >= 20_000) joinedTokens.clear();
    t = tokenize(s).join(' ');
    joinedTokens.set(s, t);
  }
  return t;
}

export interface Match {
  action: ActionDef;
  vars: Map<string, SwObject>;
}

/**
 * getReferentsWithContainers, tokenized as the parser compares them, keeping only those found in
 * `text`: the parser only compares referents with pieces of the input, so the others never match
 * (the order is kept, so matches and ambiguity prompts come out the same). `refsOf` caches
 * getReferents for the parse (a container's are asked for by each thing in it).
 */
function objectReferents(obj: SwObject, perspective: SwObject, text: string, refsOf: (o: SwObject) => string[]): string[] {
  const base = obj.portal ? portalReferents(obj, perspective) : refsOf(obj);
  // Tokenized, in order, each once (a repeat would only repeat matches).
  const refs = new Set<string>();
  const keep = (ref: string) => {
    if (ref.length <= 1) return;
    const t = normalize(ref);
    if (text.includes(t)) refs.add(t);
  };
  for (const ref of base) {
    if (ref.trim().length === 0) continue;
    const lower = ref.toLowerCase();
    // The ref's forms with its container ("<ref> in/on <container ref>") tokenize to the ref's tokens then "in"/"on".
    const head = normalize(lower);
    if (head && !text.includes(head)) continue;
    keep(lower);
    if (!obj.container || (head && !text.includes(`${head} in`) && !text.includes(`${head} on`))) continue;
    for (const cref of refsOf(obj.container)) {
      keep(`${ref} in ${cref}`.toLowerCase());
      keep(`${ref} on ${cref}`.toLowerCase());
    }
  }
  return [...refs];
}

function portalReferents(p: SwObject, perspective: SwObject): string[] {
  if (p.kind === 'drain') {
    const from = p.portal!.from;
    return [p.name, `${from.name} ${p.name}`];
  }
  const to = connectsTo(p, perspective);
  if (to) return [p.name, `${p.name} to ${to.name}`, `${to.name} ${p.name}`];
  return [p.name, `${p.name} from ${p.portal!.from.name} to ${p.portal!.to.name}`, `${p.name} from ${p.portal!.to.name} to ${p.portal!.from.name}`];
}

/**
 * collectAccessibleObjects(includeHidden = true): the root, its portals and where they lead,
 * open-container contents. Without `terminals`, the hidden terminals not made yet are left out (for
 * an input that can't name them: parseInput drops them).
 */
export function accessibleObjects(root: SwObject, terminals: boolean): SwObject[] {
  const out = new Set<SwObject>([root]);
  for (const p of root.portalList()) {
    out.add(p);
    const to = connectsTo(p, root);
    if (to) out.add(to);
  }
  const walk = (o: SwObject) => {
    for (const c of terminals ? o.contents : o.madeContents) {
      out.add(c);
      // Each thing's electrical terminals can be named too (getContainedAccessibleObjects adds them).
      for (const t of (terminals ? c.terminals : c.madeTerminals()) ?? []) out.add(t);
      if (c.containerProp?.isOpen) walk(c);
    }
    for (const p of o.portalList()) out.add(p);
  };
  walk(root);
  return [...out];
}

export function parseInput(input: string, objects: SwObject[], perspective: SwObject): Match[] {
  const text = normalize(input.toLowerCase());
  // Every referent of a terminal holds its name ("terminal 1", "anode"): skip the terminals the input can't name.
  const sorted = objects.filter((o) => o.kind !== 'terminal' || text.includes(o.name)).sort((a, b) => a.uuid - b.uuid);
  // Referents are worked out only once an action's verb has matched (most inputs name no object).
  const baseRefs = new Map<SwObject, string[]>();
  const baseOf = (o: SwObject) => baseRefs.get(o) ?? baseRefs.set(o, referents(o)).get(o)!;
  const cache = new Map<SwObject, string[]>();
  const refsOf = (o: SwObject) => cache.get(o) ?? cache.set(o, objectReferents(o, perspective, text, baseOf)).get(o)!;
  const matches: Match[] = [];
  for (const action of ACTIONS) {
    const found: SwObject[][] = [];
    const walk = (rest: string, i: number, sofar: SwObject[]) => {
      if (i === action.pattern.length) {
        if (rest.trim().length === 0) found.push(sofar);
        return;
      }
      const e = action.pattern[i];
      if ('or' in e) {
        for (const w of e.or) if (rest.startsWith(w)) walk(rest.slice(w.length).trim(), i + 1, sofar);
      } else {
        for (const o of sorted) for (const r of refsOf(o)) if (rest.startsWith(r)) walk(rest.slice(r.length).trim(), i + 1, [...sofar, o]);
      }
    };
    walk(text, 0, []);
    if (found.length === 0) continue;
    const unique: SwObject[][] = [];
    for (const f of found) if (!unique.some((u) => u.length === f.length && u.every((x, k) => x === f[k]))) unique.push(f);
    const ids = action.pattern.filter((e): e is { id: string } => 'id' in e).map((e) => e.id);
    for (const u of unique) matches.push({ action, vars: new Map(ids.map((n, k) => [n, u[k]])) });
  }
  return matches;
}

/** The numbered choices of an ambiguous input (InputParser.mkAmbiguousMessage). */
export function ambiguityMessage(matches: Match[], agentRoom: SwObject): { text: string; ordered: Match[] } {
  const names = [...new Set(matches.map((m) => m.action.name))].sort();
  const ordered = names.flatMap((n) => matches.filter((m) => m.action.name === n));
  let text = '';
  if (names.length > 1) {
    text += `Ambiguous request: Multiple different possible actions were matched to this input (${names.join(', ')}). It's possible the action space needs to be refined to remove possible duplicate/ambiguous patterns.`;
  }
  text += 'Ambiguous request: Please enter the number for the action you intended (or blank to cancel):\n';
  ordered.forEach((m, i) => {
    text += `${i}:\t${clarify(m, agentRoom)}\n`;
  });
  return { text, ordered };
}

function clarify(m: Match, agentRoom: SwObject): string {
  return m.action.pattern
    .map((e) => {
      if ('or' in e) return e.or[0];
      const obj = m.vars.get(e.id)!;
      const where: string[] = [];
      for (let c = obj.container; c; c = c.container) {
        where.push(`in ${c.name}`);
        if (c === agentRoom) break;
      }
      return where.length ? `${obj.descriptName()} (${where.join(', ')})` : obj.descriptName();
    })
    .join(' ');
}
