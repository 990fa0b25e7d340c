/**
 * MiniGrid's world for BabyAI: a grid of cells holding walls, doors, keys, balls and boxes, an
 * agent with a position, a direction and at most one carried object, and MiniGrid's low-level
 * actions. The state is plain data (object ids, no references) so it clones with structuredClone.
 */

/** Colours in MiniGrid's encoding order (COLOR_TO_IDX). */
export const COLORS = ['red', 'green', 'blue', 'purple', 'yellow', 'grey'] as const;
export type Color = (typeof COLORS)[number];
/** MiniGrid's COLOR_NAMES, the list random colours are drawn from: sorted by name. */
export const COLOR_NAMES: readonly Color[] = [...COLORS].sort();
export type ObjType = 'wall' | 'door' | 'key' | 'ball' | 'box';
export const PICKABLE: readonly ObjType[] = ['key', 'ball', 'box'];

/** Door states in MiniGrid's encoding order. */
export type DoorState = 'open' | 'closed' | 'locked';

export interface WorldObj {
  type: ObjType;
  color: Color;
  door?: DoorState;
  /** Object hidden in a box (KeyInBox); never shown or reachable through AgentGym's actions. */
  contains?: number;
}

export type Vec = readonly [number, number];

/** MiniGrid direction vectors: 0 right, 1 down, 2 left, 3 up. */
export const DIR_VEC: readonly Vec[] = [[1, 0], [0, 1], [-1, 0], [0, -1]];

export interface World {
  width: number;
  height: number;
  /** Row-major cell contents: an index into objs, or -1 for an empty cell. */
  cells: number[];
  objs: WorldObj[];
  agent: [number, number];
  dir: number;
  /** Index of the carried object, or -1. */
  carrying: number;
  stepCount: number;
  maxSteps: number;
}

/** MiniGrid's low-level actions, by their index. */
export const enum Act { Left = 0, Right = 1, Forward = 2, Pickup = 3, Drop = 4, Toggle = 5 }

export const VIEW = 7;

export function newWorld(width: number, height: number): World {
  return { width, height, cells: new Array<number>(width * height).fill(-1), objs: [], agent: [-1, -1], dir: 0, carrying: -1, stepCount: 0, maxSteps: 1 };
}

export function inside(w: World, x: number, y: number): boolean {
  return x >= 0 && y >= 0 && x < w.width && y < w.height;
}

export function objAt(w: World, x: number, y: number): number {
  return inside(w, x, y) ? w.cells[y * w.width + x] : -1;
}

export function setCell(w: World, x: number, y: number, id: number): void {
  w.cells[y * w.width + x] = id;
}

export function addObj(w: World, obj: WorldObj): number {
  w.objs.push(obj);
  return w.objs.length - 1;
}

/** Where an object lies on the grid, or null when carried or inside a box. */
export function posOf(w: World, id: number): [number, number] | null {
  const at = w.cells.indexOf(id);
  return at < 0 ? null : [at % w.width, Math.floor(at / w.width)];
}

export function frontPos(w: World): [number, number] {
  const [dx, dy] = DIR_VEC[w.dir];
  return [w.agent[0] + dx, w.agent[1] + dy];
}

export function rightVec(dir: number): Vec {
  const [dx, dy] = DIR_VEC[dir];
  return [-dy, dx];
}

function canOverlap(o: WorldObj): boolean {
  return o.type === 'door' && o.door === 'open';
}

function seeBehind(o: WorldObj): boolean {
  return o.type === 'wall' ? false : o.type === 'door' ? o.door === 'open' : true;
}

/** One MiniGrid step (the verifier and reward live with the level). */
export function applyAct(w: World, act: Act): void {
  w.stepCount += 1;
  const [fx, fy] = frontPos(w);
  const front = objAt(w, fx, fy);
  const fobj = front >= 0 ? w.objs[front] : null;
  switch (act) {
    case Act.Left: w.dir = (w.dir + 3) % 4; break;
    case Act.Right: w.dir = (w.dir + 1) % 4; break;
    case Act.Forward:
      if (inside(w, fx, fy) && (!fobj || canOverlap(fobj))) w.agent = [fx, fy];
      break;
    case Act.Pickup:
      if (fobj && PICKABLE.includes(fobj.type) && w.carrying < 0) {
        w.carrying = front;
        setCell(w, fx, fy, -1);
      }
      break;
    case Act.Drop:
      if (!fobj && w.carrying >= 0 && inside(w, fx, fy)) {
        setCell(w, fx, fy, w.carrying);
        w.carrying = -1;
      }
      break;
    case Act.Toggle:
      if (fobj?.type === 'door') {
        if (fobj.door === 'locked') {
          const key = w.carrying >= 0 ? w.objs[w.carrying] : null;
          if (key?.type === 'key' && key.color === fobj.color) fobj.door = 'open';
        } else {
          fobj.door = fobj.door === 'open' ? 'closed' : 'open';
        }
      }
      break;
  }
}

/** Absolute cell seen at view column i (0 left .. 6 right), view row j (0 far .. 6 the agent's row). */
export function viewToAbs(w: World, i: number, j: number): [number, number] {
  const [fx, fy] = DIR_VEC[w.dir];
  const [rx, ry] = rightVec(w.dir);
  const ahead = VIEW - 1 - j;
  const side = i - (VIEW >> 1);
  return [w.agent[0] + fx * ahead + rx * side, w.agent[1] + fy * ahead + ry * side];
}

/** A seen cell: null when hidden, else the object id there (-1 empty, -2 wall outside the grid). */
export type ViewCell = number | null;

export const HIDDEN = -3;

/**
 * The agent's 7x7 egocentric view as MiniGrid computes it, column-major like MiniGrid's image
 * ([i * VIEW + j]): object ids, -1 empty, -2 walls outside the grid, HIDDEN where occlusion
 * (process_vis) hides what lies behind walls and closed doors.
 */
export function seenIds(w: World): Int32Array {
  const seen = new Int32Array(VIEW * VIEW);
  const mask = new Uint8Array(VIEW * VIEW);
  const [fx, fy] = DIR_VEC[w.dir];
  const [rx, ry] = rightVec(w.dir);
  const half = VIEW >> 1;
  const opaque = new Uint8Array(VIEW * VIEW);
  for (let i = 0; i < VIEW; i++) {
    for (let j = 0; j < VIEW; j++) {
      const ahead = VIEW - 1 - j, side = i - half;
      const x = w.agent[0] + fx * ahead + rx * side, y = w.agent[1] + fy * ahead + ry * side;
      const id = inside(w, x, y) ? w.cells[y * w.width + x] : -2;
      seen[i * VIEW + j] = id;
      opaque[i * VIEW + j] = id === -2 || (id >= 0 && !seeBehind(w.objs[id])) ? 1 : 0;
    }
  }
  mask[half * VIEW + VIEW - 1] = 1;
  for (let j = VIEW - 1; j >= 0; j--) {
    for (let i = 0; i < VIEW - 1; i++) {
      const k = i * VIEW + j;
      if (!mask[k] || opaque[k]) continue;
      mask[k + VIEW] = 1;
      if (j > 0) { mask[k + VIEW - 1] = 1; mask[k - 1] = 1; }
    }
    for (let i = VIEW - 1; i > 0; i--) {
      const k = i * VIEW + j;
      if (!mask[k] || opaque[k]) continue;
      mask[k - VIEW] = 1;
      if (j > 0) { mask[k - VIEW - 1] = 1; mask[k - 1] = 1; }
    }
  }
  // The agent sees what it carries in its own cell.
  seen[half * VIEW + VIEW - 1] = w.carrying;
  for (let k = 0; k < seen.length; k++) if (!mask[k]) seen[k] = HIDDEN;
  return seen;
}

/** The view as ViewCells, indexed [i][j] (i: column 0 left .. 6 right, j: row 0 far .. 6 the agent's). */
export function egoView(w: World): ViewCell[][] {
  const v = seenIds(w);
  return Array.from({ length: VIEW }, (_, i) => Array.from({ length: VIEW }, (_, j) => (v[i * VIEW + j] === HIDDEN ? null : v[i * VIEW + j])));
}

const TYPE_CODE: Record<ObjType, number> = { wall: 1, door: 2, key: 3, ball: 4, box: 5 };
const DOOR_CODE: Record<DoorState, number> = { open: 0, closed: 1, locked: 2 };

/**
 * MiniGrid's encoded image (type, colour, door state per cell), into `out`: AgentGym compares two
 * of them to tell whether a low-level action changed what is seen.
 */
export function encodeView(w: World, out = new Int32Array(VIEW * VIEW)): Int32Array<ArrayBuffer> {
  const v = seenIds(w);
  for (let k = 0; k < v.length; k++) {
    const id = v[k];
    if (id === -1 || id === HIDDEN) { out[k] = id; continue; }
    const o = seenObj(w, id);
    out[k] = TYPE_CODE[o.type] * 64 + COLORS.indexOf(o.color) * 4 + (o.door ? DOOR_CODE[o.door] : 3);
  }
  return out;
}

export function sameView(a: Int32Array, b: Int32Array): boolean {
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

/** Type, colour and door state of a seen object (walls outside the grid are grey walls). */
export function seenObj(w: World, id: number): WorldObj {
  return id === -2 ? { type: 'wall', color: 'grey' } : w.objs[id];
}
