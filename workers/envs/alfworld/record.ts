/**
 * The compact per-game record written by scripts/data/alfworld.ts from ALFWorld's game.tw-pddl
 * files (static-data/alfworld/games/<item>.json), and the shared meta file. Entities keep the
 * order of their sorted PDDL ids, which is the order every TextWorld list is printed in; names
 * are already demangled ("cabinet 6"). Types are lower-case without PDDL's "Type" suffix ("sinkbasin").
 */

/** Object properties from the problem's unary facts, as bits of `ObjectRecord[2]`. */
export const FLAG = {
  pickupable: 1,
  receptacleObject: 2,
  cleanable: 4,
  heatable: 8,
  coolable: 16,
  toggleable: 32,
  sliceable: 64,
  /** Initially cold: the object had been in a fridge when ALFRED recorded the scene. */
  isCool: 128,
} as const;

/** [name, type, location index, openable 0/1] */
export type ReceptacleRecord = [string, string, number, 0 | 1];

/**
 * [name, type, FLAG bits, receptacles it is in (indices), locations it is at (indices),
 * receptacle objects it is inside (object indices)]
 */
export type ObjectRecord = [string, string, number, number[], number[], number[]];

/** The goal, read from the problem's :goal (each task type has one fixed shape). */
export type Goal =
  /** Some `obj` in some receptacle of type `recep`, with the state named (pick_*_then_place). */
  | { kind: 'place'; obj: string; recep: string; state: 'isClean' | 'isHot' | 'isCool' | null }
  /** Two different `obj` in the same receptacle of type `recep` (pick_two_obj_and_place). */
  | { kind: 'two'; obj: string; recep: string }
  /** Holding an `obj` where a toggled `toggle` stands in a receptacle (look_at_obj_in_light). */
  | { kind: 'look'; obj: string; toggle: string };

export interface GameRecord {
  /** AgentGym's `task_type` answer: "<task folder>/<trial folder>". */
  task: string;
  /** The goal sentence without "Your task is to: " and the final period. */
  goalText: string;
  goal: Goal;
  /** The agent's starting location (one that holds no receptacle, in every game). */
  start: number;
  receptacles: ReceptacleRecord[];
  objects: ObjectRecord[];
  /** The expert's commands, in the 2.1.1 wording AgentGym plays. */
  walkthrough: string[];
}

export interface MetaRecord {
  /** Items whose game file is missing from the shared data (train ids only). */
  missing: number[];
  /**
   * canContain(receptacle type, object type): one table reproduces every game's facts, which
   * list the pairs only for the types present in that game (the build checks this).
   */
  canContain: Record<string, string[]>;
}
