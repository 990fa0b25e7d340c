/** The Mendelian genetics family's entry for families.ts: the jar, pots and boxes made at load, then the house. */
import type { TaskFamily } from './families.ts';
import { JavaRandom } from './java-random.ts';
import { makeMendel1Objects, MENDEL1_TYPES, setupMendel1 } from './mendel-task.ts';
import { mendelScriptFor } from './oracle-mendel.ts';
import { buildHouse } from './world.ts';

export const mendelFamily: TaskFamily = {
  types: MENDEL1_TYPES,
  build(maker, _typeId, variation) {
    const objects = makeMendel1Objects(maker, variation);
    const house = buildHouse(maker, new JavaRandom(variation));
    return { house, task: setupMendel1(house, objects) };
  },
  script: mendelScriptFor,
};
