/**
 * The 40 BabyAI levels AgentGym serves, in AgentGym's order (its `all_levels`, 1-based there).
 * Each generator follows the BabyAI level of the same name: rooms, doors, objects and mission
 * family; the randomness is our seeded Rng, so a layout is "BabyAI-style", not numpy-identical.
 */
import { desc, findMatching, OBJ_TYPES, OBJ_TYPES_NOT_DOOR, LOC_NAMES, type Instr, type ObjDesc } from './instrs.ts';
import { RejectSampling, RoomGrid, type Room } from './roomgrid.ts';
import { COLORS, posOf, type Color, type ObjType } from './world.ts';

export interface Level {
  name: string;
  roomSize: number;
  rows: number;
  cols: number;
  /** Build the layout and the mission; may throw RejectSampling to start over. */
  gen(g: RoomGrid): Instr;
  /** Extra checks of LevelGen levels: instructions must not involve keys of locked doors. */
  unblocking?: boolean;
  /** The agent starts holding the object to move (a unique object, so the one its description names). */
  startCarrying?: boolean;
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

function single(name: string, roomSize: number, gen: (g: RoomGrid) => Instr): Level {
  return { name, roomSize, rows: 1, cols: 1, gen };
}

function gotoRedBall(name: string, numDists: number, grey: boolean): Level {
  return single(name, 8, (g) => {
    g.placeAgent();
    g.addObject(0, 0, 'ball', 'red');
    for (const d of g.addDistractors(null, null, numDists, false)) if (grey) g.w.objs[d].color = 'grey';
    g.checkObjsReachable();
    return goto(desc('ball', 'red'));
  });
}

/** Options of BabyAI's LevelGen (random instructions over a maze of rooms). */
interface GenOpts {
  numDists: number;
  lockedRoomProb: number;
  locations: boolean;
  unblocking: boolean;
  implicitUnlock: boolean;
  actionKinds: readonly ('goto' | 'pickup' | 'open' | 'putnext')[];
  instrKinds: readonly ('action' | 'and' | 'seq')[];
}

const GEN_DEFAULTS: GenOpts = {
  numDists: 18, lockedRoomProb: 0.5, locations: true, unblocking: true, implicitUnlock: true,
  actionKinds: ['goto', 'pickup', 'open', 'putnext'], instrKinds: ['action', 'and', 'seq'],
};

function levelGen(name: string, roomSize: number, rows: number, cols: number, over: Partial<GenOpts>): Level {
  const o = { ...GEN_DEFAULTS, ...over };
  return {
    name, roomSize, rows, cols, unblocking: o.unblocking,
    gen(g) {
      let lockedRoom: Room | null = null;
      if (g.rng.next() < o.lockedRoomProb) {
        let door = -1;
        for (;;) {
          const i = g.int(0, cols), j = g.int(0, rows), k = g.int(0, 4);
          lockedRoom = g.room(i, j);
          if (!lockedRoom.neighbors[k]) continue;
          door = g.addDoor(i, j, k, undefined, true);
          break;
        }
        for (;;) {
          const i = g.int(0, cols), j = g.int(0, rows);
          if (g.room(i, j) === lockedRoom) continue;
          g.addObject(i, j, 'key', g.w.objs[door].color);
          break;
        }
      }
      g.connectAll();
      g.addDistractors(null, null, o.numDists, false);
      do g.placeAgent(); while (g.roomFromPos(g.w.agent[0], g.w.agent[1]) === lockedRoom);
      if (!o.unblocking) g.checkObjsReachable();
      const room = g.roomFromPos(g.w.agent[0], g.w.agent[1]);
      const box = { x: room.top[0], y: room.top[1], w: room.size, h: room.size };
      const randObj = (types: readonly ObjType[] = OBJ_TYPES): ObjDesc => {
        for (let tries = 0; tries <= 100; tries++) {
          const color = g.elem<Color | null>([null, ...COLORS]);
          const type = g.elem(types);
          const loc = o.locations && g.bool() ? g.elem(LOC_NAMES) : null;
          const d = desc(type, color, loc);
          findMatching(g.w, d, box);
          if (d.objSet.length === 0) continue;
          if (!o.implicitUnlock && lockedRoom) {
            const r = lockedRoom;
            const outside = d.objPoss.some(([x, y]) => x < r.top[0] || y < r.top[1] || x >= r.top[0] + r.size || y >= r.top[1] + r.size);
            if (!outside) continue;
          }
          return d;
        }
        throw new RejectSampling('failed to find suitable object');
      };
      const randInstr = (kinds: readonly ('action' | 'and' | 'seq')[]): Instr => {
        const kind = g.elem(kinds);
        if (kind === 'action') {
          const action = g.elem(o.actionKinds);
          if (action === 'goto') return goto(randObj());
          if (action === 'pickup') return pickup(randObj(OBJ_TYPES_NOT_DOOR));
          if (action === 'open') return open(randObj(['door']));
          return putnext(randObj(OBJ_TYPES_NOT_DOOR), randObj());
        }
        if (kind === 'and') return seq('and', randInstr(['action']), randInstr(['action']));
        const a = randInstr(['action', 'and']);
        const b = randInstr(['action', 'and']);
        return seq(g.elem(['before', 'after'] as const), a, b);
      };
      return randInstr(o.instrKinds);
    },
  };
}

function putNextLevel(name: string, roomSize: number, perRoom: number, startCarrying: boolean): Level {
  return {
    name, roomSize, rows: 1, cols: 2,
    gen(g) {
      g.placeAgent(0, 0);
      const left = g.addDistractors(0, 0, perRoom);
      const right = g.addDistractors(1, 0, perRoom);
      g.removeWall(0, 0, 0);
      let a = g.elem(left), b = g.elem(right);
      if (g.bool()) [a, b] = [b, a];
      return putnext(descOf(g, a), descOf(g, b));
    },
    startCarrying,
  };
}

function lockedDoorAndKey(g: RoomGrid): { door: number; room: Room; i: number; j: number } {
  const i = g.int(0, g.numCols), j = g.int(0, g.numRows);
  const door = g.addDoor(i, j, undefined, undefined, true);
  for (;;) {
    const ik = g.int(0, g.numCols), jk = g.int(0, g.numRows);
    if (ik === i && jk === j) continue;
    g.addObject(ik, jk, 'key', g.w.objs[door].color);
    break;
  }
  return { door, room: g.room(i, j), i, j };
}

function placeAgentOutside(g: RoomGrid, room: Room): void {
  do g.placeAgent(); while (g.roomFromPos(g.w.agent[0], g.w.agent[1]) === room);
}

export const LEVELS: readonly Level[] = [
  gotoRedBall('BabyAI-GoToRedBallGrey-v0', 7, true),
  gotoRedBall('BabyAI-GoToRedBall-v0', 7, false),
  gotoRedBall('BabyAI-GoToRedBallNoDists-v0', 0, false),
  single('BabyAI-GoToObjS6-v0', 6, (g) => {
    g.placeAgent();
    const [obj] = g.addDistractors(null, null, 1);
    return goto(descOf(g, obj));
  }),
  single('BabyAI-GoToLocalS8N7-v0', 8, (g) => {
    g.placeAgent();
    const objs = g.addDistractors(null, null, 7, false);
    g.checkObjsReachable();
    return goto(descOf(g, g.elem(objs)));
  }),
  {
    name: 'BabyAI-GoToObjMazeS7-v0', roomSize: 7, rows: 3, cols: 3,
    gen(g) {
      g.placeAgent();
      g.connectAll();
      const objs = g.addDistractors(null, null, 1, false);
      g.checkObjsReachable();
      return goto(descOf(g, g.elem(objs)));
    },
  },
  {
    name: 'BabyAI-GoToImpUnlock-v0', roomSize: 8, rows: 3, cols: 3,
    gen(g) {
      const { room, i: id, j: jd } = lockedDoorAndKey(g);
      g.connectAll();
      for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) if (i !== id || j !== jd) g.addDistractors(i, j, 2, false);
      placeAgentOutside(g, room);
      g.checkObjsReachable();
      const [obj] = g.addDistractors(id, jd, 1, false);
      return goto(descOf(g, obj));
    },
  },
  levelGen('BabyAI-GoToSeqS5R2-v0', 5, 2, 2, { numDists: 4, actionKinds: ['goto'], lockedRoomProb: 0, locations: false, unblocking: false }),
  single('BabyAI-GoToRedBlueBall-v0', 8, (g) => {
    g.placeAgent();
    const dists = g.addDistractors(null, null, 7, false);
    for (const d of dists) {
      const o = g.w.objs[d];
      if (o.type === 'ball' && (o.color === 'blue' || o.color === 'red')) throw new RejectSampling('can only have one blue or red ball');
    }
    const color = g.elem<Color>(['red', 'blue']);
    g.addObject(0, 0, 'ball', color);
    g.checkObjsReachable();
    return goto(desc('ball', color));
  }),
  {
    name: 'BabyAI-GoToDoor-v0', roomSize: 7, rows: 3, cols: 3,
    gen(g) {
      const doors = [0, 1, 2, 3].map(() => g.addDoor(1, 1));
      g.placeAgent(1, 1);
      return goto(desc('door', g.w.objs[g.elem(doors)].color));
    },
  },
  {
    name: 'BabyAI-GoToObjDoor-v0', roomSize: 8, rows: 3, cols: 3,
    gen(g) {
      g.placeAgent(1, 1);
      const objs = g.addDistractors(1, 1, 8, false);
      for (let n = 0; n < 4; n++) objs.push(g.addDoor(1, 1));
      g.checkObjsReachable();
      return goto(descOf(g, g.elem(objs)));
    },
  },
  {
    name: 'BabyAI-Open-v0', roomSize: 8, rows: 3, cols: 3,
    gen(g) {
      g.placeAgent();
      g.connectAll();
      g.addDistractors(null, null, 18, false);
      g.checkObjsReachable();
      return open(descOf(g, g.elem(g.allDoors())));
    },
  },
  {
    name: 'BabyAI-OpenRedDoor-v0', roomSize: 5, rows: 1, cols: 2,
    gen(g) {
      g.addDoor(0, 0, 0, 'red', false);
      g.placeAgent(0, 0);
      return open(desc('door', 'red'));
    },
  },
  {
    name: 'BabyAI-OpenDoorLoc-v0', roomSize: 8, rows: 3, cols: 3,
    gen(g) {
      const colors = g.subset(COLORS, 4);
      colors.forEach((c, k) => g.addDoor(1, 1, k, c, false));
      g.placeAgent(1, 1);
      return open(desc('door', null, g.elem(LOC_NAMES)));
    },
  },
  {
    name: 'BabyAI-OpenRedBlueDoorsDebug-v0', roomSize: 6, rows: 3, cols: 3,
    gen(g) {
      g.addDoor(1, 1, 2, 'red', false);
      g.addDoor(1, 1, 0, 'blue', false);
      g.placeAgent(1, 1);
      return seq('before', open(desc('door', 'red'), true), open(desc('door', 'blue')));
    },
  },
  {
    name: 'BabyAI-OpenDoorsOrderN4Debug-v0', roomSize: 6, rows: 3, cols: 3,
    gen(g) {
      const colors = g.subset(COLORS, 4);
      const doors = colors.map((c) => g.addDoor(1, 1, undefined, c, false));
      g.placeAgent(1, 1);
      const [d1, d2] = g.subset(doors, 2).map((d) => descOf(g, d));
      const mode = g.int(0, 3);
      if (mode === 0) return open(d1, true);
      return seq(mode === 1 ? 'before' : 'after', open(d1, true), open(d2, true));
    },
  },
  {
    name: 'BabyAI-Pickup-v0', roomSize: 8, rows: 3, cols: 3,
    gen(g) {
      g.placeAgent();
      g.connectAll();
      const objs = g.addDistractors(null, null, 18, false);
      g.checkObjsReachable();
      return pickup(descOf(g, g.elem(objs)));
    },
  },
  {
    name: 'BabyAI-UnblockPickup-v0', roomSize: 8, rows: 3, cols: 3,
    gen(g) {
      g.placeAgent();
      g.connectAll();
      const objs = g.addDistractors(null, null, 20, false);
      if (g.objsReachable()) throw new RejectSampling('all objects reachable');
      return pickup(descOf(g, g.elem(objs)));
    },
  },
  levelGen('BabyAI-PickupLoc-v0', 8, 1, 1, { actionKinds: ['pickup'], instrKinds: ['action'], numDists: 8, lockedRoomProb: 0, locations: true, unblocking: false }),
  single('BabyAI-PickupDistDebug-v0', 7, (g) => {
    const objs = g.addDistractors(null, null, 5);
    g.placeAgent(0, 0);
    const o = g.w.objs[g.elem(objs)];
    const by = g.elem(['type', 'color', 'both'] as const);
    return pickup(desc(by === 'color' ? null : o.type, by === 'type' ? null : o.color), true);
  }),
  {
    name: 'BabyAI-PickupAbove-v0', roomSize: 6, rows: 3, cols: 3,
    gen(g) {
      const obj = g.addObject(1, 0);
      g.addDoor(1, 1, 3, undefined, false);
      g.placeAgent(1, 1);
      g.connectAll();
      return pickup(descOf(g, obj));
    },
  },
  single('BabyAI-PutNextLocalS6N4-v0', 6, (g) => {
    g.placeAgent();
    const objs = g.addDistractors(null, null, 4, true);
    g.checkObjsReachable();
    const [a, b] = g.subset(objs, 2);
    return putnext(descOf(g, a), descOf(g, b));
  }),
  putNextLevel('BabyAI-PutNextS7N4Carrying-v0', 7, 4, true),
  {
    name: 'BabyAI-Unlock-v0', roomSize: 8, rows: 3, cols: 3,
    gen(g) {
      const { door, room, i: id, j: jd } = lockedDoorAndKey(g);
      const color = g.w.objs[door].color;
      if (g.bool()) g.connectAll(COLORS.filter((c) => c !== color));
      else g.connectAll();
      for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) if (i !== id || j !== jd) g.addDistractors(i, j, 3, false);
      placeAgentOutside(g, room);
      g.checkObjsReachable();
      return open(descOf(g, door));
    },
  },
  {
    name: 'BabyAI-UnlockLocalDist-v0', roomSize: 8, rows: 3, cols: 3,
    gen(g) {
      const door = g.addDoor(1, 1, undefined, undefined, true);
      g.addObject(1, 1, 'key', g.w.objs[door].color);
      g.addDistractors(1, 1, 3);
      g.placeAgent(1, 1);
      return open(desc('door'));
    },
  },
  {
    name: 'BabyAI-KeyInBox-v0', roomSize: 6, rows: 1, cols: 2,
    gen(g) {
      const door = g.addDoor(0, 0, 0, undefined, true);
      const box = g.addObject(0, 0, 'box');
      g.w.objs[box].contains = g.w.objs.push({ type: 'key', color: g.w.objs[door].color }) - 1;
      g.placeAgent(0, 0);
      return open(desc('door'));
    },
  },
  {
    name: 'BabyAI-UnlockPickupDist-v0', roomSize: 6, rows: 1, cols: 2,
    gen(g) {
      const obj = g.addObject(1, 0, 'box');
      const door = g.addDoor(0, 0, 0, undefined, true);
      g.addObject(0, 0, 'key', g.w.objs[door].color);
      g.addDistractors(null, null, 4);
      g.placeAgent(0, 0);
      return pickup(descOf(g, obj));
    },
  },
  {
    name: 'BabyAI-BlockedUnlockPickup-v0', roomSize: 6, rows: 1, cols: 2,
    gen(g) {
      const obj = g.addObject(1, 0, 'box');
      const door = g.addDoor(0, 0, 0, undefined, true);
      const [dx, dy] = posOf(g.w, door)!;
      g.put(dx - 1, dy, { type: 'ball', color: g.color() });
      g.addObject(0, 0, 'key', g.w.objs[door].color);
      g.placeAgent(0, 0);
      return pickup(desc(g.w.objs[obj].type));
    },
  },
  {
    name: 'BabyAI-UnlockToUnlock-v0', roomSize: 6, rows: 1, cols: 3,
    gen(g) {
      const [ca, cb] = g.subset(COLORS, 2);
      g.addDoor(0, 0, 0, ca, true);
      g.addObject(2, 0, 'key', ca);
      g.addDoor(1, 0, 0, cb, true);
      g.addObject(1, 0, 'key', cb);
      const obj = g.addObject(0, 0, 'ball');
      g.placeAgent(1, 0);
      return pickup(desc(g.w.objs[obj].type));
    },
  },
  {
    name: 'BabyAI-ActionObjDoor-v0', roomSize: 7, rows: 3, cols: 3,
    gen(g) {
      const objs = g.addDistractors(1, 1, 5);
      for (let n = 0; n < 4; n++) objs.push(g.addDoor(1, 1, undefined, undefined, false));
      g.placeAgent(1, 1);
      const obj = g.elem(objs);
      const d = descOf(g, obj);
      if (g.w.objs[obj].type === 'door') return g.bool() ? goto(d) : open(d);
      return g.bool() ? goto(d) : pickup(d);
    },
  },
  {
    name: 'BabyAI-FindObjS7-v0', roomSize: 7, rows: 3, cols: 3,
    gen(g) {
      const obj = g.addObject(g.int(0, 3), g.int(0, 3));
      g.placeAgent(1, 1);
      g.connectAll();
      return pickup(desc(g.w.objs[obj].type));
    },
  },
  {
    name: 'BabyAI-KeyCorridorS6R3-v0', roomSize: 6, rows: 3, cols: 3,
    gen(g) {
      for (let j = 1; j < 3; j++) g.removeWall(1, j, 3);
      const r = g.int(0, 3);
      const door = g.addDoor(2, r, 2, undefined, true);
      const obj = g.addObject(2, r, 'ball');
      g.addObject(0, g.int(0, 3), 'key', g.w.objs[door].color);
      g.placeAgent(1, 1);
      g.connectAll();
      return pickup(desc(g.w.objs[obj].type));
    },
  },
  single('BabyAI-OneRoomS20-v0', 20, (g) => {
    const obj = g.addObject(0, 0, 'ball');
    g.placeAgent();
    return pickup(desc(g.w.objs[obj].type));
  }),
  {
    name: 'BabyAI-MoveTwoAcrossS8N9-v0', roomSize: 8, rows: 1, cols: 2,
    gen(g) {
      g.placeAgent(0, 0);
      const left = g.addDistractors(0, 0, 9);
      const right = g.addDistractors(1, 0, 9);
      g.removeWall(0, 0, 0);
      const [a, d] = g.subset(left, 2);
      const [b, c] = g.subset(right, 2);
      return seq('before', putnext(descOf(g, a), descOf(g, b)), putnext(descOf(g, c), descOf(g, d)));
    },
  },
  levelGen('BabyAI-SynthS5R2-v0', 5, 2, 3, { instrKinds: ['action'], locations: false, implicitUnlock: false }),
  levelGen('BabyAI-SynthLoc-v0', 8, 3, 3, { instrKinds: ['action'], implicitUnlock: false }),
  levelGen('BabyAI-SynthSeq-v0', 8, 3, 3, { implicitUnlock: false }),
  levelGen('BabyAI-MiniBossLevel-v0', 5, 2, 2, { numDists: 7, lockedRoomProb: 0.25 }),
  levelGen('BabyAI-BossLevel-v0', 8, 3, 3, {}),
  levelGen('BabyAI-BossLevelNoUnlock-v0', 8, 3, 3, { lockedRoomProb: 0, implicitUnlock: false }),
];

/** AgentGym's item mapping: level = data_idx % 40, seed = data_idx // 40. */
export function levelOf(index: number): { level: Level; seed: number } {
  return { level: LEVELS[index % LEVELS.length], seed: Math.floor(index / LEVELS.length) };
}

