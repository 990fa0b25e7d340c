/**
 * The Mendelian genetics family, known plant (tasks/specifictasks/TaskMendelianGenetics1.scala):
 * say whether a pea trait's value is dominant or recessive by focusing on one of two answer boxes.
 * The greenhouse holds a seed jar with a pure-dominant and a pure-recessive pea seed for the trait
 * (the other traits random), six soil-filled flower pots of nine, and the two boxes.
 * Variation v: seed jar floor(v / 15) (trait floor(jar / 2): height, seed shape, seed colour, seed
 * shape again, as ScienceWorld lists them; the value asked dominant for even jars), pot set
 * floor(v / 3) % 5, answer boxes v % 3 (red/green, green/blue, blue/orange: dominant/recessive).
 */
import { moveToLocation, moveToNewLocation } from './find-task.ts';
import { JavaRandom } from './java-random.ts';
import { drawPotNumbers, streamBefore } from './load-stream.ts';
import { containerOpen, plantCountGoals } from './grow-task.ts';
import { answerBox, flowerPot, PEA_TRAITS, peaWithGenes, randomAllele, soil, type Genes } from './living.ts';
import type { SwObject } from './objects.ts';
import { directlyIn, find, GoalSequence, inRoomWith, type BuiltTask, type Goal } from './tasks.ts';
import type { House, Maker } from './world.ts';

export const MENDEL1_TYPES = new Set(['10-1']);

const LOCATION = 'greenhouse';
/** TaskMendelianGenetics1.traitNames (seed shape twice, so flower colour is never asked). */
const TRAITS = [0, 1, 2, 1];
const POT_SETS = 5;
const POTS = 6;
const COLOURS = ['red', 'green', 'blue', 'orange'];

/**
 * GeneticTraitPeas.mkRandomTraitsExcept for both parents of a chromosome pair: the trait asked
 * given (dominant or recessive), the other three drawn from the shared stream in trait order.
 */
function pairExcept(rng: JavaRandom, trait: number, dominant: boolean): Genes {
  const parent = () => PEA_TRAITS.map((_, t) => (t === trait ? dominant : randomAllele(rng)));
  return [parent(), parent()];
}

export interface MendelObjects {
  jar: SwObject;
  pots: SwObject[];
  boxes: [SwObject, SwObject];
  trait: number;
  dominant: boolean;
}

/**
 * The variation's objects in ScienceWorld's creation order: its seed jar (the pure-dominant pea,
 * the pure-recessive pea, then the jar), the nine pots of its set (each then its soil), then its
 * two answer boxes. The stream: the four unused trait coins, eight jars of twelve draws, then one
 * shuffle of the nine pots per set.
 */
export function makeMendel1Objects(m: Maker, variation: number): MendelObjects {
  const jarIndex = Math.floor(variation / 15);
  const potSet = Math.floor(variation / 3) % POT_SETS;
  const boxIndex = variation % 3;
  const rng = streamBefore('TaskMendelianGenetics1', variation);
  for (let i = 0; i < 4; i++) randomAllele(rng);
  let seeds: SwObject[] = [];
  for (let j = 0; j < TRAITS.length * 2; j++) {
    const trait = TRAITS[Math.floor(j / 2)];
    const dom = pairExcept(rng, trait, true);
    const rec = pairExcept(rng, trait, false);
    if (j === jarIndex) seeds = [peaWithGenes(m, dom, 0), peaWithGenes(m, rec, 0)];
  }
  const jar = m.ceramicCup();
  jar.name = 'seed jar';
  for (const s of seeds) jar.add(s);
  let numbers: number[] = [];
  for (let k = 0; k < POT_SETS; k++) {
    const shuffled = drawPotNumbers(rng);
    if (k === potSet) numbers = shuffled;
  }
  // mkFlowerPots makes flower pot 1..9 (each then its soil) before the shuffle picks six.
  const made = numbers.map((_, i) => {
    const pot = flowerPot(m);
    pot.name = `flower pot ${i + 1}`;
    pot.add(soil(m));
    return pot;
  });
  const pots = numbers.slice(0, POTS).map((n) => made[n - 1]);
  const boxes: [SwObject, SwObject] = [answerBox(m, COLOURS[boxIndex]), answerBox(m, COLOURS[boxIndex + 1])];
  return { jar, pots, boxes, trait: TRAITS[Math.floor(jarIndex / 2)], dominant: jarIndex % 2 === 0 };
}

/** setupCombination (everything into the greenhouse) then setupGoals for the known plant. */
export function setupMendel1(house: House, objs: MendelObjects): BuiltTask {
  const room = house.rooms.get(LOCATION)!;
  for (const o of [objs.jar, ...objs.pots, ...objs.boxes]) room.add(o);
  const [traitName, dom, rec] = PEA_TRAITS[objs.trait];
  const value = objs.dominant ? dom : rec;
  const [boxDom, boxRec] = objs.boxes.map((b) => b.name);
  const seedType = 'pea';
  const potNames = objs.pots.map((p) => p.name);
  const unordered: Goal[] = [
    inRoomWith('seed jar', 'be in same location as seed jar'),
    directlyIn('inventory', ['seed jar'], 'have seed jar in inventory', 'haveSeedJar'),
    moveToNewLocation('move to a new location'),
    moveToLocation(LOCATION, 'move to the greenhouse', 'move1'),
    moveToLocation(LOCATION, 'move to the greenhouse (after having seed jar)', 'move2', ['haveSeedJar']),
    ...potNames.map((p, i) => directlyIn(p, ['soil'], `have soil in flower pot (${i + 1})`)),
    ...potNames.map((p, i) => directlyIn(p, ['water'], `have water in flower pot (${i + 1})`)),
    ...potNames.map((p, i) => directlyIn(p, [`${seedType} seed`], `have seed in flower pot (${i + 1})`)),
  ];
  for (let n = 1; n <= 6; n++) {
    unordered.push(...plantCountGoals(seedType, n));
  }
  unordered.push(
    containerOpen('bee hive', 'bee hive open (after reprod. life stage)', ['atLeast2Reproducing']),
    inRoomWith('adult bee', 'be in same location as pollinator (after reprod. life stage)', undefined, ['atLeast2Reproducing']),
    inRoomWith(seedType, 'be in same location as grown seed', undefined, ['atLeast2Reproducing']),
  );
  const answer = objs.dominant ? boxDom : boxRec;
  // AgentInterface.getTaskDescription trims the task's text (its last sentence ends in a space).
  const description = `Your task is to determine whether ${value} ${traitName} is a dominant or recessive trait in the pea plant. If the trait is dominant, focus on the ${boxDom}. If the trait is recessive, focus on the ${boxRec}.`;
  return {
    name: 'mendelian-genetics-known-plant',
    description,
    goals: new GoalSequence([find(answer, 'focus on the correct answer box', true)], unordered, house.agent),
  };
}
