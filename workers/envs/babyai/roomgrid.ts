/**
 * A grid of square rooms joined by doors (MiniGrid's RoomGrid), with the helpers BabyAI's level
 * generators use: random doors, objects, distractors, agent placement, connecting every room and
 * the reachability check. Randomness comes from our seeded Rng, so layouts are BabyAI-style but
 * not numpy-identical.
 */
import type { Rng } from '../rng.ts';
import { COLORS, addObj, frontPos, newWorld, objAt, setCell, type Color, type DoorState, type ObjType, type World, type WorldObj } from './world.ts';

/** A generator gave up on this layout; the level starts over (BabyAI's RejectSampling). */
export class RejectSampling extends Error {}

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

export class RoomGrid {
  readonly w: World;
  readonly rooms: Room[][] = [];

  constructor(
    readonly rng: Rng,
    readonly roomSize: number,
    readonly numRows: number,
    readonly numCols: number,
  ) {
    const width = (roomSize - 1) * numCols + 1;
    const height = (roomSize - 1) * numRows + 1;
    this.w = newWorld(width, height);
    const wall = addObj(this.w, { type: 'wall', color: 'grey' });
    for (let j = 0; j < numRows; j++) {
      const row: Room[] = [];
      for (let i = 0; i < numCols; i++) {
        const top: [number, number] = [i * (roomSize - 1), j * (roomSize - 1)];
        row.push({ top, size: roomSize, neighbors: [null, null, null, null], doorPos: [null, null, null, null], doors: [null, null, null, null], locked: false, objs: [] });
        for (let k = 0; k < roomSize; k++) {
          setCell(this.w, top[0] + k, top[1], wall);
          setCell(this.w, top[0] + k, top[1] + roomSize - 1, wall);
          setCell(this.w, top[0], top[1] + k, wall);
          setCell(this.w, top[0] + roomSize - 1, top[1] + k, wall);
        }
      }
      this.rooms.push(row);
    }
    for (let j = 0; j < numRows; j++) {
      for (let i = 0; i < numCols; i++) {
        const room = this.rooms[j][i];
        const [xl, yl] = [room.top[0] + 1, room.top[1] + 1];
        const [xm, ym] = [room.top[0] + roomSize - 1, room.top[1] + roomSize - 1];
        if (i < numCols - 1) { room.neighbors[0] = this.rooms[j][i + 1]; room.doorPos[0] = [xm, this.int(yl, ym)]; }
        if (j < numRows - 1) { room.neighbors[1] = this.rooms[j + 1][i]; room.doorPos[1] = [this.int(xl, xm), ym]; }
        if (i > 0) { room.neighbors[2] = this.rooms[j][i - 1]; room.doorPos[2] = room.neighbors[2].doorPos[0]; }
        if (j > 0) { room.neighbors[3] = this.rooms[j - 1][i]; room.doorPos[3] = room.neighbors[3].doorPos[1]; }
      }
    }
    // The agent starts in the middle room facing right until a level places it.
    this.w.agent = [(numCols >> 1) * (roomSize - 1) + (roomSize >> 1), (numRows >> 1) * (roomSize - 1) + (roomSize >> 1)];
    this.w.dir = 0;
  }

  /** Integer in [lo, hi). */
  int(lo: number, hi: number): number {
    return lo + this.rng.int(hi - lo);
  }

  bool(): boolean {
    return this.rng.int(2) === 1;
  }

  elem<T>(items: readonly T[]): T {
    return this.rng.pick(items);
  }

  subset<T>(items: readonly T[], n: number): T[] {
    return this.rng.shuffle(items).slice(0, n);
  }

  color(): Color {
    return this.elem(COLORS);
  }

  room(i: number, j: number): Room {
    return this.rooms[j][i];
  }

  roomFromPos(x: number, y: number): Room {
    const i = Math.min(Math.floor(x / (this.roomSize - 1)), this.numCols - 1);
    const j = Math.min(Math.floor(y / (this.roomSize - 1)), this.numRows - 1);
    return this.rooms[j][i];
  }

  /** MiniGrid's place_obj: a random free cell in the box, not the agent's, passing `reject`. */
  private freeCell(top: [number, number], size: number, reject?: (x: number, y: number) => boolean): [number, number] {
    for (let tries = 0; tries <= 1000; tries++) {
      const x = this.int(top[0], Math.min(top[0] + size, this.w.width));
      const y = this.int(top[1], Math.min(top[1] + size, this.w.height));
      if (objAt(this.w, x, y) >= 0) continue;
      if (x === this.w.agent[0] && y === this.w.agent[1]) continue;
      if (reject?.(x, y)) continue;
      return [x, y];
    }
    throw new RejectSampling('rejection sampling failed in place_obj');
  }

  placeInRoom(i: number, j: number, obj: WorldObj): [number, number] {
    const room = this.room(i, j);
    const [ax, ay] = this.w.agent;
    // Never right next to the agent.
    const pos = this.freeCell(room.top, room.size, (x, y) => Math.abs(x - ax) + Math.abs(y - ay) < 2);
    const id = addObj(this.w, obj);
    setCell(this.w, pos[0], pos[1], id);
    room.objs.push(id);
    return pos;
  }

  addObject(i: number, j: number, type?: ObjType, color?: Color): number {
    const t = type ?? this.elem<ObjType>(['key', 'ball', 'box']);
    const c = color ?? this.color();
    const [x, y] = this.placeInRoom(i, j, { type: t, color: c });
    return objAt(this.w, x, y);
  }

  /** Set a cell directly (BlockedUnlockPickup's blocking ball). */
  put(x: number, y: number, obj: WorldObj): number {
    const id = addObj(this.w, obj);
    setCell(this.w, x, y, id);
    return id;
  }

  addDoor(i: number, j: number, doorIdx?: number, color?: Color, locked?: boolean): number {
    const room = this.room(i, j);
    let k = doorIdx;
    if (k === undefined) {
      do k = this.int(0, 4); while (!room.neighbors[k] || room.doors[k] !== null);
    }
    const c = color ?? this.color();
    const isLocked = locked ?? this.bool();
    if (room.doors[k] !== null) throw new Error('door already exists');
    room.locked = isLocked;
    const state: DoorState = isLocked ? 'locked' : 'closed';
    const id = addObj(this.w, { type: 'door', color: c, door: state });
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

  /** Place the agent in a room (random room if not given), not facing an object. */
  placeAgent(i?: number, j?: number): void {
    const room = this.room(i ?? this.int(0, this.numCols), j ?? this.int(0, this.numRows));
    for (;;) {
      this.w.agent = [-1, -1];
      this.w.agent = this.freeCell(room.top, room.size);
      this.w.dir = this.int(0, 4);
      const [fx, fy] = frontPos(this.w);
      const front = objAt(this.w, fx, fy);
      if (front < 0 || this.w.objs[front].type === 'wall') return;
    }
  }

  /** Random objects; all_unique forbids repeating an existing type and colour. */
  addDistractors(i: number | null, j: number | null, n: number, allUnique = true): number[] {
    const seen = this.rooms.flat().flatMap((r) => r.objs.map((id) => `${this.w.objs[id].type} ${this.w.objs[id].color}`));
    const out: number[] = [];
    while (out.length < n) {
      const color = this.color();
      const type = this.elem<ObjType>(['key', 'ball', 'box']);
      if (allUnique && seen.includes(`${type} ${color}`)) continue;
      out.push(this.addObject(i ?? this.int(0, this.numCols), j ?? this.int(0, this.numRows), type, color));
      seen.push(`${type} ${color}`);
    }
    return out;
  }

  /** Add unlocked doors until every room is reachable from the agent's room. */
  connectAll(doorColors: readonly Color[] = COLORS): void {
    const start = this.roomFromPos(this.w.agent[0], this.w.agent[1]);
    const reach = (): number => {
      const seen = new Set<Room>([start]);
      const stack = [start];
      while (stack.length) {
        const r = stack.pop()!;
        r.doors.forEach((d, k) => {
          const n = r.neighbors[k];
          if (d !== null && n && !seen.has(n)) { seen.add(n); stack.push(n); }
        });
      }
      return seen.size;
    };
    for (let it = 0; reach() < this.numRows * this.numCols; it++) {
      if (it > 5000) throw new RejectSampling('connect_all failed');
      const i = this.int(0, this.numCols);
      const j = this.int(0, this.numRows);
      const k = this.int(0, 4);
      const room = this.room(i, j);
      if (!room.doorPos[k] || room.doors[k] !== null) continue;
      if (room.locked || room.neighbors[k]!.locked) continue;
      this.addDoor(i, j, k, this.elem(doorColors), false);
    }
  }

  allDoors(): number[] {
    const out: number[] = [];
    for (const row of this.rooms) for (const r of row) for (const d of r.doors) if (typeof d === 'number' && !out.includes(d)) out.push(d);
    return out;
  }

  /** Every object can be reached from the agent without moving anything (doors count as passable). */
  objsReachable(): boolean {
    const w = this.w;
    const reached = new Set<number>();
    const stack: [number, number][] = [[w.agent[0], w.agent[1]]];
    while (stack.length) {
      const [x, y] = stack.pop()!;
      if (x < 0 || y < 0 || x >= w.width || y >= w.height) continue;
      const at = y * w.width + x;
      if (reached.has(at)) continue;
      reached.add(at);
      const id = w.cells[at];
      if (id >= 0 && w.objs[id].type !== 'door') continue;
      stack.push([x + 1, y], [x - 1, y], [x, y + 1], [x, y - 1]);
    }
    return w.cells.every((id, at) => id < 0 || w.objs[id].type === 'wall' || reached.has(at));
  }

  checkObjsReachable(): void {
    if (!this.objsReachable()) throw new RejectSampling('unreachable object');
  }
}
