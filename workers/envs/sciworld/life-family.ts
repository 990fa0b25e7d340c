/** The life families' entries for families.ts: how each builds a variation and which script plays it. */
import type { Script, TaskFamily } from './families.ts';
import { JavaRandom } from './java-random.ts';
import { LIFESPAN_TYPES, makeSpanObjects, makeStages2Objects, makeStagesObjects, setupSpan, setupStages1, setupStages2, STAGES1_TYPES, STAGES2_TYPES } from './life-task.ts';
import { lifespanScriptFor, plantStagesScriptFor, stagesScriptFor } from './oracle-life.ts';
import type { BuiltTask } from './tasks.ts';
import { buildHouse, type House, type Maker } from './world.ts';

/** A family whose objects are made at load (so before the house) and placed by its setup. */
function family<T>(
  types: ReadonlySet<string>,
  make: (m: Maker, variation: number) => T,
  setup: (typeId: string, house: House, objects: T) => BuiltTask,
  script: (firstObservation: string) => Script | null,
): TaskFamily {
  return {
    types,
    build(maker, typeId, variation) {
      const objects = make(maker, variation);
      const house = buildHouse(maker, new JavaRandom(variation));
      return { house, task: setup(typeId, house, objects) };
    },
    script,
  };
}

export const lifespan = family(LIFESPAN_TYPES, makeSpanObjects, setupSpan, lifespanScriptFor);
export const lifeStages1 = family(STAGES1_TYPES, makeStagesObjects, (_id, house, objs) => setupStages1(house, objs), stagesScriptFor);
export const lifeStages2 = family(STAGES2_TYPES, makeStages2Objects, (_id, house, objs) => setupStages2(house, objs), plantStagesScriptFor);
