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
  ['TaskInclinedPlane1', null],
  ['TaskInclinedPlane2', null],
  ['TaskInclinedPlane3', null],
  ['TaskMendelianGenetics1', null],
  ['TaskMendelianGenetics2', null],
  ['TaskUseInstrumentThermometer', null],
  ['TaskUseInstrumentThermometer2', null],
  ['TaskUseInstrumentThermometer3', null],
];

/** The shared stream as it stands when `taskClass`'s registerTasks begins. */
export function streamBefore(taskClass: string, variation: number): JavaRandom {
  const rng = new JavaRandom(variation);
  for (const [name, draws] of LOAD_DRAWS) {
    if (name === taskClass) return rng;
    if (!draws) throw new Error(`SciWorld: the load-time draws of ${name} are not counted yet (needed before ${taskClass})`);
    draws(rng);
  }
  throw new Error(`SciWorld: no task class ${taskClass}`);
}
