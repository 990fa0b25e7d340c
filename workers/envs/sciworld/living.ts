/**
 * ScienceWorld's living things (objects/livingthing/**, processes/lifestage/**): animals with their
 * species' life cycles, fruit trees and pea plants from seed to reproducing (flowers with pollen,
 * water, soil and temperature stress, death), the bees flying by the shared random stream and
 * carrying pollen between flowers, a pollinated flower turning into its tree's fruit, and the
 * pots, soil and answer boxes the tasks place.
 */
import { JavaRandom } from './java-random.ts';
import { notContainer, openUnclosable, type Life, type LifeStage, type SwObject } from './objects.ts';
import type { Maker } from './world.ts';

const stage = (name: string, duration: number | null, canonical = '', death = false): LifeStage => ({ name, duration, canonical, death });

// The species' life cycles, default stage first (AnimalLifeStage, BirdLifeStage, ...).
const ANIMAL = [stage('baby', 20), stage('juvenile', 20), stage('adult', 50), stage('dead', null, '', true)];
const BIRD = [stage('egg', 20), stage('hatchling', 20), stage('juvenile', 20), stage('adult', 50), stage('dead', null, '', true)];
const TORTOISE = BIRD;
const BUTTERFLY = [
  stage('egg', 20, 'butterfly egg'),
  stage('caterpillar', 20, 'caterpillar'),
  stage('pupa', 20, 'butterfly pupa'),
  stage('adult', 50, 'adult butterfly'),
  stage('death', null, 'dead butterfly', true),
];
const FROG = [stage('egg', 20, 'frog egg'), stage('tadpole', 20, 'tadpole'), stage('adult', 50, 'adult frog'), stage('death', null, 'dead frog', true)];
/** AdultForeverLifeStage: the adult stage counts its ticks but never moves on. */
const ADULT_FOREVER = [stage('adult', null), stage('dead', null, '', true)];
/** PlantLifeStages.mkPlantLifeCycle (the find tasks' plants are made adult). */
const PLANT = [stage('seed', 10), stage('seedling', 10), stage('adult', 5), stage('reproducing', 5), stage('dead', null, '', true)];
const ADULT_PLANT = 2;

/** TaskFindLivingNonLiving.mkRandomAnimals' list, in its order: [name, life cycle]. */
export const ANIMALS: [string, LifeStage[]][] = [
  ['butterfly', BUTTERFLY],
  ['moth', BUTTERFLY],
  ['frog', FROG],
  ['common toad', FROG],
  ['giant tortoise', TORTOISE],
  ['turtle', TORTOISE],
  ['crocodile', TORTOISE],
  ['parrot', BIRD],
  ['dove', BIRD],
  ['blue jay', BIRD],
  ['elephant', ANIMAL],
  ['brown bear', ANIMAL],
  ['beaver', ANIMAL],
  ['wolf', ANIMAL],
];

/** The lifespan tasks' other animals (TaskLifeSpan), by their classes' names and life cycles. */
export const MORE_ANIMALS: [string, LifeStage[]][] = [
  ['chipmunk', ANIMAL],
  ['rabbit', ANIMAL],
  ['hedgehog', ANIMAL],
  ['mouse', ANIMAL],
  ['chameleon', TORTOISE],
  ['dragonfly', ANIMAL],
  ['ant', ANIMAL],
];

/** A species' life cycle by its name (the find list, then the lifespan tasks' others). */
export function lifeCycleOf(name: string): LifeStage[] {
  const found = [...ANIMALS, ...MORE_ANIMALS].find(([n]) => n === name);
  if (!found) throw new Error(`SciWorld: no animal species ${name}`);
  return found[1];
}

/**
 * LifeProperties*.lifespanTypical, in years: facts ScienceWorld keeps for question answering (they
 * do not change the simulation). The lifespan tasks ask which animal lives longest or shortest.
 */
export const LIFESPAN_YEARS: Readonly<Record<string, number>> = {
  'giant tortoise': 150,
  parrot: 80,
  elephant: 70,
  crocodile: 45,
  'brown bear': 30,
  turtle: 30,
  beaver: 16,
  wolf: 14,
  chipmunk: 12,
  'common toad': 10,
  rabbit: 9,
  'blue jay': 7,
  frog: 6,
  hedgehog: 5,
  mouse: 4,
  chameleon: 3,
  dove: 2,
  dragonfly: 0.4,
  moth: 0.2,
  butterfly: 0.1,
  ant: 0.1,
};

/** mkRandomPlants' list, in its order: the seven fruit trees' types, then the pea plant. */
export const TREE_TYPES = ['apple', 'avocado', 'banana', 'cherry', 'lemon', 'orange', 'peach'];

function life(type: string, stages: LifeStage[], form: Life['form'], cur = 0): Life {
  return { type, form, stages, cur, counters: stages.map(() => ({ ticks: 0, noWater: 0, noSoil: 0, hot: 0 })), isDead: false, isSickly: false };
}

export function animal(m: Maker, name: string, stages: LifeStage[]): SwObject {
  const o = m.obj(name, 'animal');
  o.life = life(name, stages, 'animal');
  return o;
}

/** Bee: an adult forever; ScienceWorld names it "bee <n>" and calls it an adult bee. */
export function bee(m: Maker, n: number): SwObject {
  const o = m.obj(`bee ${n}`, 'animal');
  o.life = life('bee', ADULT_FOREVER, 'bee');
  return o;
}

function plant(m: Maker, name: string, type: string, form: 'tree' | 'pea', cur = ADULT_PLANT): SwObject {
  const o = m.obj(name, 'plant', { mat: 'PlantMatterProp' });
  o.containerProp = openUnclosable();
  o.life = life(type, PLANT, form, cur);
  return o;
}

/** A fruit tree (FruitingTree), adult unless a stage is given; called "plant" until its first tick names it. */
export const tree = (m: Maker, type: string, stageIndex = ADULT_PLANT) => plant(m, 'plant', type, 'tree', stageIndex);

/** The plant life cycle's stage names, seed first (mkExamplesAtLifeStages makes a tree in each). */
export const PLANT_STAGES = PLANT.map((s) => s.name);

/** Animal.mkExamplesAtLifeStages: one of the species in each stage of its life cycle, death too. */
export function animalAtEachStage(m: Maker, name: string): SwObject[] {
  const stages = lifeCycleOf(name);
  return stages.map((_, i) => {
    const o = animal(m, name, stages);
    o.life!.cur = i;
    return o;
  });
}

/** SelfWateringFlowerPot: a flower pot that adds water to itself whenever it holds none. */
export function selfWateringPot(m: Maker): SwObject {
  const o = m.cup('self watering flower pot', 'CeramicProp', ['pot', 'flower pot']);
  o.extra.selfWatering = 1;
  return o;
}

/** GeneticTraitPeas' traits in its order: name, dominant value, recessive value. */
export const PEA_TRAITS: readonly [string, string, string][] = [
  ['plant height', 'tall', 'short'],
  ['seed shape', 'round', 'wrinkly'],
  ['seed color', 'green', 'orange'],
  ['flower color', 'purple', 'white'],
];
export type Genes = [boolean[], boolean[]];

/** GeneticTrait.mkRandomDomRec: dominant when the shared stream draws 0. */
export const randomAllele = (rng: JavaRandom) => rng.nextInt(2) === 0;

/** ChromosomePair.getPhenotypeValue: the recessive value only when both parents carry it. */
export function phenotype(genes: Genes, trait: number): string {
  const [, dom, rec] = PEA_TRAITS[trait];
  return genes[0][trait] || genes[1][trait] ? dom : rec;
}

/** A PeaPlant (in the stage given, adult by default) with that chromosome pair. */
export function peaWithGenes(m: Maker, genes: Genes, stageIndex = ADULT_PLANT): SwObject {
  const o = plant(m, 'pea', 'pea', 'pea', stageIndex);
  o.life!.genes = genes;
  return o;
}

/** PeaPlant with GeneticTraitPeas.mkRandomChromosomePair: each parent's four alleles drawn in turn. */
export function peaPlant(m: Maker, rng: JavaRandom): SwObject {
  const parent = () => PEA_TRAITS.map(() => randomAllele(rng));
  return peaWithGenes(m, [parent(), parent()]);
}

/**
 * GeneticReproduction.mateGenesPunnetSquare: per trait, a shuffle of the four pairings of the
 * parents' alleles (from the shared stream) picks the child's.
 */
function mate(a: Genes, b: Genes, rng: JavaRandom): Genes {
  const child: Genes = [[], []];
  PEA_TRAITS.forEach((_, t) => {
    const [x, y] = rng.shuffle([
      [a[0][t], b[0][t]],
      [a[0][t], b[1][t]],
      [a[1][t], b[0][t]],
      [a[1][t], b[1][t]],
    ])[0];
    child[0].push(x);
    child[1].push(y);
  });
  return child;
}

export function soil(m: Maker): SwObject {
  return m.obj('soil', 'soil', { mat: 'SoilProp' });
}

export function flowerPot(m: Maker): SwObject {
  return m.cup('flower pot', 'CeramicProp', ['pot', 'flower pot']);
}

export function answerBox(m: Maker, colour: string): SwObject {
  const o = m.obj(`${colour} box`, 'container', { mat: 'CeramicProp' });
  o.containerProp = openUnclosable();
  return o;
}

/** Plant.getPlantName: "<type> seed", else "<type> tree" or "<type> plant", as the object would show it. */
export function plantName(o: SwObject): string {
  const l = o.life!;
  if (isSeed(l)) return o.descriptName(`${l.type} seed`);
  return o.descriptName(`${l.type} ${l.form === 'pea' ? 'plant' : 'tree'}`);
}

/** PeaPlant.mkGeneticTraitsStr: a seed's shape and colour ("round green "), an adult's height (" with a tall height"). */
export function plantTraits(o: SwObject): string {
  const l = o.life!;
  if (!l.genes) return '';
  const st = l.stages[l.cur].name;
  if (st === 'seed') return `${phenotype(l.genes, 1)} ${phenotype(l.genes, 2)} `;
  return st === 'adult' || st === 'reproducing' ? ` with a ${phenotype(l.genes, 0)} height` : '';
}

/** Flower.mkGeneticTraitsStr: the parent plant's flower colour, if it has genes. */
export function flowerTraits(flower: SwObject): string {
  const genes = flower.parentPlant?.life?.genes;
  return genes ? phenotype(genes, 3) : '';
}

function changeStage(l: Life, name: string): void {
  l.cur = l.stages.findIndex((s) => s.name === name);
}

/** LifeStage.checkContainerHas: a thing of that name directly in the same container. */
function beside(o: SwObject, name: string): SwObject | undefined {
  return o.container?.children().find((c) => c.name === name);
}

/** The death stage: dead, and anything it holds drops out (a flower leaves its contents too). */
function deathTick(o: SwObject): void {
  o.life!.isDead = true;
  const parent = o.container;
  if (!parent) return;
  for (const c of [...o.children(), ...o.portalList()]) {
    if (c.kind === 'flower') {
      for (const x of c.children()) parent.add(x);
      c.delete();
    } else parent.add(c);
  }
}

/** getContainedObjectsOfType[Water]: water in any state (ice too). */
const isWater = (c: SwObject) => c.kind === 'substance' && c.material?.substanceName === 'water';

const isSeed = (l: Life) => l.stages[l.cur].name === 'seed';

type Counters = Life['counters'][number];

/** The soil and temperature checks every growing stage makes (seedling, adult, reproducing). */
function soilAndHeat(o: SwObject, l: Life, c: Counters): { stressed: boolean; sickly: boolean } {
  let stressed = false;
  let sickly = false;
  if (beside(o, 'soil')) c.noSoil = 0;
  else {
    stressed = true;
    c.noSoil++;
    if (c.noSoil >= 2) sickly = true;
    if (c.noSoil >= 5) changeStage(l, 'dead');
  }
  const t = o.material!.temperatureC;
  if (t >= 50 || t <= 0) {
    c.hot++;
    sickly = true;
    if (c.hot >= 5) changeStage(l, 'dead');
  } else c.hot = 0;
  return { stressed, sickly };
}

/** PlantLifeStageSeed: ten ticks with water and soil beside it, then it drinks the water and sprouts. */
function seedTick(o: SwObject, l: Life, c: Counters): void {
  const water = beside(o, 'water');
  if (!water || !beside(o, 'soil')) return;
  c.ticks++;
  if (c.ticks < l.stages[l.cur].duration!) return;
  water.delete();
  changeStage(l, 'seedling');
}

/** PlantLifeStageSeedling: dries out faster than an adult; after ten good ticks it drinks and grows up. */
function seedlingTick(o: SwObject, l: Life, c: Counters): void {
  const water = beside(o, 'water');
  let thirsty = false;
  let wilting = false;
  if (water) c.noWater = 0;
  else {
    thirsty = true;
    c.noWater++;
    if (c.noWater >= 10) wilting = true;
    if (c.noWater >= 20) changeStage(l, 'dead');
  }
  const { stressed, sickly } = soilAndHeat(o, l, c);
  l.isSickly = sickly || wilting;
  if (stressed || thirsty) return;
  c.ticks++;
  if (c.ticks < l.stages[l.cur].duration!) return;
  water!.delete();
  changeStage(l, 'adult');
}

/** PlantLifeStageAdult / PlantLifeStageReproduction.tick (the earlier stages have their own). */
function plantStageTick(o: SwObject, make: Maker): void {
  const l = o.life!;
  const st = l.stages[l.cur];
  const c = l.counters[l.cur];
  if (st.death) return deathTick(o);
  if (st.name === 'seed') return seedTick(o, l, c);
  if (st.name === 'seedling') return seedlingTick(o, l, c);
  let thirsty = false;
  let wilting = false;
  const water = beside(o, 'water');
  if (water) {
    c.noWater = 0;
    water.delete();
  } else {
    c.noWater++;
    if (c.noWater >= 25) thirsty = wilting = true;
    if (c.noWater >= 50) changeStage(l, 'dead');
  }
  const { stressed, sickly } = soilAndHeat(o, l, c);
  l.isSickly = sickly || wilting;
  if (stressed || thirsty) return;
  c.ticks++;
  if (c.ticks < st.duration!) return;
  if (st.name === 'adult') return changeStage(l, 'reproducing');
  // Reproducing: a flower every five good ticks, one at a time.
  if (!o.children().some((x) => x.kind === 'flower')) o.add(flower(make, o));
  c.ticks = 0;
}

function flower(m: Maker, parent: SwObject): SwObject {
  const o = m.obj('flower', 'flower', { mat: 'FlowerMatterProp' });
  o.containerProp = openUnclosable();
  o.parentPlant = parent;
  o.extra.pollinationStep = 0;
  return o;
}

/** Flower.addPollen: the flower grows its plant's pollen when it holds none of it. */
function addPollen(o: SwObject, make: Maker): void {
  const parent = o.parentPlant!;
  if (o.children().some((c) => c.kind === 'pollen' && c.parentPlant === parent)) return;
  const pollen = make.obj('pollen', 'pollen', { mat: 'PollenMatterProp' });
  pollen.containerProp = notContainer();
  pollen.parentPlant = parent;
  o.add(pollen);
}

/** Flower.pollinate: pollen of another plant of the same type is used up and starts the fruit. */
function pollinate(o: SwObject, pollen: SwObject): boolean {
  const parent = o.parentPlant!;
  if (pollen.parentPlant === parent || pollen.parentPlant!.life!.type !== parent.life!.type) return false;
  pollen.delete();
  o.extra.pollinationStep = 1;
  o.otherParent = pollen.parentPlant;
  return true;
}

/** PollinationProperties.stepsUntilFruitingBodyForms. */
const STEPS_TO_FRUIT = 5;

/**
 * Flower.tick: unpollinated, it grows its pollen and looks for another plant's pollen on itself or
 * on what is in it (a bee); pollinated, it wilts, and five ticks later it becomes its plant's fruit
 * (PlantReproduction.createFruit), leaving what it held with the plant.
 */
function flowerTick(o: SwObject, make: Maker): void {
  const step = Number(o.extra.pollinationStep);
  if (step > 0) {
    o.extra.pollinationStep = step + 1;
    const plant = o.container;
    if (step + 1 <= STEPS_TO_FRUIT || !plant) return;
    plant.add(fruit(make, o.parentPlant!, o.otherParent));
    for (const c of [...o.children(), ...o.portalList()]) plant.add(c);
    o.delete();
    return;
  }
  addPollen(o, make);
  for (const c of o.children()) {
    if (c.kind === 'pollen' ? pollinate(o, c) : c.children().some((p) => p.kind === 'pollen' && pollinate(o, p))) return;
  }
}

/** PlantReproduction.createFruit: a pea pod is a pea seed of the two parents' child; a tree gives its Food.scala fruit. */
function fruit(make: Maker, parent: SwObject, other: SwObject | undefined): SwObject {
  const type = parent.life!.type;
  const [a, b] = [parent.life!.genes, other?.life?.genes];
  if (type === 'pea' && a && b) return peaWithGenes(make, mate(a, b, make.shared()), 0);
  if (type === 'apple') return make.apple();
  return make.food(type, type === 'avocado' || type === 'orange' ? 'food-an' : 'a');
}

const isLocation = (o: SwObject) => o.kind === 'room' || o.kind === 'outside';

/** WanderingAnimal.moveToNewLocation: through a random open door, or out of the open container it is in. */
function beeMoves(o: SwObject, rng: JavaRandom): void {
  const here = o.container!;
  const doors = here.portalList().filter((p) => p.kind === 'door' && p.portal!.isOpen);
  if (doors.length === 0) {
    if (isLocation(here) || !here.containerProp?.isOpen) return;
    let room = here.container;
    while (room && !isLocation(room)) room = room.container;
    room?.add(o);
    return;
  }
  const { from, to } = doors[rng.nextInt(doors.length)].portal!;
  (from === here ? to : from).add(o);
}

/** Bee.moveIntoFlower: into a random flower it can reach from where it is. */
function beeIntoFlower(o: SwObject, rng: JavaRandom): void {
  const flowers: SwObject[] = [];
  const walk = (c: SwObject) => {
    for (const x of c.children()) {
      if (x.kind === 'flower') flowers.push(x);
      if (x.containerProp?.isOpen) walk(x);
    }
  };
  walk(o.container!);
  if (flowers.length === 0) return;
  flowers.sort((a, b) => a.uuid - b.uuid)[rng.nextInt(flowers.length)].add(o);
}

/** Bee.collectPollen: a random pollen from where it is, unless it carries more than five. */
function beeCollects(o: SwObject, rng: JavaRandom): void {
  if (o.children().filter((c) => c.kind === 'pollen').length > 5) return;
  const pollens = o.container!.children().filter((c) => c.kind === 'pollen');
  if (pollens.length === 0) return;
  o.add(pollens[rng.nextInt(pollens.length)]);
}

/** Bee.tick: a coin flip picks between its two moves (from a flower: collect pollen or leave; else: into a flower or leave). */
function beeTick(o: SwObject, make: Maker): void {
  if (!o.container) return;
  const rng = make.shared();
  const inFlower = o.container.kind === 'flower';
  const coin = rng.nextInt(2);
  if (inFlower) {
    if (coin === 0) beeCollects(o, rng);
    else beeMoves(o, rng);
  } else if (coin === 1) beeIntoFlower(o, rng);
  else beeMoves(o, rng);
}

/** The living part of a tick (before the generic EnvObject tick), per class. */
export function lifeTick(o: SwObject, make: Maker): void {
  if (o.kind === 'flower') return flowerTick(o, make);
  if (o.extra.selfWatering && !o.children().some(isWater)) o.add(make.water());
  const l = o.life;
  if (!l) return;
  if (l.form === 'bee') beeTick(o, make);
  if (o.kind === 'plant') {
    // FruitingTree / PeaPlant rename themselves first.
    o.name = plantName(o);
    return plantStageTick(o, make);
  }
  const st = l.stages[l.cur];
  if (st.death) return deathTick(o);
  const c = l.counters[l.cur];
  c.ticks++;
  if (st.duration !== null && c.ticks >= st.duration) l.cur++;
}
