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
  if (/\bsoil\b/.test(greenhouse)) yield 'move soil to flower pot 1';
  else yield* digFor(w, greenhouse, [1]);
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

/** Dug soil for each pot named, from the ground outside (a dig a soil), each moved into its pot. */
function* digFor(w: Walker, greenhouse: string, pots: number[]): Script {
  const shovelHere = /\ba shovel\b/.test(greenhouse);
  if (shovelHere) yield 'pick up shovel';
  yield* walk(w, 'outside');
  if (!shovelHere) yield 'pick up shovel';
  // Dig and pick up in turn: "soil in outside" then names the one soil there.
  for (const _ of pots) {
    yield 'use shovel on ground';
    yield 'pick up soil in outside';
  }
  yield* walk(w, 'greenhouse');
  for (const pot of pots) if ((yield `move soil in inventory to flower pot ${pot}`).startsWith('Ambiguous request')) yield '0';
}

/**
 * Grow fruit: a seed in each of flower pots 1 and 2 (a pot feeds one plant: the first to drink
 * takes the water), both pots in the running sink, the greenhouse's doors shut so the bees stay,
 * the hive open; then wait for the trees to flower and the bees to carry pollen from one to the
 * other, and focus on the fruit once one has grown. With soil for one pot beside them, pot 1 is
 * sown and watered before the dig for pot 2.
 */
function* growFruitScript(room: string, fruit: string, location: string): Script {
  const w: Walker = { room, opened: new Set() };
  yield* walk(w, location);
  yield 'pick up seed jar';
  yield* walk(w, 'greenhouse');
  const look = yield 'look around';
  const potted = /flower pot 1 \(containing[^)]*soil/.test(look);
  const beside = /^\tsoil$/m.test(look);
  // No soil at all: one trip digs for both pots.
  if (!potted && !beside) yield* digFor(w, look, [1, 2]);
  if (beside) yield 'move soil to flower pot 1';
  // All five seeds into pot 1 (the first to sprout there takes its water), one moved on to pot 2.
  yield 'pour seed jar into flower pot 1';
  yield 'move flower pot 1 to sink';
  yield 'activate sink';
  if (beside) yield* digFor(w, look, [2]);
  if ((yield `move ${fruit} seed in flower pot 1 to flower pot 2`).startsWith('Ambiguous request')) yield '0';
  yield 'move flower pot 2 to sink';
  for (const door of w.opened) {
    const [a, b] = door.split('|');
    if (a === 'greenhouse' || b === 'greenhouse') yield `close door to ${a === 'greenhouse' ? b : a}`;
  }
  yield 'open bee hive';
  // Flowers open some 35 ticks after the seeds are watered; the bees take a while after that.
  for (let i = 0; i < 4; i++) yield 'wait';
  for (;;) {
    const reply = yield `focus on ${fruit}`;
    if (reply.startsWith('Ambiguous request')) yield '0';
    else if (!reply.startsWith('You focus')) yield 'wait';
  }
}

export function growScriptFor(observation: string): Script | null {
  const plant = /^Your task is to grow a (.+?) plant from seed\. Seeds can be found in the (.+?)\./.exec(observation);
  if (plant) return growPlantScript(startRoom(observation), plant[1], plant[2]);
  const fruit = /^Your task is to grow a (.+?)\. This will require growing several plants.* Seeds can be found in the (.+?)\./.exec(observation);
  return fruit ? growFruitScript(startRoom(observation), fruit[1], fruit[2]) : null;
}
