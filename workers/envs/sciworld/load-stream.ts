/**
 * The draws ScienceWorld makes from its shared scala.util.Random (seeded with the variation) while
 * TaskMaker1's constructor registers every task class, in registration order. A family whose
 * objects are made at load from that stream starts from `streamBefore(itsClass, variation)`.
 * Classes not counted yet are null: asking for a stream past one is an error, not a guess.
 */
import { JavaRandom } from './java-random.ts';

type Draws = ((rng: JavaRandom) => void) | null;

/** Living-things sets per find mode (TaskFindLivingNonLiving: a pea plant's genes, the pot numbers). */
export const FIND_GROUPS = 10;
export function drawFindGroup(rng: JavaRandom): void {
  for (let i = 0; i < 8; i++) rng.nextInt(2);
  rng.shuffle([1, 2, 3, 4, 5, 6, 7, 8, 9]);
}

/** TaskIdentifyLifeStages2: its variations, each numbering its flower pots from a shuffle of 1-9. */
export const STAGES2_VARIATIONS = 10;
export function drawPotNumbers(rng: JavaRandom): number[] {
  return rng.shuffle([1, 2, 3, 4, 5, 6, 7, 8, 9]);
}

/** GeneticTrait.mkRandomDomRec, n times (a nextInt(2) each). */
function coinFlips(rng: JavaRandom, n: number): void {
  for (let i = 0; i < n; i++) rng.nextInt(2);
}

/** TaskUseInstrumentThermometer.mkRandTemp: 50-149 degrees above or below the point, floored. */
export function drawRandTemp(rng: JavaRandom, point: number): number {
  let delta = rng.nextInt(100) + 50;
  if (rng.nextBoolean()) delta = -delta;
  return Math.floor(point + delta);
}

/** The 24 letters of TaskUseInstrumentThermometer3's unknown substances. */
export const UNKNOWN_LETTERS = 'BCDEFGHJKLMNOPQRSTUVWXYZ'.split('');
/** UnknownSubstanceThermal.precomputedMeltPoints for those letters. */
export const UNKNOWN_MELTING_POINTS: Record<string, number> = {
  B: 75, C: 115, D: -30, E: -10, F: 275, G: 30, H: 225, J: -75, K: 520, L: 325, M: -25, N: 175,
  O: 25, P: 75, Q: 425, R: 30, S: 15, T: -2, U: 625, V: -220, W: 575, X: -175, Y: 675, Z: 775,
};
/** mkRandomSubstanceInContainer pours those melting below 15 C into a random cup. */
const UNKNOWN_IN_CUP = UNKNOWN_LETTERS.map((l) => UNKNOWN_MELTING_POINTS[l] < 15);

/** One unknown substance of TaskUseInstrumentThermometer3: the unused melting-point coin, then its cup (or -1). */
export function drawUnknownThermal(rng: JavaRandom, inCup: boolean): number {
  rng.nextBoolean();
  return inCup ? rng.nextInt(7) : -1;
}

const LOAD_DRAWS: readonly (readonly [string, Draws])[] = [
  // Four modes, eight random cups each.
  ['TaskChangeOfState', (rng) => { for (let i = 0; i < 4 * 8; i++) rng.nextInt(7); }],
  ['TaskElectricCircuit', () => {}],
  ['TaskElectricalConductivity', () => {}],
  // 24 unknown substances, a float each.
  ['TaskElectricalConductivity2', (rng) => { for (let i = 0; i < 24; i++) rng.nextFloat(); }],
  // Four modes of ten living-things sets.
  ['TaskFindLivingNonLiving', (rng) => { for (let g = 0; g < 4 * FIND_GROUPS; g++) drawFindGroup(rng); }],
  // Two modes of seed jars (fruit-tree seeds), flower pots and soil: nothing drawn.
  ['TaskGrowPlant', () => {}],
  // Recipes and their ingredients: nothing drawn.
  ['TaskChemistryMix', () => {}],
  // Two modes, each shuffling its three mixing containers (glass cup, wood bowl, jug).
  ['TaskChemistryMixPaint', (rng) => { for (let i = 0; i < 2; i++) rng.shuffle([0, 1, 2]); }],
  // Three modes of fifteen animals; the combinations shuffle with their own Random(0).
  ['TaskLifeSpan', () => {}],
  // Fourteen animals and their distractors; the shuffles use their own Random(1) and Random(species).
  ['TaskIdentifyLifeStages1', () => {}],
  // Ten fruit trees, each variation shuffling its flower pots' numbers 1-9.
  ['TaskIdentifyLifeStages2', (rng) => { for (let v = 0; v < STAGES2_VARIATIONS; v++) drawPotNumbers(rng); }],
  ['TaskInclinedPlane1', () => {}],
  ['TaskInclinedPlane2', () => {}],
  ['TaskInclinedPlane3', () => {}],
  // Pea traits (4 dominant/recessive draws), 8 seed jars of two plants whose chromosome pairs are
  // random except the trait asked (2 x 2 x 3 draws), then five shuffles of nine flower pots.
  ['TaskMendelianGenetics1', (rng) => { coinFlips(rng, 4 + 8 * 12); for (let i = 0; i < 5; i++) drawPotNumbers(rng); }],
  // Four unknown plants: traits (4), two throwaway plants (RandomGeneticsPlants' constructor draws a
  // pair of type E, 8, then the subclass its own pair, 8), 8 seed jars of two plants (a pair except
  // one trait, 6, plus the superclass's pair of type E, 8); then five shuffles of nine flower pots.
  ['TaskMendelianGenetics2', (rng) => { coinFlips(rng, 4 * (4 + 2 * 16 + 8 * 2 * (6 + 8))); for (let i = 0; i < 5; i++) drawPotNumbers(rng); }],
  // Three rooms x five temperature points x 24 objects, each given mkRandTemp's temperature.
  ['TaskUseInstrumentThermometer', (rng) => { for (let i = 0; i < 3 * 5 * 24; i++) drawRandTemp(rng, 0); }],
  // Five temperature points x five substances poured into ContainerMaker's random cup.
  ['TaskUseInstrumentThermometer2', (rng) => { for (let i = 0; i < 5 * 5; i++) rng.nextInt(7); }],
  // 5 x 5 temperature points x 24 letters: an unused coin flip, then a cup for those melting below 15 C.
  ['TaskUseInstrumentThermometer3', (rng) => { for (let i = 0; i < 5 * 5; i++) for (const inCup of UNKNOWN_IN_CUP) drawUnknownThermal(rng, inCup); }],
];

/** streamBefore's answers, by class and variation (each replays up to thousands of draws; one entry per item at most). */
const streamsBefore = new Map<string, JavaRandom>();

/** The shared stream as it stands when `taskClass`'s registerTasks begins. */
export function streamBefore(taskClass: string, variation: number): JavaRandom {
  const key = `${taskClass} ${variation}`;
  const known = streamsBefore.get(key);
  if (known) return known.copy();
  const rng = new JavaRandom(variation);
  for (const [name, draws] of LOAD_DRAWS) {
    if (name === taskClass) {
      streamsBefore.set(key, rng.copy());
      return rng;
    }
    if (!draws) throw new Error(`SciWorld: the load-time draws of ${name} are not counted yet (needed before ${taskClass})`);
    draws(rng);
  }
  throw new Error(`SciWorld: no task class ${taskClass}`);
}

/**
 * The shared stream as play begins, once every class has made its draws: what the bees draw from
 * as they fly (Bee.tick). ScienceWorld ticks a container's things in its hash set's order, so the
 * order the bees draw in is ScienceWorld's own only up to that.
 */
export function streamAfterLoad(variation: number): JavaRandom {
  const rng = new JavaRandom(variation);
  for (const [name, draws] of LOAD_DRAWS) {
    if (!draws) throw new Error(`SciWorld: the load-time draws of ${name} are not counted yet`);
    draws(rng);
  }
  return rng;
}
