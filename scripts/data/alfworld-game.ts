/**
 * One ALFWorld game.tw-pddl (as repacked in the shared data) -> our compact GameRecord: entities
 * named as alfworld's Demangler names them, facts as indices, the goal as one of the six shapes,
 * the walkthrough in AgentGym's 2.1.1 wording. Anything unexpected throws: a silently wrong game
 * would be worse than a failed build.
 */
import { FLAG, type GameRecord, type Goal, type ObjectRecord, type ReceptacleRecord } from '../../workers/envs/alfworld/record.ts';

/** A line of the shared files. */
export interface SourceGame {
  split: string;
  task_type: string;
  trial: string;
  walkthrough: string[];
  pddl_problem: string;
  grammar: string;
}

export type Fact = [string, ...string[]];

/** The goal shapes ALFWorld generates, whitespace-normalised; {O} object, {R} receptacle, {T} toggle type. */
const GOALS: [string, (m: Record<string, string>) => Goal][] = [
  ['(:goal (and (exists (?r - receptacle) (exists (?o - object) (and (inReceptacle ?o ?r) (objectType ?o {O}Type) (receptacleType ?r {R}Type) ) ) ) ) ) )',
    (m) => ({ kind: 'place', obj: m.O, recep: m.R, state: null })],
  ...(['clean', 'heat', 'cool'] as const).map((verb): [string, (m: Record<string, string>) => Goal] => {
    const state = ({ clean: 'isClean', heat: 'isHot', cool: 'isCool' } as const)[verb];
    return [`(:goal (and (exists (?r - receptacle) (exists (?o - object) (and (${verb}able ?o) (objectType ?o {O}Type) (receptacleType ?r {R}Type) (${state} ?o) (inReceptacle ?o ?r) ) ) ) ) ) )`,
      (m) => ({ kind: 'place', obj: m.O, recep: m.R, state })];
  }),
  ['(:goal (and (exists (?r - receptacle) (exists (?o1 - object) (and (objectType ?o1 {O}Type) (receptacleType ?r {R}Type) (inReceptacle ?o1 ?r) (exists (?o2 - object) (and (not (= ?o1 ?o2)) (objectType ?o2 {O}Type) (receptacleType ?r {R}Type) (inReceptacle ?o2 ?r) ) ) ) ) ) ) ) )',
    (m) => ({ kind: 'two', obj: m.O, recep: m.R })],
  ['(:goal (and (exists (?ot - object ?r - receptacle ?a - agent ?l - location) (and (objectType ?ot {T}Type) (toggleable ?ot) (isToggled ?ot) (receptacleAtLocation ?r ?l) (atLocation ?a ?l) (inReceptacle ?ot ?r) ) ) (exists (?o - object ?a - agent) (and (objectType ?o {O}Type) (holds ?a ?o) ) ) ) ) )',
    (m) => ({ kind: 'look', obj: m.O, toggle: m.T })],
];

const GOAL_PATTERNS = GOALS.map(([text, make]): [RegExp, (m: Record<string, string>) => Goal] => {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // A placeholder's first use captures the type, a repeat must name the same type.
  const seen = new Set<string>();
  const source = escaped.replace(/\\\{([ORT])\\\}/g, (_, k: string) => (seen.has(k) ? `\\k<${k}>` : (seen.add(k), `(?<${k}>\\w+)`)));
  return [new RegExp(`^${source}$`), make];
});

export function parseGoal(problem: string): Goal {
  const at = problem.indexOf('(:goal');
  const text = problem.slice(at).replace(/\s+/g, ' ').trim();
  for (const [re, make] of GOAL_PATTERNS) {
    const m = re.exec(text);
    if (m) return make(Object.fromEntries(Object.entries(m.groups!).map(([k, v]) => [k, stripType(v)])));
  }
  throw new Error(`Unknown goal shape: ${text.slice(0, 200)}`);
}

/** The (:init ...) facts, ids lower-cased as TextWorld's PDDL loader does (one fact a line, as written). */
export function parseFacts(problem: string): Fact[] {
  const init = problem.slice(problem.indexOf('(:init') + '(:init'.length, problem.indexOf('(:goal'));
  const facts: Fact[] = [];
  for (const raw of init.split('\n')) {
    const line = raw.trim();
    if (line === '' || line === ')') continue;
    if (!/^\([^()]+\)$/.test(line)) throw new Error(`Unexpected init line: ${line.slice(0, 80)}`);
    const [name, ...args] = line.slice(1, -1).trim().split(/\s+/);
    facts.push([name, ...args.map((a) => a.toLowerCase())]);
  }
  return facts;
}

/**
 * alfworld's Demangler: "<type> <n>", the type being the id up to the first "_bar_" (+ "basin"
 * for sink/bathtub basins); over the sorted ids of all entities, the first id of a type gets
 * the highest number.
 */
export function demangle(ids: readonly string[]): Map<string, string> {
  const sorted = [...ids].sort();
  const typeOf = (id: string) => id.split('_bar_')[0] + (id.includes('basin') ? 'basin' : '');
  const left = new Map<string, number>();
  for (const id of sorted) left.set(typeOf(id), (left.get(typeOf(id)) ?? 0) + 1);
  const names = new Map<string, string>();
  for (const id of sorted) {
    const n = left.get(typeOf(id))!;
    left.set(typeOf(id), n - 1);
    names.set(id, `${typeOf(id)} ${n}`);
  }
  return names;
}

/** The problem's (:objects ...) as id -> kind (object, receptacle, location, agent, otype, rtype). */
function declarations(problem: string): Map<string, string> {
  const section = problem.slice(problem.indexOf('(:objects'), problem.indexOf('(:init'));
  return new Map([...section.matchAll(/(\S+)\s+-\s+(\w+)/g)].map((m) => [m[1].toLowerCase(), m[2]]));
}

const UNARY_FLAGS: Record<string, number> = {
  pickupable: FLAG.pickupable,
  isreceptacleobject: FLAG.receptacleObject,
  cleanable: FLAG.cleanable,
  heatable: FLAG.heatable,
  coolable: FLAG.coolable,
  toggleable: FLAG.toggleable,
  sliceable: FLAG.sliceable,
  iscool: FLAG.isCool,
};

/** Facts the record does not need: types are kept per entity, canContain in the meta table. */
const IGNORED = new Set(['objecttype', 'receptacletype', 'receptacleatlocation', 'atlocation', 'cancontain', 'openable']);

/** Types are kept lower-case without PDDL's suffix ("sinkbasin"), as the facts' ids are. */
const stripType = (t: string) => t.toLowerCase().replace(/type$/, '');

/** `facts` are parseFacts(src.pddl_problem), parsed once by the caller. */
export function compactGame(src: SourceGame, facts: Fact[]): GameRecord {
  const grouped = new Map<string, Fact[]>();
  for (const f of facts) {
    const key = f[0].toLowerCase();
    grouped.set(key, grouped.get(key) ?? []);
    grouped.get(key)!.push(f);
  }
  const by = (name: string) => grouped.get(name) ?? [];
  const declared = declarations(src.pddl_problem);
  const ids = (kind: string) => [...declared].filter(([id, k]) => k === kind && id.includes('_bar_')).map(([id]) => id).sort();
  const recepType = new Map(by('receptacletype').map((f) => [f[1], stripType(f[2])]));
  // A few declared objects have no type (a cracked egg): never listed, but numbered with their kind.
  const objType = new Map(by('objecttype').map((f) => [f[1], stripType(f[2])]));
  const recepLoc = new Map(by('receptacleatlocation').map((f) => [f[1], f[2]]));
  const locIds = ids('location');
  const recIds = ids('receptacle');
  const objIds = ids('object');
  const names = demangle([...recIds, ...objIds, ...locIds]);
  const loc = (id: string) => {
    const i = locIds.indexOf(id);
    if (i < 0) throw new Error(`Unknown location ${id}`);
    return i;
  };
  const openable = new Set(by('openable').map((f) => f[1]));
  const receptacles: ReceptacleRecord[] = recIds.map((id) => {
    if (!recepLoc.has(id)) throw new Error(`Receptacle ${id} has no location`);
    if (!recepType.has(id)) throw new Error(`Receptacle ${id} has no type`);
    return [names.get(id)!, recepType.get(id)!, loc(recepLoc.get(id)!), openable.has(id) ? 1 : 0];
  });
  const objects: ObjectRecord[] = objIds.map((id) => [names.get(id)!, objType.get(id) ?? '', 0, [], [], []]);
  const objIndex = new Map(objIds.map((id, i) => [id, i]));
  const obj = (id: string) => {
    const i = objIndex.get(id);
    if (i === undefined) throw new Error(`Fact about unknown object ${id}`);
    return objects[i];
  };
  for (const [name, ...args] of facts) {
    const key = name.toLowerCase();
    if (key in UNARY_FLAGS) obj(args[0])[2] |= UNARY_FLAGS[key];
    else if (key === 'inreceptacle') obj(args[0])[3].push(recIds.indexOf(args[1]));
    else if (key === 'objectatlocation') obj(args[0])[4].push(loc(args[1]));
    else if (key === 'inreceptacleobject') obj(args[0])[5].push(objIndex.get(args[1])!);
    else if (!IGNORED.has(key)) throw new Error(`Unexpected initial fact ${name}`);
  }
  for (const o of objects) for (const list of [o[3], o[4], o[5]]) list.sort((a, b) => a - b);
  const starts = by('atlocation');
  if (starts.length !== 1) throw new Error('Expected one atLocation fact');
  const start = loc(starts[0][2]);
  if (receptacles.some((r) => r[2] === start)) throw new Error('The agent starts at a receptacle');
  const task = /"Your task is to: (.*)\."/.exec(src.grammar);
  if (!task) throw new Error('No task sentence in the grammar');
  return {
    task: `${src.task_type}/${src.trial}`,
    goalText: task[1],
    goal: parseGoal(src.pddl_problem),
    start,
    receptacles,
    objects,
    walkthrough: src.walkthrough.map(to211),
  };
}

/** The 2.1.3 files say "move X to Y" where AgentGym's 2.1.1 games say "put X in/on Y". */
export function to211(command: string): string {
  const m = /^move (.+) to (.+)$/.exec(command);
  return m ? `put ${m[1]} in/on ${m[2]}` : command;
}
