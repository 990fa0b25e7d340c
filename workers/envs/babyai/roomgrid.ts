/**
 * MiniGrid's RoomGrid (minigrid/core/roomgrid.py and the placement helpers of minigrid_env.py,
 * v2.4.0): a grid of square rooms joined by doors, and the helpers BabyAI's levels build with.
 * Every helper makes the same numpy draws in the same order as the original, so a level seeded as
 * gymnasium seeds it lays out the same room.
 */
import type { Generator } from '../numpy-random.ts';
import type { RoomBox } from './instrs.ts';
import { COLOR_NAMES, addObj, frontPos, newWorld, objAt, setCell, type Color, type ObjType, type World } from './world.ts';

/**
 * A generator gave up on this layout and the level starts over with the next draws. Stands for
 * both of MiniGrid's retry signals, RejectSampling and RecursionError (its "ran out of tries").
 */
export class RejectSampling {
  // Not an Error: it never leaves generate(), and capturing an Error's stack trace on every
  // rejected layout was a large share of a reset.
  constructor(readonly reason: string) {}
}

export interface Room {
  top: [number, number];
  size: number;
  /** Right, down, left, up. */
  neighbors: (Room | null)[];
  doorPos: ([number, number] | null)[];
  /** Door object id per wall, or 'open' where the wall was removed. */
  doors: (number | 'open' | null)[];
  locked: boolean;
  objs: number[];
}

const KINDS: readonly ObjType[] = ['key', 'ball', 'box'];

/** A room's bounds, walls included, as the verifier takes them. */
export function boxOf(room: Room): RoomBox {
  return { x: room.top[0], y: room.top[1], w: room.size, h: room.size };
}

export function posInside(room: Room, x: number, y: number): boolean {
  return x >= room.top[0] && y >= room.top[1] && x < room.top[0] + room.size && y < room.top[1] + room.size;
}

export class RoomGrid {
  readonly w: World;
  readonly rooms: Room[][] = [];
  private readonly wall: number;

  /** RoomGrid._gen_grid: walls, then one random door position per shared wall. */
  constructor(
    readonly rng: Generator,
    readonly roomSize: number,
    readonly numRows: number,
    readonly numCols: number,
  ) {
    this.w = newWorld((roomSize - 1) * numCols + 1, (roomSize - 1) * numRows + 1);
    this.wall = addObj(this.w, { type: 'wall', color: 'grey' });
    for (let j = 0; j < numRows; j++) {
      const row: Room[] = [];
      for (let i = 0; i < numCols; i++) {
        const top: [number, number] = [i * (roomSize - 1), j * (roomSize - 1)];
        row.push({ top, size: roomSize, neighbors: [null, null, null, null], doorPos: [null, null, null, null], doors: [null, null, null, null], locked: false, objs: [] });
        for (let k = 0; k < roomSize; k++) {
          setCell(this.w, top[0] + k, top[1], this.wall);
          setCell(this.w, top[0] + k, top[1] + roomSize - 1, this.wall);
          setCell(this.w, top[0], top[1] + k, this.wall);
          setCell(this.w, top[0] + roomSize - 1, top[1] + k, this.wall);
        }
      }
      this.rooms.push(row);
    }
    for (let j = 0; j < numRows; j++) {
      for (let i = 0; i < numCols; i++) {
        const room = this.rooms[j][i];
        const [xl, yl] = [room.top[0] + 1, room.top[1] + 1];
        const [xm, ym] = [room.top[0] + roomSize - 1, room.top[1] + roomSize - 1];
        if (i < numCols - 1) { room.neighbors[0] = this.rooms[j][i + 1]; room.doorPos[0] = [xm, this.randInt(yl, ym)]; }
        if (j < numRows - 1) { room.neighbors[1] = this.rooms[j + 1][i]; room.doorPos[1] = [this.randInt(xl, xm), ym]; }
        if (i > 0) { room.neighbors[2] = this.rooms[j][i - 1]; room.doorPos[2] = room.neighbors[2].doorPos[0]; }
        if (j > 0) { room.neighbors[3] = this.rooms[j - 1][i]; room.doorPos[3] = room.neighbors[3].doorPos[1]; }
      }
    }
    // The agent starts in the middle room facing right until a level places it; objects placed
    // before that keep clear of this spot (reject_next_to reads the agent's position).
    this.w.agent = [(numCols >> 1) * (roomSize - 1) + (roomSize >> 1), (numRows >> 1) * (roomSize - 1) + (roomSize >> 1)];
    this.w.dir = 0;
  }

  /** _rand_int: integer in [lo, hi). */
  randInt(lo: number, hi: number): number {
    return this.rng.integers(lo, hi);
  }

  /** _rand_bool: true when integers(0, 2) gives 0. */
  randBool(): boolean {
    return this.rng.integers(0, 2) === 0;
  }

  randElem<T>(items: readonly T[]): T {
    return items[this.rng.integers(0, items.length)];
  }

  /** _rand_subset: repeated _rand_elem, each pick removed from what is left. */
  randSubset<T>(items: readonly T[], n: number): T[] {
    const left = items.slice();
    const out: T[] = [];
    while (out.length < n) {
      const e = this.randElem(left);
      left.splice(left.indexOf(e), 1);
      out.push(e);
    }
    return out;
  }

  randColor(): Color {
    return this.randElem(COLOR_NAMES);
  }

  room(i: number, j: number): Room {
    return this.rooms[j][i];
  }

  roomFromPos(x: number, y: number): Room {
    return this.rooms[Math.floor(y / (this.roomSize - 1))][Math.floor(x / (this.roomSize - 1))];
  }

  /** place_obj: random cells of the box until one is free, not the agent's and not rejected. */
  private placeObj(top: [number, number], size: number, maxTries: number, reject?: (x: number, y: number) => boolean): [number, number] {
    const w = this.w;
    const x0 = Math.max(top[0], 0), y0 = Math.max(top[1], 0);
    for (let tries = 0; ; tries++) {
      if (tries > maxTries) throw new RejectSampling('rejection sampling failed in place_obj');
      const x = this.randInt(x0, Math.min(x0 + size, w.width));
      const y = this.randInt(y0, Math.min(y0 + size, w.height));
      if (objAt(w, x, y) >= 0) continue;
      if (x === w.agent[0] && y === w.agent[1]) continue;
      if (reject?.(x, y)) continue;
      return [x, y];
    }
  }

  /** place_in_room: never on or right next to the agent. */
  placeInRoom(i: number, j: number, id: number): void {
    const room = this.room(i, j);
    const [ax, ay] = this.w.agent;
    const [x, y] = this.placeObj(room.top, room.size, 1000, (px, py) => Math.abs(px - ax) + Math.abs(py - ay) < 2);
    setCell(this.w, x, y, id);
    room.objs.push(id);
  }

  /** add_object: the kind is drawn before the colour. */
  addObject(i: number, j: number, type?: ObjType, color?: Color): number {
    const t = type ?? this.randElem(KINDS);
    const c = color ?? this.randColor();
    const id = addObj(this.w, { type: t, color: c });
    this.placeInRoom(i, j, id);
    return id;
  }

  /** Set a cell directly, outside any room's object list (BlockedUnlockPickup's blocking ball). */
  put(x: number, y: number, id: number): void {
    setCell(this.w, x, y, id);
  }

  /** add_door: wall (if not given), then colour, then locked, each drawn only when not given. */
  addDoor(i: number, j: number, doorIdx?: number, color?: Color, locked?: boolean): number {
    const room = this.room(i, j);
    let k = doorIdx;
    if (k === undefined) {
      do k = this.randInt(0, 4); while (!room.neighbors[k] || room.doors[k] !== null);
    }
    const c = color ?? this.randColor();
    const isLocked = locked ?? this.randBool();
    if (room.doors[k] !== null) throw new Error('door already exists');
    // As in MiniGrid, the room's flag follows the last door added to it, locked or not.
    room.locked = isLocked;
    const id = addObj(this.w, { type: 'door', color: c, door: isLocked ? 'locked' : 'closed' });
    const [x, y] = room.doorPos[k]!;
    setCell(this.w, x, y, id);
    room.doors[k] = id;
    room.neighbors[k]!.doors[(k + 2) % 4] = id;
    return id;
  }

  removeWall(i: number, j: number, k: number): void {
    const room = this.room(i, j);
    const neighbor = room.neighbors[k];
    if (!neighbor || room.doors[k] !== null) throw new Error('cannot remove this wall');
    const [tx, ty] = room.top;
    const s = room.size;
    for (let n = 1; n < s - 1; n++) {
      if (k === 0) setCell(this.w, tx + s - 1, ty + n, -1);
      else if (k === 1) setCell(this.w, tx + n, ty + s - 1, -1);
      else if (k === 2) setCell(this.w, tx, ty + n, -1);
      else setCell(this.w, tx + n, ty, -1);
    }
    room.doors[k] = 'open';
    neighbor.doors[(k + 2) % 4] = 'open';
  }

  /** RoomGrid.place_agent: room (column, then row, when not given), then cell and direction until it faces nothing but a wall. */
  placeAgent(i?: number, j?: number): void {
    const ri = i ?? this.randInt(0, this.numCols);
    const rj = j ?? this.randInt(0, this.numRows);
    const room = this.room(ri, rj);
    const w = this.w;
    for (;;) {
      w.agent = [-1, -1];
      w.agent = this.placeObj(room.top, room.size, 1000);
      w.dir = this.randInt(0, 4);
      const [fx, fy] = frontPos(w);
      const front = objAt(w, fx, fy);
      if (front < 0 || w.objs[front].type === 'wall') return;
    }
  }

  /** add_distractors: colour then kind per try; a room drawn per object when not given. */
  addDistractors(i: number | null, j: number | null, n: number, allUnique = true): number[] {
    const seen: string[] = [];
    if (allUnique) for (const row of this.rooms) for (const r of row) for (const id of r.objs) seen.push(`${this.w.objs[id].type} ${this.w.objs[id].color}`);
    const out: number[] = [];
    while (out.length < n) {
      const color = this.randColor();
      const type = this.randElem(KINDS);
      if (allUnique) {
        const key = `${type} ${color}`;
        if (seen.includes(key)) continue;
        seen.push(key);
      }
      const ri = i ?? this.randInt(0, this.numCols);
      const rj = j ?? this.randInt(0, this.numRows);
      out.push(this.addObject(ri, rj, type, color));
    }
    return out;
  }

  /** connect_all: unlocked doors at random walls until every room is reachable from the agent's. */
  connectAll(doorColors: readonly Color[] = COLOR_NAMES, maxItrs = 5000): void {
    const start = this.roomFromPos(this.w.agent[0], this.w.agent[1]);
    const total = this.numRows * this.numCols;
    for (let itrs = 0; ; ) {
      if (itrs > maxItrs) throw new RejectSampling('connect_all failed');
      itrs++;
      if (this.reach(start) === total) return;
      const i = this.randInt(0, this.numCols);
      const j = this.randInt(0, this.numRows);
      const k = this.randInt(0, 4);
      const room = this.room(i, j);
      if (!room.doorPos[k] || room.doors[k] !== null) continue;
      if (room.locked || room.neighbors[k]!.locked) continue;
      this.addDoor(i, j, k, this.randElem(doorColors), false);
    }
  }

  /** How many rooms the agent's room connects to through doors and removed walls. */
  private reach(start: Room): number {
    const seen = [start];
    for (let at = 0; at < seen.length; at++) {
      const r = seen[at];
      for (let k = 0; k < 4; k++) {
        const n = r.neighbors[k];
        if (r.doors[k] !== null && n && !seen.includes(n)) seen.push(n);
      }
    }
    return seen.length;
  }

  /** Every door as MiniGrid's levels gather them: per room (columns outer, rows inner), so a door between two rooms is listed twice. */
  doorsPerRoom(): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.numCols; i++) {
      for (let j = 0; j < this.numRows; j++) for (const d of this.room(i, j).doors) if (typeof d === 'number') out.push(d);
    }
    return out;
  }

  /** check_objs_reachable without raising: every object reachable from the agent without moving anything (doors pass). */
  objsReachable(): boolean {
    const w = this.w;
    const { width, height, cells } = w;
    const reached = new Uint8Array(width * height);
    // Cells are pushed once, when first reached; a cell holding anything but a door stops the walk.
    const stack = new Int32Array(width * height);
    let top = 0;
    const start = w.agent[1] * width + w.agent[0];
    reached[start] = 1;
    stack[top++] = start;
    while (top > 0) {
      const at = stack[--top];
      const id = cells[at];
      if (id >= 0 && w.objs[id].type !== 'door') continue;
      const x = at % width;
      if (x + 1 < width && !reached[at + 1]) { reached[at + 1] = 1; stack[top++] = at + 1; }
      if (x > 0 && !reached[at - 1]) { reached[at - 1] = 1; stack[top++] = at - 1; }
      if (at + width < cells.length && !reached[at + width]) { reached[at + width] = 1; stack[top++] = at + width; }
      if (at >= width && !reached[at - width]) { reached[at - width] = 1; stack[top++] = at - width; }
    }
    for (let at = 0; at < cells.length; at++) {
      const id = cells[at];
      if (id >= 0 && id !== this.wall && !reached[at]) return false;
    }
    return true;
  }

  checkObjsReachable(): void {
    if (!this.objsReachable()) throw new RejectSampling('unreachable object');
  }
}
