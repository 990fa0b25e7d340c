/**
 * SciWorld's task families, one entry each: the task types a family builds, how it makes a
 * variation's world and task, and its oracle's script. The env, the oracle and the tests read this
 * list, so a new family is its own module plus one line here.
 */
import type { ObservationOracle } from '../contract.ts';
import { chemistry } from './chemistry-task.ts';
import { electricFamily } from './electric-task.ts';
import { inclineFamily } from './incline-task.ts';
import { FIND_TYPES, makeFindObjects, setupFind } from './find-task.ts';
import { JavaRandom } from './java-random.ts';
import { lifeStages1, lifeStages2, lifespan } from './life-family.ts';
import { findScriptFor } from './oracle-find.ts';
import { growFamily } from './grow-family.ts';
import { mendelFamily } from './mendel-family.ts';
import { matterScriptFor } from './oracle.ts';
import { makeTaskObjects, modeOf, setupChangeOfState, type BuiltTask } from './tasks.ts';
import { THERMOMETER_TYPES, makeThermometerObjects, setupThermometer } from './thermometer-task.ts';
import { thermometerScriptFor } from './oracle-thermometer.ts';
import { buildHouse, type House, type Maker } from './world.ts';

export type Script = Generator<string, void, string>;

export interface TaskFamily {
  /** The task type ids (tasks.ts TASK_TYPES) this family builds. */
  types: ReadonlySet<string>;
  /**
   * The variation's house and task. TaskMaker1 makes a task's objects before EnvironmentMaker
   * makes the house, so a family makes its objects first (they hold the lower uuids).
   */
  build(maker: Maker, typeId: string, variation: number): { house: House; task: BuiltTask };
  /** The oracle's script for a first observation of this family's tasks, or null if not one. */
  script(firstObservation: string): Script | null;
}

const matter: TaskFamily = {
  types: new Set(['1-1', '1-2', '1-3', '1-4']),
  build(maker, typeId, variation) {
    const objects = makeTaskObjects(maker, variation, modeOf(typeId));
    const house = buildHouse(maker, new JavaRandom(variation));
    return { house, task: setupChangeOfState(typeId, variation, house, objects, maker) };
  },
  script: matterScriptFor,
};

const find: TaskFamily = {
  types: FIND_TYPES,
  build(maker, typeId, variation) {
    const objects = makeFindObjects(maker, typeId, variation);
    const house = buildHouse(maker, new JavaRandom(variation));
    return { house, task: setupFind(typeId, house, objects) };
  },
  script: findScriptFor,
};

const thermometer: TaskFamily = {
  types: THERMOMETER_TYPES,
  build(maker, typeId, variation) {
    const objects = makeThermometerObjects(maker, typeId, variation);
    const house = buildHouse(maker, new JavaRandom(variation));
    return { house, task: setupThermometer(typeId, variation, house, objects) };
  },
  script: thermometerScriptFor,
};

export const FAMILIES: readonly TaskFamily[] = [matter, find, chemistry, lifespan, lifeStages1, lifeStages2, electricFamily, thermometer, inclineFamily, growFamily, mendelFamily];

export const BUILT_TYPES: ReadonlySet<string> = new Set(FAMILIES.flatMap((f) => [...f.types]));

export function familyOf(typeId: string): TaskFamily | undefined {
  return FAMILIES.find((f) => f.types.has(typeId));
}

/** Plays any built task: the first family whose script accepts the task's first observation. */
export class SciWorldOracle implements ObservationOracle {
  private gen: Script | null = null;

  next(observation: string): string {
    if (!this.gen) {
      for (const f of FAMILIES) {
        this.gen = f.script(observation);
        if (this.gen) break;
      }
      if (!this.gen) throw new Error('SciWorld oracle: not a task it knows');
    }
    return this.gen.next(observation).value ?? 'look around';
  }
}
