/**
 * The life families' oracle, playing from observations as a person who knows animals: for a
 * lifespan task walk outside, tell the species apart by the names a look shows and focus on the
 * longest- (then the shortest-) lived; for a life-stages task walk outside, focus on the animal
 * at once (it starts in its first stage), then wait and look at it until it shows its next stage,
 * and focus on it again, stage by stage; for a plant's life stages walk there and, stage by stage,
 * look for a tree in that stage (a seed is named a seed), waiting a tick at a time until one shows.
 */
import { LIFESPAN_YEARS, lifeCycleOf, PLANT_STAGES } from './living.ts';
import { listed } from './oracle-find.ts';
import { startRoom, walk } from './oracle-walk.ts';

type Script = Generator<string, void, string>;

const SPECIES = Object.keys(LIFESPAN_YEARS).sort((a, b) => b.length - a.length);
const word = (w: string) => new RegExp(`\\b${w}\\b`);

/** The species a listed thing shows (a toad's young look like a frog's, as ScienceWorld names them). */
const speciesOf = (thing: string) => SPECIES.find((s) => word(s).test(thing));

function* lifespanScript(room: string, order: ('longest' | 'shortest')[], location: string): Script {
  yield* walk({ room, opened: new Set() }, location);
  const seen = listed(yield 'look around').flatMap((t) => speciesOf(t) ?? []);
  if (seen.length === 0) throw new Error('life oracle: no animal here');
  const byYears = [...seen].sort((a, b) => LIFESPAN_YEARS[b] - LIFESPAN_YEARS[a]);
  for (const which of order) yield `focus on ${which === 'longest' ? byYears[0] : byYears[byYears.length - 1]}`;
  for (;;) yield 'look around';
}

export function lifespanScriptFor(observation: string): Script | null {
  const m = /^Your task is to find the animal with the (longest|shortest) life span(, then the shortest life span)?\..*The animals are in the '([^']+)' location/.exec(observation);
  if (!m) return null;
  const order: ('longest' | 'shortest')[] = m[2] ? ['longest', 'shortest'] : [m[1] as 'longest' | 'shortest'];
  return lifespanScript(startRoom(observation), order, m[3]);
}

function* stagesScript(room: string, species: string, location: string): Script {
  yield* walk({ room, opened: new Set() }, location);
  // The stages to find: all but the last (death); the first is the one it starts in.
  const later = lifeCycleOf(species).slice(1, -1).map((s) => s.name);
  yield `focus on ${species}`;
  for (const stage of later) {
    // A stage lasts 20 ticks and a wait and a look take 12: a look every 12 ticks cannot miss one.
    do {
      yield 'wait';
    } while (!word(stage).test(yield `look at ${species}`));
    yield `focus on ${species}`;
  }
  for (;;) yield 'look around';
}

export function stagesScriptFor(observation: string): Script | null {
  const m = /^Your task is to focus on the \d+ life stages of the (.+?), starting from earliest to latest\./.exec(observation);
  return m ? stagesScript(startRoom(observation), m[1], 'outside') : null;
}

function* plantStagesScript(room: string, type: string, location: string): Script {
  yield* walk({ room, opened: new Set() }, location);
  for (const stage of PLANT_STAGES.slice(0, -1)) {
    const shown = stage === 'seed' ? `a ${type} seed` : `a ${type} tree in the ${stage} stage`;
    while (!(yield 'look around').includes(shown)) yield 'wait1';
    const reply = yield `focus on ${stage === 'seed' ? `${type} seed` : `${stage} ${type} tree`}`;
    // Several trees in the stage (reproducing): any of them will do.
    if (reply.startsWith('Ambiguous request')) yield '0';
  }
  for (;;) yield 'look around';
}

export function plantStagesScriptFor(observation: string): Script | null {
  const m = /^Your task is to focus on the life stages of the (.+?) plant, starting from earliest to latest\. The plants are located (.+?)\./.exec(observation);
  return m ? plantStagesScript(startRoom(observation), m[1], m[2]) : null;
}
