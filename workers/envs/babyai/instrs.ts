/**
 * BabyAI's instruction language and its verifier (GoTo, Pickup, Open, PutNext, and the "and",
 * "then" and "after you" combinations), as plain data so an episode clones with structuredClone.
 * The verifier semantics follow BabyAI's: a sequence remembers a finished first part, a lone
 * action only succeeds on the step that does it.
 */
import { DIR_VEC, frontPos, posOf, type Color, type ObjType, type World } from './world.ts';

export const LOC_NAMES = ['left', 'right', 'front', 'behind'] as const;
export type Loc = (typeof LOC_NAMES)[number];
export const OBJ_TYPES: readonly ObjType[] = ['box', 'ball', 'key', 'door'];
export const OBJ_TYPES_NOT_DOOR: readonly ObjType[] = ['box', 'ball', 'key'];

export interface ObjDesc {
  type: ObjType | null;
  color: Color | null;
  loc: Loc | null;
  /** Objects matching the description when the episode started. */
  objSet: number[];
  /** Their positions (updated when something is dropped). */
  objPoss: [number, number][];
}

export type Status = 'success' | 'failure' | 'continue';
type Done = Status | false;

export type Instr =
  | { kind: 'goto'; desc: ObjDesc }
  | { kind: 'open'; desc: ObjDesc; strict: boolean }
  | { kind: 'pickup'; desc: ObjDesc; strict: boolean; preCarrying: number }
  | { kind: 'putnext'; move: ObjDesc; fixed: ObjDesc; preCarrying: number }
  | { kind: 'before' | 'after' | 'and'; a: Instr; b: Instr; aDone: Done; bDone: Done };

/** The room bounds the agent starts in, for location words ("on your left"). */
export interface RoomBox { x: number; y: number; w: number; h: number }

export function desc(type: ObjType | null, color: Color | null = null, loc: Loc | null = null): ObjDesc {
  return { type, color, loc, objSet: [], objPoss: [] };
}

/**
 * Find the objects a description names. With useLocation, the set is rebuilt (location words apply
 * to the agent's starting room and pose); without it only the tracked objects' positions refresh.
 */
export function findMatching(w: World, d: ObjDesc, room: RoomBox | null, useLocation = true): void {
  if (useLocation) d.objSet = [];
  d.objPoss = [];
  for (let x = 0; x < w.width; x++) {
    for (let y = 0; y < w.height; y++) {
      const id = w.cells[y * w.width + x];
      if (id < 0) continue;
      if (!useLocation && !d.objSet.includes(id)) continue;
      const o = w.objs[id];
      if (d.type !== null && o.type !== d.type) continue;
      if (d.color !== null && o.color !== d.color) continue;
      if (useLocation && d.loc !== null) {
        if (!room || x < room.x || y < room.y || x >= room.x + room.w || y >= room.y + room.h) continue;
        const v = [x - w.agent[0], y - w.agent[1]];
        const d1 = DIR_VEC[w.dir];
        const d2 = [-d1[1], d1[0]];
        const along = v[0] * d1[0] + v[1] * d1[1];
        const across = v[0] * d2[0] + v[1] * d2[1];
        const ok = { left: across < 0, right: across > 0, front: along > 0, behind: along < 0 }[d.loc];
        if (!ok) continue;
      }
      if (useLocation) d.objSet.push(id);
      d.objPoss.push([x, y]);
    }
  }
}

function descSurface(w: World, d: ObjDesc, room: RoomBox | null): string {
  findMatching(w, d, room);
  if (d.objSet.length === 0) throw new Error('no object matching description');
  return descText(d);
}

/** A description's words, from the objects it matched at the start ("a" when several did). */
function descText(d: ObjDesc): string {
  let s = d.type ?? 'object';
  if (d.color) s = `${d.color} ${s}`;
  if (d.loc) s += d.loc === 'front' ? ' in front of you' : d.loc === 'behind' ? ' behind you' : ` on your ${d.loc}`;
  return (d.objSet.length > 1 ? 'a ' : 'the ') + s;
}

/** One action of a mission and how far it got: done (its verifier succeeded), failed (a strict one met the wrong object) or not yet. */
export interface MissionPart {
  text: string;
  state: 'done' | 'failed' | 'not done';
}

/**
 * The mission's single actions in its own word order, each with how it stands now, read from the
 * verifier's memory of finished parts (a lone action is done only on the step that ends the episode).
 */
export function missionParts(ins: Instr, state: MissionPart['state'] = 'not done'): MissionPart[] {
  switch (ins.kind) {
    case 'goto': return [{ text: `go to ${descText(ins.desc)}`, state }];
    case 'open': return [{ text: `open ${descText(ins.desc)}`, state }];
    case 'pickup': return [{ text: `pick up ${descText(ins.desc)}`, state }];
    case 'putnext': return [{ text: `put ${descText(ins.move)} next to ${descText(ins.fixed)}`, state }];
    default: return [...missionParts(ins.a, partState(ins.aDone, state)), ...missionParts(ins.b, partState(ins.bDone, state))];
  }
}

function partState(done: Done, outer: MissionPart['state']): MissionPart['state'] {
  return done === 'success' ? 'done' : done === 'failure' ? 'failed' : outer;
}

/** BabyAI's mission text for an instruction. */
export function surface(w: World, ins: Instr, room: RoomBox | null): string {
  switch (ins.kind) {
    case 'goto': return `go to ${descSurface(w, ins.desc, room)}`;
    case 'open': return `open ${descSurface(w, ins.desc, room)}`;
    case 'pickup': return `pick up ${descSurface(w, ins.desc, room)}`;
    case 'putnext': return `put ${descSurface(w, ins.move, room)} next to ${descSurface(w, ins.fixed, room)}`;
    case 'before': return `${surface(w, ins.a, room)}, then ${surface(w, ins.b, room)}`;
    case 'after': return `${surface(w, ins.a, room)} after you ${surface(w, ins.b, room)}`;
    case 'and': return `${surface(w, ins.a, room)} and ${surface(w, ins.b, room)}`;
  }
}

/** Reset the verifier state at the start of an episode. */
export function resetVerifier(w: World, ins: Instr, room: RoomBox | null): void {
  switch (ins.kind) {
    case 'goto': case 'open': findMatching(w, ins.desc, room); break;
    case 'pickup': ins.preCarrying = -1; findMatching(w, ins.desc, room); break;
    case 'putnext': ins.preCarrying = -1; findMatching(w, ins.move, room); findMatching(w, ins.fixed, room); break;
    default: resetVerifier(w, ins.a, room); resetVerifier(w, ins.b, room); ins.aDone = false; ins.bDone = false;
  }
}

/** After a drop, tracked objects may have moved. */
export function updateObjPoss(w: World, ins: Instr): void {
  switch (ins.kind) {
    case 'goto': case 'open': case 'pickup': findMatching(w, ins.desc, null, false); break;
    case 'putnext': findMatching(w, ins.move, null, false); findMatching(w, ins.fixed, null, false); break;
    default: updateObjPoss(w, ins.a); updateObjPoss(w, ins.b);
  }
}

function nextTo(a: readonly [number, number], b: readonly [number, number]): boolean {
  return Math.abs(a[0] - b[0]) + Math.abs(a[1] - b[1]) === 1;
}

/** True when some object to move already lies next to a fixed one (rejected at generation). */
export function objsNext(w: World, ins: Extract<Instr, { kind: 'putnext' }>): boolean {
  return ins.move.objSet.some((id) => {
    const p = posOf(w, id);
    return p !== null && ins.fixed.objPoss.some((q) => nextTo(p, q));
  });
}

/**
 * A copy that steps can change independently: the verifier sets fields of the nodes and assigns
 * fresh position lists to the descriptions, but never edits a list in place, so lists are shared.
 */
export function cloneInstr(ins: Instr): Instr {
  switch (ins.kind) {
    case 'goto': case 'open': case 'pickup': return { ...ins, desc: { ...ins.desc } };
    case 'putnext': return { ...ins, move: { ...ins.move }, fixed: { ...ins.fixed } };
    default: return { ...ins, a: cloneInstr(ins.a), b: cloneInstr(ins.b) };
  }
}

/** BabyAI's verify(action) after one low-level action. */
export function verify(w: World, ins: Instr, act: number): Status {
  const [fx, fy] = frontPos(w);
  const front = fx >= 0 && fy >= 0 && fx < w.width && fy < w.height ? w.cells[fy * w.width + fx] : -1;
  switch (ins.kind) {
    case 'goto':
      return ins.desc.objPoss.some(([x, y]) => x === fx && y === fy) ? 'success' : 'continue';
    case 'open': {
      if (act !== 5) return 'continue';
      if (front >= 0 && ins.desc.objSet.includes(front) && w.objs[front].door === 'open') return 'success';
      if (ins.strict && front >= 0 && w.objs[front].type === 'door') return 'failure';
      return 'continue';
    }
    case 'pickup': {
      const pre = ins.preCarrying;
      ins.preCarrying = w.carrying;
      if (act !== 3) return 'continue';
      if (pre < 0 && w.carrying >= 0 && ins.desc.objSet.includes(w.carrying)) return 'success';
      if (ins.strict && w.carrying >= 0) return 'failure';
      return 'continue';
    }
    case 'putnext': {
      const pre = ins.preCarrying;
      ins.preCarrying = w.carrying;
      if (act !== 4) return 'continue';
      if (pre < 0 || !ins.move.objSet.includes(pre)) return 'continue';
      const p = posOf(w, pre);
      return p !== null && ins.fixed.objPoss.some((q) => nextTo(p, q)) ? 'success' : 'continue';
    }
    case 'before': {
      if (ins.aDone === 'success') {
        ins.bDone = verify(w, ins.b, act);
        return ins.bDone === 'continue' ? 'continue' : ins.bDone;
      }
      ins.aDone = verify(w, ins.a, act);
      if (ins.aDone === 'failure') return 'failure';
      if (ins.aDone === 'success') return verify(w, ins, act);
      return 'continue';
    }
    case 'after': {
      if (ins.bDone === 'success') {
        ins.aDone = verify(w, ins.a, act);
        return ins.aDone === 'continue' ? 'continue' : ins.aDone;
      }
      ins.bDone = verify(w, ins.b, act);
      if (ins.bDone === 'failure') return 'failure';
      if (ins.bDone === 'success') return verify(w, ins, act);
      return 'continue';
    }
    case 'and': {
      if (ins.aDone !== 'success') ins.aDone = verify(w, ins.a, act);
      if (ins.bDone !== 'success') ins.bDone = verify(w, ins.b, act);
      return ins.aDone === 'success' && ins.bDone === 'success' ? 'success' : 'continue';
    }
  }
}

/** How many navigations an instruction needs (sets the step budget and so the reward). */
export function numNavs(ins: Instr): number {
  switch (ins.kind) {
    case 'putnext': return 2;
    case 'goto': case 'open': case 'pickup': return 1;
    default: return numNavs(ins.a) + numNavs(ins.b);
  }
}
