/**
 * Build one level as AgentGym's server gets it: MiniGrid's `reset(seed=seed)` (a fresh numpy
 * generator, RoomGridLevel's rejection loop, the verifier and the step budget), done twice as
 * AgentGym does (its BabyAI wrapper resets once when created and once more when the server resets
 * it), which matters only where a level object remembers something between resets.
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

/** One seeded MiniGrid reset of the level. */
function resetOnce(level: Level, seed: number, state: LevelState): Generated {
  const rng = npRandom(seed);
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

export function generate(level: Level, seed: number): Generated {
  const state: LevelState = { lockedRoom: null, carry: -1 };
  const first = resetOnce(level, seed, state);
  // The second reset replays the same draws, so it differs only through a remembered locked room.
  return level.lockedRoomPersists && state.lockedRoom ? resetOnce(level, seed, state) : first;
}
