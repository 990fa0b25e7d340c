/**
 * MiniGrid's world for BabyAI: a grid of cells holding walls, doors, keys, balls and boxes, an
 * agent with a position, a direction and at most one carried object, and MiniGrid's low-level
 * actions. The state is plain data (object ids, no references) so it clones with structuredClone.
 */

export const COLORS = ['red', 'green', 'blue', 'purple', 'yellow', 'grey'] as const;
export type Color = (typeof COLORS)[number];
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

/**
 * The agent's 7x7 egocentric view as MiniGrid computes it: cells outside the grid are walls, and
 * occlusion (process_vis) hides what lies behind walls and closed doors. Indexed [i][j].
 */
export function egoView(w: World): ViewCell[][] {
  const grid: number[][] = [];
  for (let i = 0; i < VIEW; i++) {
    grid.push([]);
    for (let j = 0; j < VIEW; j++) {
      const [x, y] = viewToAbs(w, i, j);
      grid[i].push(inside(w, x, y) ? objAt(w, x, y) : -2);
    }
  }
  const opaque = (i: number, j: number): boolean => {
    const id = grid[i][j];
    return id === -2 || (id >= 0 && !seeBehind(w.objs[id]));
  };
  const mask = grid.map((col) => col.map(() => false));
  mask[VIEW >> 1][VIEW - 1] = true;
  for (let j = VIEW - 1; j >= 0; j--) {
    for (let i = 0; i < VIEW - 1; i++) {
      if (!mask[i][j] || opaque(i, j)) continue;
      mask[i + 1][j] = true;
      if (j > 0) { mask[i + 1][j - 1] = true; mask[i][j - 1] = true; }
    }
    for (let i = VIEW - 1; i > 0; i--) {
      if (!mask[i][j] || opaque(i, j)) continue;
      mask[i - 1][j] = true;
      if (j > 0) { mask[i - 1][j - 1] = true; mask[i][j - 1] = true; }
    }
  }
  // The agent sees what it carries in its own cell.
  grid[VIEW >> 1][VIEW - 1] = w.carrying;
  return grid.map((col, i) => col.map((id, j) => (mask[i][j] ? id : null)));
}

/** MiniGrid's encoded image as a string, to tell whether a low-level action changed what is seen. */
export function encodeView(w: World, view: ViewCell[][] = egoView(w)): string {
  return view.map((col) => col.map((id) => {
    if (id === null) return '_';
    if (id === -1) return '.';
    const o = seenObj(w, id);
    return `${o.type}:${o.color}:${o.door ?? ''}`;
  }).join(',')).join('|');
}

/** Type, colour and door state of a seen object (walls outside the grid are grey walls). */
export function seenObj(w: World, id: number): WorldObj {
  return id === -2 ? { type: 'wall', color: 'grey' } : w.objs[id];
}
