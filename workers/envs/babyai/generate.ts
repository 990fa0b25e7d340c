/** Build one level from a seed: layout, mission text, verifier state and step budget. */
import type { Rng } from '../rng.ts';
import { numNavs, objsNext, resetVerifier, surface, type Instr, type RoomBox } from './instrs.ts';
import type { Level } from './levels.ts';
import { RejectSampling, RoomGrid } from './roomgrid.ts';
import { posOf, setCell, type World } from './world.ts';

export interface Generated {
  world: World;
  instr: Instr;
  /** BabyAI's mission text (AgentGym rewords it for the goal line). */
  mission: string;
}

/** BabyAI's validate_instrs: reject PutNext already done or ambiguous, and keys of locked doors. */
function validate(g: RoomGrid, ins: Instr, room: RoomBox, unblocking: boolean): void {
  if (ins.kind === 'before' || ins.kind === 'after' || ins.kind === 'and') {
    validate(g, ins.a, room, unblocking);
    validate(g, ins.b, room, unblocking);
    return;
  }
  if (ins.kind === 'putnext') {
    resetVerifier(g.w, ins, room);
    if (ins.move.objSet.some((id) => ins.fixed.objSet.includes(id))) throw new RejectSampling('objects match both sides of PutNext');
    if (objsNext(g.w, ins)) throw new RejectSampling('objects already next to each other');
  }
  if (!unblocking) return;
  const locked = g.allDoors().filter((d) => g.w.objs[d].door === 'locked').map((d) => g.w.objs[d].color);
  const descs = ins.kind === 'putnext' ? [ins.move, ins.fixed] : 'desc' in ins ? [ins.desc] : [];
  if (descs.some((d) => d.type === 'key' && d.color !== null && locked.includes(d.color))) {
    throw new RejectSampling('cannot do anything with a key that opens a locked door');
  }
}

export function generate(level: Level, rng: Rng): Generated {
  for (let attempt = 0; attempt < 100_000; attempt++) {
    const g = new RoomGrid(rng, level.roomSize, level.rows, level.cols);
    const start = (): RoomBox => {
      const r = g.roomFromPos(g.w.agent[0], g.w.agent[1]);
      return { x: r.top[0], y: r.top[1], w: r.size, h: r.size };
    };
    let instr: Instr;
    try {
      instr = level.gen(g);
      validate(g, instr, start(), level.unblocking ?? false);
    } catch (e) {
      if (e instanceof RejectSampling) continue;
      throw e;
    }
    const room = start();
    const mission = surface(g.w, instr, room);
    resetVerifier(g.w, instr, room);
    g.w.maxSteps = numNavs(instr) * level.roomSize ** 2 * level.rows * level.cols;
    if (level.startCarrying && instr.kind === 'putnext') {
      const held = instr.move.objSet[0];
      const [x, y] = posOf(g.w, held)!;
      setCell(g.w, x, y, -1);
      g.w.carrying = held;
    }
    return { world: g.w, instr, mission };
  }
  throw new Error(`${level.name}: no valid layout found`);
}
