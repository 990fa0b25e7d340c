/**
 * The Mendelian genetics oracle for the known plant, as a person who knows Mendel's peas: tall
 * plants, round peas, green peas and purple flowers are the dominant values (GeneticTraitPeas), so
 * it walks to the greenhouse and focuses on the box the task names for its answer, without growing
 * the cross (the world grows it faithfully for anyone who does; see mendel-task.test.ts).
 */
import type { Script } from './families.ts';
import { PEA_TRAITS } from './living.ts';
import { startRoom, walk } from './oracle-walk.ts';

const DOMINANT = new Set(PEA_TRAITS.map(([, dom]) => dom));

function* knownPlantScript(room: string, dominant: boolean, boxDom: string, boxRec: string): Script {
  yield* walk({ room, opened: new Set() }, 'greenhouse');
  yield `focus on ${dominant ? boxDom : boxRec}`;
  for (;;) yield 'look around';
}

export function mendelScriptFor(observation: string): Script | null {
  const m = /^Your task is to determine whether (\S+) .+? is a dominant or recessive trait in the pea plant\. If the trait is dominant, focus on the (.+?)\. If the trait is recessive, focus on the (.+?)\./.exec(observation);
  return m ? knownPlantScript(startRoom(observation), DOMINANT.has(m[1]), m[2], m[3]) : null;
}
