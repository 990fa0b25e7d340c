/** The grow family's entry for families.ts: the seed jar and pots made at load, then the house. */
import type { TaskFamily } from './families.ts';
import { GROW_TYPES, makeGrowObjects, setupGrow } from './grow-task.ts';
import { JavaRandom } from './java-random.ts';
import { growScriptFor } from './oracle-grow.ts';
import { buildHouse } from './world.ts';

export const growFamily: TaskFamily = {
  types: GROW_TYPES,
  build(maker, typeId, variation) {
    const objects = makeGrowObjects(maker, typeId, variation);
    const house = buildHouse(maker, new JavaRandom(variation));
    return { house, task: setupGrow(typeId, house, objects) };
  },
  script: growScriptFor,
};
