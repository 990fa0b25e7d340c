/**
 * The grow family's oracle, playing from observations as a gardener would: fetch the seed jar,
 * walk to the greenhouse, get soil into flower pot 1 (it is there already, or beside the pots,
 * or must be dug outside with the shovel), plant a seed there and focus on it, then stand the pot
 * in the sink and turn the water on, so the pot never dries out, and wait while the plant grows.
 */
import type { Script } from './families.ts';
import { startRoom, walk, type Walker } from './oracle-walk.ts';

/** Gets soil into flower pot 1, from what a look around the greenhouse shows. */
function* soilInPot(w: Walker, greenhouse: string): Script {
  if (/flower pot 1 \(containing[^)]*soil/.test(greenhouse)) return;
  if (!/\bsoil\b/.test(greenhouse)) {
    let shovel = /\ba shovel\b/.test(greenhouse);
    if (shovel) yield 'pick up shovel';
    yield* walk(w, 'outside');
    if (!shovel) {
      yield 'pick up shovel';
      shovel = true;
    }
    yield 'use shovel on ground';
    yield 'pick up soil';
    yield* walk(w, 'greenhouse');
  }
  yield 'move soil to flower pot 1';
}

function* growPlantScript(room: string, seed: string, location: string): Script {
  const w: Walker = { room, opened: new Set() };
  yield* walk(w, location);
  yield 'pick up seed jar';
  yield* walk(w, 'greenhouse');
  yield* soilInPot(w, yield 'look around');
  // Five alike seeds in the jar: any will do.
  if ((yield `move ${seed} seed in seed jar to flower pot 1`).startsWith('Ambiguous request')) yield '0';
  yield `focus on ${seed} seed in flower pot 1`;
  yield 'move flower pot 1 to sink';
  yield 'activate sink';
  for (;;) yield 'wait';
}

export function growScriptFor(observation: string): Script | null {
  const m = /^Your task is to grow a (.+?) plant from seed\. Seeds can be found in the (.+?)\./.exec(observation);
  return m ? growPlantScript(startRoom(observation), m[1], m[2]) : null;
}
