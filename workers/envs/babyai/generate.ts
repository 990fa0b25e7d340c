/**
 * Build one level as AgentGym's server gets it: MiniGrid's `reset(seed=seed)` (a fresh numpy
 * generator, RoomGridLevel's rejection loop, the verifier and the step budget).
 *
 * AgentGym resets each new env twice (its wrapper's constructor resets, then the server does),
 * with the same seed. The only thing a level carries from one reset into the next is LevelGen's
 * `locked_room`, which levels without implicit unlocking use to filter object descriptions until
 * an attempt locks a room of its own. Replaying both resets with that carried over changed none
 * of the 4000 items (checked when this port was written), so we generate once.
 */
import { npRandom } from '../numpy-random.ts';
import { numNavs, objsNext, resetVerifier, surface, type Instr } from './instrs.ts';
import type { Level, LevelState } from './levels.ts';
import { RejectSampling, RoomGrid, boxOf } from './roomgrid.ts';
import type { World } from './world.ts';

export interface Generated {
  /** The world as the reset observation shows it (see `carry`). */
  world: World;
  instr: Instr;
  /** BabyAI's mission text (AgentGym rewords it for the goal line). */
  mission: string;
  /**
   * The object the agent holds from the start, or -1. PutNext…Carrying hands it over after
   * MiniGrid has made the reset observation, so that observation still shows it on the floor.
   */
  carry: number;
}

/** RoomGridLevel.validate_instrs: reject PutNext already done or ambiguous, and keys of locked doors. */
function validate(g: RoomGrid, ins: Instr, unblocking: boolean): void {
  if (ins.kind === 'before' || ins.kind === 'after' || ins.kind === 'and') {
    validate(g, ins.a, unblocking);
    validate(g, ins.b, unblocking);
    return;
  }
  if (ins.kind === 'putnext') {
    resetVerifier(g.w, ins, boxOf(g.roomFromPos(g.w.agent[0], g.w.agent[1])));
    if (ins.move.objSet.some((id) => ins.fixed.objSet.includes(id))) throw new RejectSampling('objects match both sides of PutNext');
    if (objsNext(g.w, ins)) throw new RejectSampling('objects already next to each other');
  }
  if (!unblocking) return;
  const locked = g.doorsPerRoom().filter((d) => g.w.objs[d].door === 'locked').map((d) => g.w.objs[d].color);
  const descs = ins.kind === 'putnext' ? [ins.move, ins.fixed] : 'desc' in ins ? [ins.desc] : [];
  if (descs.some((d) => d.type === 'key' && d.color !== null && locked.includes(d.color))) {
    throw new RejectSampling('cannot do anything with a key that opens a locked door');
  }
}

export function generate(level: Level, seed: number): Generated {
  const rng = npRandom(seed);
  const state: LevelState = { lockedRoom: null, carry: -1 };
  // MiniGrid retries without limit; a level that never settles would be a porting bug.
  for (let attempt = 0; attempt < 100_000; attempt++) {
    const g = new RoomGrid(rng, level.roomSize, level.rows, level.cols);
    let instr: Instr;
    try {
      instr = level.gen(g, state);
      validate(g, instr, level.unblocking ?? false);
    } catch (e) {
      if (e instanceof RejectSampling) continue;
      throw e;
    }
    const room = boxOf(g.roomFromPos(g.w.agent[0], g.w.agent[1]));
    const mission = surface(g.w, instr, room);
    resetVerifier(g.w, instr, room);
    g.w.maxSteps = level.maxSteps ?? numNavs(instr) * level.roomSize ** 2 * level.rows * level.cols;
    return { world: g.w, instr, mission, carry: state.carry };
  }
  throw new Error(`${level.name}: no valid layout found`);
}

