import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compactGame, demangle, parseFacts, parseGoal, to211, type SourceGame } from './alfworld-game.ts';
import { ALFWORLD_SRC } from './alfworld.ts';

describe('ALFWorld game records', () => {
  it("names entities as alfworld's Demangler: per type over sorted ids, the first gets the highest number; basins keep 'basin'", () => {
    const names = demangle(['drawer_bar__plus_01', 'drawer_bar__minus_02', 'sink_bar__plus_00_bar_sinkbasin', 'sink_bar__plus_03', 'loc_bar_1', 'drawer_bar__plus_00']);
    expect(Object.fromEntries(names)).toEqual({
      drawer_bar__minus_02: 'drawer 3',
      drawer_bar__plus_00: 'drawer 2',
      drawer_bar__plus_01: 'drawer 1',
      sink_bar__plus_00_bar_sinkbasin: 'sinkbasin 1',
      sink_bar__plus_03: 'sink 1',
      loc_bar_1: 'loc 1',
    });
  });

  it('turns 2.1.3 "move" commands into the 2.1.1 "put ... in/on" AgentGym plays', () => {
    expect(to211('move mug 2 to coffeemachine 1')).toBe('put mug 2 in/on coffeemachine 1');
    expect(to211('take mug 2 from countertop 1')).toBe('take mug 2 from countertop 1');
  });

  it('reads the goal shapes and refuses others', () => {
    const two = '(:goal (and (exists (?r - receptacle) (exists (?o1 - object) (and (objectType ?o1 BookType) (receptacleType ?r DeskType) (inReceptacle ?o1 ?r) (exists (?o2 - object) (and (not (= ?o1 ?o2)) (objectType ?o2 BookType) (receptacleType ?r DeskType) (inReceptacle ?o2 ?r) ) ) ) ) ) ) ) )';
    expect(parseGoal(`(:init )\n${two.replace(/ /g, '\n  ')}`)).toEqual({ kind: 'two', obj: 'book', recep: 'desk' });
    expect(() => parseGoal(two.replace('?o2 BookType', '?o2 PenType'))).toThrow('Unknown goal shape');
    expect(() => parseGoal('(:goal (and (isHot x)))')).toThrow('Unknown goal shape');
  });

  it('reads init facts, one a line, with ids lower-cased, and refuses lines it cannot read', () => {
    expect(parseFacts('(:init\n\n   (inReceptacle Mug_bar_1 CounterTop_bar_2)\n (opened x)\n )\n(:goal')).toEqual([
      ['inReceptacle', 'mug_bar_1', 'countertop_bar_2'],
      ['opened', 'x'],
    ]);
    expect(() => parseFacts('(:init\n (opened x) (opened y)\n)\n(:goal')).toThrow('Unexpected init line');
  });

  it.skipIf(!existsSync(ALFWORLD_SRC))('gives back the committed record of test item 2618 from its game file', () => {
    const games = gunzipSync(readFileSync(join(ALFWORLD_SRC, 'valid_train.jsonl.gz'))).toString('utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as SourceGame);
    const src = games.find((g) => g.task_type === 'pick_and_place_simple-KeyChain-None-Sofa-229' && g.trial === 'trial_T20190908_123359_988104')!;
    const committed = readFileSync(join(import.meta.dirname, '..', '..', 'static-data', 'alfworld', 'games', '2618.json'), 'utf8');
    expect(JSON.stringify(compactGame(src, parseFacts(src.pddl_problem))) + '\n').toBe(committed);
  });
});
