/**
 * ALFWorld's games -> static-data/alfworld/: one compact record per AgentGym item
 * (games/<item>.json, loaded one at a time) and meta.json (missing items, the canContain table).
 * The source is the repacked game.tw-pddl files in ../shared/data/alfworld (README there), or
 * $ALFWORLD_SRC; without them the generator writes nothing and says so.
 * Every game's text grammar is checked to be the same one (up to its task sentence), so the
 * engine's texts (workers/envs/alfworld/texts.ts) hold for all of them.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { GameRecord, MetaRecord } from '../../workers/envs/alfworld/record.ts';
import { compactGame, parseFacts, type Fact, type SourceGame } from './alfworld-game.ts';

export const ALFWORLD_SRC = process.env.ALFWORLD_SRC ?? join(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'alfworld');

/** sha256 of the grammar every game shares, its task sentence replaced by "TASK" (the 2.1.3 text). */
const GRAMMAR_SHA256 = 'c26b5b68247e86d4f38d9f6b1dd84759930880d415127641cf3084bedcbe5b0f';

/** Item ids from here on are AgentGym's test games. */
const TEST_FROM = 2420;

interface Mapping {
  item_id: number;
  task_type: string;
  task_id: string;
}

function readGames(file: string): Map<string, SourceGame> {
  const lines = gunzipSync(readFileSync(join(ALFWORLD_SRC, file))).toString('utf8').split('\n').filter(Boolean);
  return new Map(lines.map((l) => JSON.parse(l) as SourceGame).map((g) => [`${g.task_type}/${g.trial}`, g]));
}

export function grammarHash(grammar: string): string {
  return createHash('sha256').update(grammar.replace(/"Your task is to: [^"]*"/, '"TASK"')).digest('hex');
}

/** Pairs of (receptacle type, object type) in a game's canContain facts. */
function canContainPairs(facts: Fact[]): Set<string> {
  return new Set(facts.filter((f) => f[0] === 'canContain').map((f) => `${f[1].replace(/type$/, '')} ${f[2].replace(/type$/, '')}`));
}

export function alfworldData(): Record<string, string> {
  if (!existsSync(ALFWORLD_SRC)) {
    console.warn(`alfworld: no game files at ${ALFWORLD_SRC}; static-data/alfworld left as it is`);
    return {};
  }
  const mappings = (name: string) => JSON.parse(readFileSync(join(ALFWORLD_SRC, name), 'utf8')) as Mapping[];
  // AgentGym's list: the train mapping (ids 0-2419), then the test mapping (2420-2619) played
  // from json_2.1.1/valid_train.
  const sources: [Mapping[], Map<string, SourceGame>][] = [
    [mappings('mappings_train.json'), readGames('train.jsonl.gz')],
    [mappings('mappings_test.json'), readGames('valid_train.jsonl.gz')],
  ];
  const out: Record<string, string> = {};
  const missing: number[] = [];
  const pairs = new Set<string>();
  const games: [number, Fact[]][] = [];
  const training: GameRecord[] = [];
  let next = 0;
  for (const [list, byKey] of sources) {
    for (const m of list) {
      if (m.item_id !== next++) throw new Error(`Mapping ids out of order at ${m.item_id}`);
      const g = byKey.get(`${m.task_type}/${m.task_id}`);
      if (!g) {
        missing.push(m.item_id);
        continue;
      }
      const hash = grammarHash(g.grammar);
      if (hash !== GRAMMAR_SHA256) throw new Error(`Item ${m.item_id} has another text grammar (${hash})`);
      const facts = parseFacts(g.pddl_problem);
      games.push([m.item_id, facts]);
      for (const p of canContainPairs(facts)) pairs.add(p);
      const record = compactGame(g, facts);
      if (m.item_id < TEST_FROM) training.push(record);
      out[`alfworld/games/${m.item_id}.json`] = JSON.stringify(record) + '\n';
    }
  }
  const canContain: Record<string, string[]> = {};
  for (const p of [...pairs].sort()) {
    const [r, o] = p.split(' ');
    (canContain[r] ??= []).push(o);
  }
  checkCanContain(games, canContain);
  const meta: MetaRecord = { missing, canContain };
  out['alfworld/meta.json'] = JSON.stringify(meta) + '\n';
  out['alfworld/priors.json'] = JSON.stringify(searchPriors(training)) + '\n';
  return out;
}

/** The one table, restricted to a game's types, must give back exactly that game's facts. */
function checkCanContain(games: [number, Fact[]][], table: Record<string, string[]>): void {
  for (const [item, facts] of games) {
    const types = (name: string) => new Set(facts.filter((f) => f[0] === name).map((f) => f[2].replace(/type$/, '')));
    const rtypes = types('receptacleType');
    const otypes = types('objectType');
    const expected = Object.entries(table).flatMap(([r, os]) => (rtypes.has(r) ? os.filter((o) => otypes.has(o)).map((o) => `${r} ${o}`) : []));
    const actual = canContainPairs(facts);
    if (expected.length !== actual.size || expected.some((p) => !actual.has(p))) throw new Error(`Item ${item}: canContain differs from the shared table`);
  }
}

/**
 * Where each object type tends to be, learnt from the training games only (the observation-only
 * planner's search order): per object type, receptacle types by objects found per receptacle of
 * that type, most likely first.
 */
export function searchPriors(games: readonly GameRecord[]): Record<string, string[]> {
  const found = new Map<string, Map<string, number>>();
  const instances = new Map<string, number>();
  for (const g of games) {
    for (const r of g.receptacles) instances.set(r[1], (instances.get(r[1]) ?? 0) + 1);
    for (const [, type, , inside] of g.objects) {
      for (const r of inside) {
        const byRecep = found.get(type) ?? new Map<string, number>();
        found.set(type, byRecep);
        byRecep.set(g.receptacles[r][1], (byRecep.get(g.receptacles[r][1]) ?? 0) + 1);
      }
    }
  }
  const priors: Record<string, string[]> = {};
  for (const type of [...found.keys()].sort()) {
    const density = (r: string) => found.get(type)!.get(r)! / instances.get(r)!;
    priors[type] = [...found.get(type)!.keys()].sort((a, b) => density(b) - density(a) || (a < b ? -1 : 1));
  }
  return priors;
}
