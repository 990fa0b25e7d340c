/**
 * The 40 BabyAI levels AgentGym serves, in AgentGym's order (its `all_levels`, 1-based there),
 * each ported from MiniGrid v2.4.0's level of that name with the registered options, making the
 * same numpy draws in the same order (minigrid/envs/babyai/*.py, core/levelgen.py).
 */
import { desc, findMatching, OBJ_TYPES, OBJ_TYPES_NOT_DOOR, LOC_NAMES, type Instr, type ObjDesc } from './instrs.ts';
import { RejectSampling, RoomGrid, boxOf, posInside, type Room } from './roomgrid.ts';
import { COLOR_NAMES, posOf, type Color, type ObjType } from './world.ts';

/**
 * What a MiniGrid level object keeps between generation attempts and between resets (Python
 * instance attributes): LevelGen's `locked_room` and PutNext's `obj_a`.
 */
export interface LevelState {
  lockedRoom: Room | null;
  /** The object PutNext…Carrying hands the agent at reset, or -1. */
  carry: number;
}

export interface Level {
  name: string;
  roomSize: number;
  rows: number;
  cols: number;
  /** A fixed step budget; without it the budget follows the instruction (RoomGridLevel). */
  maxSteps?: number;
  /** gen_mission: build the layout and the instruction; may throw RejectSampling to start over. */
  gen(g: RoomGrid, state: LevelState): Instr;
  /** LevelGen's `unblocking`: validation then rejects instructions about keys of locked doors. */
  unblocking?: boolean;
}

const goto = (d: ObjDesc): Instr => ({ kind: 'goto', desc: d });
const open = (d: ObjDesc, strict = false): Instr => ({ kind: 'open', desc: d, strict });
const pickup = (d: ObjDesc, strict = false): Instr => ({ kind: 'pickup', desc: d, strict, preCarrying: -1 });
const putnext = (m: ObjDesc, f: ObjDesc): Instr => ({ kind: 'putnext', move: m, fixed: f, preCarrying: -1 });
const seq = (kind: 'before' | 'after' | 'and', a: Instr, b: Instr): Instr => ({ kind, a, b, aDone: false, bDone: false });

function descOf(g: RoomGrid, id: number): ObjDesc {
  const o = g.w.objs[id];
  return desc(o.type, o.color);
}

function level(name: string, roomSize: number, rows: number, cols: number, gen: Level['gen'], maxSteps?: number): Level {
  return { name, roomSize, rows, cols, gen, maxSteps };
}

/** GoToRedBall family: one room of 8, a red ball and `numDists` distractors (greyed in Grey). */
function goToRedBall(name: string, numDists: number, grey: boolean): Level {
  return level(name, 8, 1, 1, (g) => {
    g.placeAgent();
    const ball = g.addObject(0, 0, 'ball', 'red');
    for (const d of g.addDistractors(null, null, numDists, false)) if (grey) g.w.objs[d].color = 'grey';
    g.checkObjsReachable();
    return goto(descOf(g, ball));
  });
}

/**
 * MiniGrid compares room indices with `is`: a numpy integer is never the same object as another
 * integer, so GoToImpUnlock and Unlock may put the key in the locked room and give the locked
 * room distractors too. We reproduce that, not the intent.
 */
function lockedDoorAndKey(g: RoomGrid): { door: number; i: number; j: number } {
  const i = g.randInt(0, g.numCols), j = g.randInt(0, g.numRows);
  const door = g.addDoor(i, j, undefined, undefined, true);
  const ik = g.randInt(0, g.numCols), jk = g.randInt(0, g.numRows);
  g.addObject(ik, jk, 'key', g.w.objs[door].color);
  return { door, i, j };
}

function distractorsEverywhere(g: RoomGrid, n: number): void {
  for (let i = 0; i < g.numCols; i++) for (let j = 0; j < g.numRows; j++) g.addDistractors(i, j, n, false);
}

/** GoTo/Open/Pickup's maze: agent, doors joining every room, `n` distractors, all reachable. */
function connectedWithDistractors(g: RoomGrid, n: number): number[] {
  g.placeAgent();
  g.connectAll();
  const objs = g.addDistractors(null, null, n, false);
  g.checkObjsReachable();
  return objs;
}

function placeAgentOutside(g: RoomGrid, room: Room | null): void {
  do g.placeAgent(); while (g.roomFromPos(g.w.agent[0], g.w.agent[1]) === room);
}

/** Options of BabyAI's LevelGen (random instructions over a maze of rooms). */
interface GenOpts {
  roomSize: number;
  rows: number;
  cols: number;
  numDists: number;
  lockedRoomProb: number;
  locations: boolean;
  unblocking: boolean;
  implicitUnlock: boolean;
  actionKinds: readonly ('goto' | 'pickup' | 'open' | 'putnext')[];
  instrKinds: readonly ('action' | 'and' | 'seq')[];
}

const GEN_DEFAULTS: GenOpts = {
  roomSize: 8, rows: 3, cols: 3, numDists: 18, lockedRoomProb: 0.5, locations: true, unblocking: true, implicitUnlock: true,
  actionKinds: ['goto', 'pickup', 'open', 'putnext'], instrKinds: ['action', 'and', 'seq'],
};

function levelGen(name: string, over: Partial<GenOpts>): Level {
  const o = { ...GEN_DEFAULTS, ...over };
  const addLockedRoom = (g: RoomGrid, state: LevelState): void => {
    let door: number;
    for (;;) {
      const i = g.randInt(0, g.numCols), j = g.randInt(0, g.numRows), k = g.randInt(0, 4);
      state.lockedRoom = g.room(i, j);
      if (!state.lockedRoom.neighbors[k]) continue;
      door = g.addDoor(i, j, k, undefined, true);
      break;
    }
    for (;;) {
      const i = g.randInt(0, g.numCols), j = g.randInt(0, g.numRows);
      if (g.room(i, j) === state.lockedRoom) continue;
      g.addObject(i, j, 'key', g.w.objs[door].color);
      break;
    }
  };
  const randObj = (g: RoomGrid, state: LevelState, types: readonly ObjType[] = OBJ_TYPES): ObjDesc => {
    const agentRoom = g.roomFromPos(g.w.agent[0], g.w.agent[1]);
    for (let tries = 0; ; tries++) {
      if (tries > 100) throw new RejectSampling('failed to find suitable object');
      const color = g.randElem<Color | null>([null, ...COLOR_NAMES]);
      const type = g.randElem(types);
      const loc = o.locations && g.randBool() ? g.randElem(LOC_NAMES) : null;
      const d = desc(type, color, loc);
      findMatching(g.w, d, boxOf(agentRoom));
      if (d.objSet.length === 0) continue;
      // Checked against whatever room was locked last, even one of an earlier, rejected layout.
      const locked = state.lockedRoom;
      if (!o.implicitUnlock && locked && d.objPoss.every(([x, y]) => posInside(locked, x, y))) continue;
      return d;
    }
  };
  const randInstr = (g: RoomGrid, state: LevelState, kinds: readonly ('action' | 'and' | 'seq')[]): Instr => {
    const kind = g.randElem(kinds);
    if (kind === 'action') {
      const action = g.randElem(o.actionKinds);
      if (action === 'goto') return goto(randObj(g, state));
      if (action === 'pickup') return pickup(randObj(g, state, OBJ_TYPES_NOT_DOOR));
      if (action === 'open') return open(randObj(g, state, ['door']));
      return putnext(randObj(g, state, OBJ_TYPES_NOT_DOOR), randObj(g, state));
    }
    if (kind === 'and') return seq('and', randInstr(g, state, ['action']), randInstr(g, state, ['action']));
    const a = randInstr(g, state, ['action', 'and']);
    const b = randInstr(g, state, ['action', 'and']);
    return seq(g.randElem(['before', 'after'] as const), a, b);
  };
  return {
    name, roomSize: o.roomSize, rows: o.rows, cols: o.cols, unblocking: o.unblocking,
    gen(g, state) {
      // The draw happens even when the probability is 0.
      if (g.rng.uniform(0, 1) < o.lockedRoomProb) addLockedRoom(g, state);
      g.connectAll();
      g.addDistractors(null, null, o.numDists, false);
      placeAgentOutside(g, state.lockedRoom);
      if (!o.unblocking) g.checkObjsReachable();
      return randInstr(g, state, o.instrKinds);
    },
  };
}

export const LEVELS: readonly Level[] = [
  goToRedBall('BabyAI-GoToRedBallGrey-v0', 7, true),
  goToRedBall('BabyAI-GoToRedBall-v0', 7, false),
  goToRedBall('BabyAI-GoToRedBallNoDists-v0', 0, false),
  // MiniGrid 2.4.0 registers only GoToObjS6-v1, so AgentGym's server cannot reset this level
  // ("Environment version v0 for `BabyAI-GoToObjS6` is deprecated"). We serve the -v0 that
  // MiniGrid <= 2.3.1 registered (and AgentGym was built against): GoToObj with room_size 4.
  level('BabyAI-GoToObjS6-v0', 4, 1, 1, (g) => {
    g.placeAgent();
    const [obj] = g.addDistractors(null, null, 1);
    return goto(descOf(g, obj));
  }),
  level('BabyAI-GoToLocalS8N7-v0', 8, 1, 1, (g) => {
    g.placeAgent();
    const objs = g.addDistractors(null, null, 7, false);
    g.checkObjsReachable();
    return goto(descOf(g, g.randElem(objs)));
  }),
  level('BabyAI-GoToObjMazeS7-v0', 7, 3, 3, (g) => goto(descOf(g, g.randElem(connectedWithDistractors(g, 1))))),
  level('BabyAI-GoToImpUnlock-v0', 8, 3, 3, (g) => {
    const { i, j } = lockedDoorAndKey(g);
    g.connectAll();
    distractorsEverywhere(g, 2);
    placeAgentOutside(g, g.room(i, j));
    g.checkObjsReachable();
    const [obj] = g.addDistractors(i, j, 1, false);
    return goto(descOf(g, obj));
  }),
  levelGen('BabyAI-GoToSeqS5R2-v0', { roomSize: 5, rows: 2, cols: 2, numDists: 4, actionKinds: ['goto'], lockedRoomProb: 0, locations: false, unblocking: false }),
  level('BabyAI-GoToRedBlueBall-v0', 8, 1, 1, (g) => {
    g.placeAgent();
    for (const d of g.addDistractors(null, null, 7, false)) {
      const o = g.w.objs[d];
      if (o.type === 'ball' && (o.color === 'blue' || o.color === 'red')) throw new RejectSampling('can only have one blue or red ball');
    }
    const ball = g.addObject(0, 0, 'ball', g.randElem<Color>(['red', 'blue']));
    g.checkObjsReachable();
    return goto(descOf(g, ball));
  }),
  level('BabyAI-GoToDoor-v0', 7, 3, 3, (g) => {
    const doors = [0, 1, 2, 3].map(() => g.addDoor(1, 1));
    g.placeAgent(1, 1);
    return goto(desc('door', g.w.objs[g.randElem(doors)].color));
  }),
  level('BabyAI-GoToObjDoor-v0', 8, 3, 3, (g) => {
    g.placeAgent(1, 1);
    const objs = g.addDistractors(1, 1, 8, false);
    for (let n = 0; n < 4; n++) objs.push(g.addDoor(1, 1));
    g.checkObjsReachable();
    return goto(descOf(g, g.randElem(objs)));
  }),
  level('BabyAI-Open-v0', 8, 3, 3, (g) => {
    connectedWithDistractors(g, 18);
    return open(descOf(g, g.randElem(g.doorsPerRoom())));
  }),
  level('BabyAI-OpenRedDoor-v0', 5, 1, 2, (g) => {
    g.addDoor(0, 0, 0, 'red', false);
    g.placeAgent(0, 0);
    return open(desc('door', 'red'));
  }),
  level('BabyAI-OpenDoorLoc-v0', 8, 3, 3, (g) => {
    g.randSubset(COLOR_NAMES, 4).forEach((c, k) => g.addDoor(1, 1, k, c, false));
    const d = desc('door', null, g.randElem(LOC_NAMES));
    g.placeAgent(1, 1);
    return open(d);
  }),
  level('BabyAI-OpenRedBlueDoorsDebug-v0', 6, 3, 3, (g) => {
    // The level draws two colours before the registered red and blue override them.
    g.randSubset(COLOR_NAMES, 2);
    g.addDoor(1, 1, 2, 'red', false);
    g.addDoor(1, 1, 0, 'blue', false);
    g.placeAgent(1, 1);
    return seq('before', open(desc('door', 'red'), true), open(desc('door', 'blue')));
  }, 20 * 6 ** 2),
  level('BabyAI-OpenDoorsOrderN4Debug-v0', 6, 3, 3, (g) => {
    const doors = g.randSubset(COLOR_NAMES, 4).map((c) => g.addDoor(1, 1, undefined, c, false));
    g.placeAgent(1, 1);
    const [d1, d2] = g.randSubset(doors, 2).map((d) => descOf(g, d));
    const mode = g.randInt(0, 3);
    if (mode === 0) return open(d1, true);
    return seq(mode === 1 ? 'before' : 'after', open(d1, true), open(d2, true));
  }, 20 * 6 ** 2),
  level('BabyAI-Pickup-v0', 8, 3, 3, (g) => pickup(descOf(g, g.randElem(connectedWithDistractors(g, 18))))),
  level('BabyAI-UnblockPickup-v0', 8, 3, 3, (g) => {
    g.placeAgent();
    g.connectAll();
    const objs = g.addDistractors(null, null, 20, false);
    if (g.objsReachable()) throw new RejectSampling('all objects reachable');
    return pickup(descOf(g, g.randElem(objs)));
  }),
  levelGen('BabyAI-PickupLoc-v0', { rows: 1, cols: 1, actionKinds: ['pickup'], instrKinds: ['action'], numDists: 8, lockedRoomProb: 0, locations: true, unblocking: false }),
  level('BabyAI-PickupDistDebug-v0', 7, 1, 1, (g) => {
    const objs = g.addDistractors(null, null, 5);
    g.placeAgent(0, 0);
    const o = g.w.objs[g.randElem(objs)];
    const by = g.randElem(['type', 'color', 'both'] as const);
    return pickup(desc(by === 'color' ? null : o.type, by === 'type' ? null : o.color), true);
  }),
  level('BabyAI-PickupAbove-v0', 6, 3, 3, (g) => {
    const obj = g.addObject(1, 0);
    g.addDoor(1, 1, 3, undefined, false);
    g.placeAgent(1, 1);
    g.connectAll();
    return pickup(descOf(g, obj));
  }, 8 * 6 ** 2),
  level('BabyAI-PutNextLocalS6N4-v0', 6, 1, 1, (g) => {
    g.placeAgent();
    const objs = g.addDistractors(null, null, 4, true);
    g.checkObjsReachable();
    const [a, b] = g.randSubset(objs, 2);
    return putnext(descOf(g, a), descOf(g, b));
  }),
  level('BabyAI-PutNextS7N4Carrying-v0', 7, 1, 2, (g, state) => {
    g.placeAgent(0, 0);
    const left = g.addDistractors(0, 0, 4);
    const right = g.addDistractors(1, 0, 4);
    g.removeWall(0, 0, 0);
    let a = g.randElem(left), b = g.randElem(right);
    if (g.randBool()) [a, b] = [b, a];
    state.carry = a;
    return putnext(descOf(g, a), descOf(g, b));
  }, 8 * 7 ** 2),
  level('BabyAI-Unlock-v0', 8, 3, 3, (g) => {
    const { door, i, j } = lockedDoorAndKey(g);
    const color = g.w.objs[door].color;
    if (g.randBool()) g.connectAll(COLOR_NAMES.filter((c) => c !== color));
    else g.connectAll();
    distractorsEverywhere(g, 3);
    placeAgentOutside(g, g.room(i, j));
    g.checkObjsReachable();
    return open(descOf(g, door));
  }),
  level('BabyAI-UnlockLocalDist-v0', 8, 3, 3, (g) => {
    const door = g.addDoor(1, 1, undefined, undefined, true);
    g.addObject(1, 1, 'key', g.w.objs[door].color);
    g.addDistractors(1, 1, 3);
    g.placeAgent(1, 1);
    return open(desc('door'));
  }),
  level('BabyAI-KeyInBox-v0', 8, 3, 3, (g) => {
    const door = g.addDoor(1, 1, undefined, undefined, true);
    const key = g.w.objs.push({ type: 'key', color: g.w.objs[door].color }) - 1;
    const box = g.w.objs.push({ type: 'box', color: g.randColor(), contains: key }) - 1;
    g.placeInRoom(1, 1, box);
    g.placeAgent(1, 1);
    return open(desc('door'));
  }),
  // UnlockPickup means to fix its budget but tests `max is None` (the builtin), so the budget
  // follows the instruction.
  level('BabyAI-UnlockPickupDist-v0', 6, 1, 2, (g) => {
    const obj = g.addObject(1, 0, 'box');
    const door = g.addDoor(0, 0, 0, undefined, true);
    g.addObject(0, 0, 'key', g.w.objs[door].color);
    g.addDistractors(null, null, 4);
    g.placeAgent(0, 0);
    return pickup(descOf(g, obj));
  }),
  level('BabyAI-BlockedUnlockPickup-v0', 6, 1, 2, (g) => {
    const obj = g.addObject(1, 0, 'box');
    const door = g.addDoor(0, 0, 0, undefined, true);
    const [dx, dy] = posOf(g.w, door)!;
    g.put(dx - 1, dy, g.w.objs.push({ type: 'ball', color: g.randColor() }) - 1);
    g.addObject(0, 0, 'key', g.w.objs[door].color);
    g.placeAgent(0, 0);
    return pickup(desc(g.w.objs[obj].type));
  }, 16 * 6 ** 2),
  level('BabyAI-UnlockToUnlock-v0', 6, 1, 3, (g) => {
    const [ca, cb] = g.randSubset(COLOR_NAMES, 2);
    g.addDoor(0, 0, 0, ca, true);
    g.addObject(2, 0, 'key', ca);
    g.addDoor(1, 0, 0, cb, true);
    g.addObject(1, 0, 'key', cb);
    const obj = g.addObject(0, 0, 'ball');
    g.placeAgent(1, 0);
    return pickup(desc(g.w.objs[obj].type));
  }, 30 * 6 ** 2),
  level('BabyAI-ActionObjDoor-v0', 7, 3, 3, (g) => {
    const objs = g.addDistractors(1, 1, 5);
    for (let n = 0; n < 4; n++) objs.push(g.addDoor(1, 1, undefined, undefined, false));
    g.placeAgent(1, 1);
    const obj = g.randElem(objs);
    const d = descOf(g, obj);
    if (g.w.objs[obj].type === 'door') return g.randBool() ? goto(d) : open(d);
    return g.randBool() ? goto(d) : pickup(d);
  }),
  level('BabyAI-FindObjS7-v0', 7, 3, 3, (g) => {
    // FindObjS5 draws the room's column from num_rows and its row from num_cols (both 3 here).
    const i = g.randInt(0, g.numRows), j = g.randInt(0, g.numCols);
    const obj = g.addObject(i, j);
    g.placeAgent(1, 1);
    g.connectAll();
    return pickup(desc(g.w.objs[obj].type));
  }, 20 * 7 ** 2),
  level('BabyAI-KeyCorridorS6R3-v0', 6, 3, 3, (g) => {
    for (let j = 1; j < 3; j++) g.removeWall(1, j, 3);
    const r = g.randInt(0, 3);
    const door = g.addDoor(2, r, 2, undefined, true);
    const obj = g.addObject(2, r, 'ball');
    g.addObject(0, g.randInt(0, 3), 'key', g.w.objs[door].color);
    g.placeAgent(1, 1);
    g.connectAll();
    return pickup(desc(g.w.objs[obj].type));
  }, 30 * 6 ** 2),
  level('BabyAI-OneRoomS20-v0', 20, 1, 1, (g) => {
    const obj = g.addObject(0, 0, 'ball');
    g.placeAgent();
    return pickup(desc(g.w.objs[obj].type));
  }),
  level('BabyAI-MoveTwoAcrossS8N9-v0', 8, 1, 2, (g) => {
    g.placeAgent(0, 0);
    const left = g.addDistractors(0, 0, 9);
    const right = g.addDistractors(1, 0, 9);
    g.removeWall(0, 0, 0);
    const [a, d] = g.randSubset(left, 2);
    const [b, c] = g.randSubset(right, 2);
    return seq('before', putnext(descOf(g, a), descOf(g, b)), putnext(descOf(g, c), descOf(g, d)));
  }, 16 * 8 ** 2),
  levelGen('BabyAI-SynthS5R2-v0', { roomSize: 5, rows: 2, instrKinds: ['action'], locations: false, implicitUnlock: false }),
  levelGen('BabyAI-SynthLoc-v0', { instrKinds: ['action'], implicitUnlock: false }),
  levelGen('BabyAI-SynthSeq-v0', { implicitUnlock: false }),
  levelGen('BabyAI-MiniBossLevel-v0', { roomSize: 5, rows: 2, cols: 2, numDists: 7, lockedRoomProb: 0.25 }),
  levelGen('BabyAI-BossLevel-v0', {}),
  levelGen('BabyAI-BossLevelNoUnlock-v0', { lockedRoomProb: 0, implicitUnlock: false }),
];

/** AgentGym's item mapping: level = data_idx % 40, seed = data_idx // 40. */
export function levelOf(index: number): { level: Level; seed: number } {
  return { level: LEVELS[index % LEVELS.length], seed: Math.floor(index / LEVELS.length) };
}
