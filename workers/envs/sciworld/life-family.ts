/** The life families' entries for families.ts: how each builds a variation and which script plays it. */
import type { TaskFamily } from './families.ts';
import { JavaRandom } from './java-random.ts';
import { LIFESPAN_TYPES, makeSpanObjects, makeStages2Objects, makeStagesObjects, setupSpan, setupStages1, setupStages2, STAGES1_TYPES, STAGES2_TYPES } from './life-task.ts';
import { lifespanScriptFor, plantStagesScriptFor, stagesScriptFor } from './oracle-life.ts';
import { buildHouse } from './world.ts';

export const lifespan: TaskFamily = {
  types: LIFESPAN_TYPES,
  build(maker, typeId, variation) {
    const objects = makeSpanObjects(maker, variation);
    const house = buildHouse(maker, new JavaRandom(variation));
    return { house, task: setupSpan(typeId, house, objects) };
  },
  script: lifespanScriptFor,
};

export const lifeStages1: TaskFamily = {
  types: STAGES1_TYPES,
  build(maker, _typeId, variation) {
    const objects = makeStagesObjects(maker, variation);
    const house = buildHouse(maker, new JavaRandom(variation));
    return { house, task: setupStages1(house, objects) };
  },
  script: stagesScriptFor,
};

export const lifeStages2: TaskFamily = {
  types: STAGES2_TYPES,
  build(maker, _typeId, variation) {
    const objects = makeStages2Objects(maker, variation);
    const house = buildHouse(maker, new JavaRandom(variation));
    return { house, task: setupStages2(house, objects) };
  },
  script: plantStagesScriptFor,
};
