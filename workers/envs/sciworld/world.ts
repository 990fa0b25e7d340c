/**
 * ScienceWorld's house (environments/BuildingMaker.scala, EnvironmentMaker.scala): the ten
 * locations, what each starts with, and the doors (all closed), built with the same Random calls in
 * the same order so variation v gets ScienceWorld's pictures, book shelves, table, colours, shovel
 * place and start room. Object makers mirror the Scala classes' constructors (names, materials,
 * containers, devices, and the children a constructor adds).
 */
import type { JavaRandom } from './java-random.ts';
import { bee } from './living.ts';
import { streamAfterLoad } from './load-stream.ts';
import { closable, device, material, materialSpec, notContainer, openUnclosable, SwObject, type Uuids } from './objects.ts';

/** Referents "table" and "wood table" for a kind made of a material; one shared list per pair (referents are never edited). */
const REFS = new Map<string, Map<string, readonly string[]>>();
function materialRefs(kind: string, mat: string): readonly string[] {
  let byMat = REFS.get(kind);
  if (!byMat) REFS.set(kind, (byMat = new Map()));
  let refs = byMat.get(mat);
  if (!refs) byMat.set(mat, (refs = Object.freeze([kind, `${materialSpec(mat).substanceName} ${kind}`])));
  return refs;
}

export class Maker {
  private sharedRng: JavaRandom | null = null;

  constructor(
    readonly ids: Uuids,
    readonly variation = 0,
  ) {}

  /** ScienceWorld's shared Random in play (the bees fly by it), worked out when first asked for. */
  shared(): JavaRandom {
    return (this.sharedRng ??= streamAfterLoad(this.variation));
  }

  obj(name: string, kind: string, opts: { mat?: string; refs?: readonly string[]; terminals?: boolean } = {}): SwObject {
    const o = new SwObject(this.ids, name, kind, opts.terminals ?? true);
    if (opts.mat) o.material = material(opts.mat);
    if (opts.refs) o.refs = opts.refs;
    return o;
  }

  substance(name: string, mat: string, temp?: number): SwObject {
    const o = this.obj(name, 'substance', { mat, refs: ['substance'] });
    if (temp !== undefined) o.material!.temperatureC = temp;
    return o;
  }

  water(): SwObject {
    return this.substance('water', 'WaterProp');
  }

  /** Cups, pots, jars, bowls, jugs (containers/Container.scala). */
  cup(name: string, mat: string, refs: string[], closed = false): SwObject {
    const o = this.obj(name, 'cup', { mat, refs });
    o.containerProp = closed ? closable() : openUnclosable();
    return o;
  }
  metalPot(): SwObject {
    return this.cup('metal pot', 'SteelProp', ['pot', 'metal pot']);
  }
  glassCup(): SwObject {
    return this.cup('glass cup', 'GlassProp', ['cup', 'glass cup']);
  }
  plasticCup(): SwObject {
    return this.cup('plastic cup', 'PlasticProp', ['cup', 'plastic cup']);
  }
  woodCup(): SwObject {
    return this.cup('wood cup', 'WoodProp', ['cup', 'wood cup']);
  }
  tinCup(): SwObject {
    return this.cup('tin cup', 'TinProp', ['cup', 'tin cup']);
  }
  paperCup(): SwObject {
    return this.cup('paper cup', 'PaperProp', ['cup', 'paper cup']);
  }
  ceramicCup(): SwObject {
    return this.cup('ceramic cup', 'CeramicProp', ['cup', 'ceramic cup']);
  }
  woodBowl(): SwObject {
    return this.cup('bowl', 'WoodProp', ['bowl', 'wood bowl']);
  }
  jug(): SwObject {
    return this.cup('jug', 'PlasticProp', ['jug']);
  }
  glassJar(): SwObject {
    return this.cup('glass jar', 'GlassProp', ['jar', 'glass jar'], true);
  }

  /** Tables, desks, counters, cupboards, closets (containers/furniture/Table.scala). */
  furniture(name: string, kind: 'table' | 'cupboard', mat: string, withDrawer: boolean): SwObject {
    const o = this.obj(name, kind, { mat, refs: materialRefs(name.split(' ').pop()!, mat) });
    o.containerProp = kind === 'cupboard' ? closable() : openUnclosable();
    if (withDrawer) {
      const drawer = this.obj('drawer', 'drawer', { mat: 'WoodProp', refs: ['drawer', 'wood table'] });
      drawer.containerProp = closable();
      o.add(drawer);
    }
    return o;
  }
  woodTable(): SwObject {
    return this.furniture('table', 'table', 'WoodProp', false);
  }
  steelTable(): SwObject {
    return this.furniture('table', 'table', 'SteelProp', false);
  }
  desk(): SwObject {
    return this.furniture('desk', 'table', 'WoodProp', true);
  }
  counter(): SwObject {
    return this.furniture('counter', 'table', 'WoodProp', true);
  }
  cupboard(): SwObject {
    return this.furniture('cupboard', 'cupboard', 'WoodProp', true);
  }
  closet(): SwObject {
    return this.furniture('closet', 'cupboard', 'WoodProp', false);
  }

  sittable(name: string, mat: string): SwObject {
    const o = this.obj(name, 'sittable', { mat, refs: materialRefs('sittable', mat) });
    o.containerProp = openUnclosable();
    return o;
  }
  /** devices/StopWatch.scala: off until activated, counting ticks while on. */
  stopwatch(): SwObject {
    const o = this.obj('stopwatch', 'stopwatch', { refs: ['stopwatch', 'watch', 'timer'] });
    o.deviceProp = device(true, false);
    o.containerProp = notContainer();
    return o;
  }
  pillow(): SwObject {
    return this.obj('pillow', 'pillow', { mat: 'CottonClothProp', refs: ['object'] });
  }

  /** A fixed device (stove, oven, sink...): not movable. */
  fixed(name: string, kind: string, refs: string[]): SwObject {
    const o = this.obj(name, kind, { refs });
    o.movable = false;
    return o;
  }

  heater(name: string, kind: 'stove' | 'oven', maxTemp: number, refs: string[]): SwObject {
    const o = this.fixed(name, kind, refs);
    o.deviceProp = device(true, false);
    o.heatMax = maxTemp;
    o.heatSet = null;
    o.containerProp = kind === 'stove' ? openUnclosable() : closable();
    return o;
  }

  cooler(name: string, minTemp: number, refs: string[]): SwObject {
    const o = this.fixed(name, 'cooler', refs);
    o.deviceProp = device(true, true);
    o.coolMin = minTemp;
    o.coolSet = minTemp;
    o.containerProp = closable();
    return o;
  }

  basin(name: string, kind: 'sink' | 'toilet', mat: string, sewer: SwObject): SwObject {
    const o = this.fixed(name, kind, [name]);
    o.material = material(mat);
    o.containerProp = openUnclosable();
    o.deviceProp = device(true, false);
    const drain = this.obj('drain', 'drain');
    drain.movable = false;
    drain.portal = { isOpen: true, from: o, to: sewer };
    o.addPortal(drain);
    return o;
  }

  picture(rng: JavaRandom): SwObject {
    const o = this.obj('document', 'picture', { mat: 'PaperProp' });
    o.containerProp = notContainer();
    o.name = PICTURE_TYPES[rng.nextInt(PICTURE_TYPES.length)];
    o.extra.subject = SUBJECTS[rng.nextInt(SUBJECTS.length)];
    o.extra.artist = ARTISTS[rng.nextInt(ARTISTS.length)];
    return o;
  }

  bookShelf(rng: JavaRandom): SwObject {
    const numBooks = rng.nextInt(4);
    const shelf = this.cup('book shelf', 'WoodProp', ['shelf', 'book shelf']);
    for (let i = 0; i < numBooks; i++) {
      let idx = rng.nextInt(10);
      while (idx >= BOOKS.length) idx = rng.nextInt(10);
      const [title, author] = BOOKS[idx];
      const book = this.obj(`book (${title})`, 'book', { mat: 'PaperProp' });
      book.extra.title = title;
      book.extra.author = author;
      shelf.add(book);
    }
    return shelf;
  }

  food(name: string, kind: 'a' | 'food-an' | 'bare' | 'canonical', mat?: string): SwObject {
    const o = this.obj(name, kind, { mat, refs: [name] });
    o.extra.edible = 1;
    return o;
  }
  apple(): SwObject {
    const o = this.obj('apple', 'apple');
    o.extra.color = 'red';
    o.extra.edible = 1;
    return o;
  }

  /** Paint (substance/paint/Paint.scala) with GenericPaintProp's physics and its colour's names. */
  paint(color: string): SwObject {
    const o = this.obj(`${color} paint`, 'bare', { mat: 'WaterProp', refs: ['paint'] });
    Object.assign(o.material!, {
      substanceName: `${color}paint`,
      nameInStateOfMatter: { solid: `dried ${color} paint`, liquid: `${color} paint`, gas: `gaseous ${color} paint` },
      color,
      temperatureC: 10,
      thermalConductivity: 0.2,
      stateOfMatter: 'liquid',
      boilingPoint: 10000,
      meltingPoint: 0,
      combustionPoint: 293,
      frictionCoefficient: 0.3,
    });
    return o;
  }
  orange(): SwObject {
    return this.food('orange', 'food-an');
  }
  orangeJuice(): SwObject {
    return this.food('orange juice', 'bare', 'OrangeJuiceProp');
  }

  thermometer(): SwObject {
    const o = this.obj('thermometer', 'thermometer', { mat: 'GlassProp', refs: ['thermometer'] });
    o.containerProp = notContainer();
    o.deviceProp = device(false, false, true);
    return o;
  }

  shovel(): SwObject {
    const o = this.obj('shovel', 'a', { mat: 'SteelProp', refs: ['shovel'] });
    o.containerProp = notContainer();
    o.deviceProp = device(false, false, true);
    return o;
  }

  lighter(): SwObject {
    const o = this.obj('lighter', 'lighter', { mat: 'MetalProp', refs: ['lighter'] });
    o.containerProp = notContainer();
    o.deviceProp = device(false, false, true);
    o.heatMax = 2200;
    o.heatSet = null;
    return o;
  }

  room(name: string): SwObject {
    const room = this.obj(name, 'room');
    room.movable = false;
    room.containerProp = openUnclosable();
    room.add(this.substance('air', 'AirProp', 25));
    return room;
  }
}

const PICTURE_TYPES = ['picture', 'drawing', 'painting', 'finger painting'];
const SUBJECTS = ['a cow', 'a chicken', 'a farm', 'a lush green meadow', 'rolling hills', 'a wintery mountain', 'a boat crossing a river', 'the moon', 'abstract shapes', 'two people playing'];
const ARTISTS = ['Alexandra', 'Owen', 'Bob', 'Lily'];
const BOOKS: [string, string][] = [
  ['Moby Dick', 'Herman Melville'],
  ['Frankenstein', 'Mary Wollstonecraft Shelley'],
  ['Sherlock Holmes', 'Arthur Conan Doyle'],
  ['Pride and Prejudice', 'Jane Austen'],
  ['Beowulf', 'Beowulf poet'],
  ['The Foundations of the Origin of Species', 'Charles Darwin'],
];

export interface House {
  universe: SwObject;
  agent: SwObject;
  inventory: SwObject;
  rooms: Map<string, SwObject>;
}

function kitchen(m: Maker, rng: JavaRandom, sewer: SwObject): SwObject {
  const room = m.room('kitchen');
  room.add(m.basin('sink', 'sink', 'SteelProp', sewer));
  room.add(m.heater('stove', 'stove', 260, ['stove']));
  const fridge = m.cooler('fridge', 2, ['fridge']);
  room.add(fridge);
  room.add(m.cooler('freezer', -18, ['freezer']));
  room.add(m.heater('oven', 'oven', 540, ['oven']));
  const cupboard = m.cupboard();
  room.add(cupboard);
  cupboard.add(m.metalPot());
  cupboard.add(m.tinCup());
  cupboard.add(m.ceramicCup());
  const counter = m.counter();
  room.add(counter);
  const bowl = m.woodBowl();
  counter.add(bowl);
  bowl.add(m.apple());
  bowl.add(m.food('banana', 'a'));
  bowl.add(m.orange());
  bowl.add(m.food('potato', 'a'));
  const cup2 = m.woodCup();
  cup2.add(m.orangeJuice());
  fridge.add(cup2);
  room.add(m.thermometer());
  room.add(m.picture(rng));
  const table = m.woodTable();
  room.add(table);
  table.add(m.glassCup());
  room.add(m.sittable('chair', 'WoodProp'));
  room.add(m.lighter());
  const jar = m.glassJar();
  jar.add(m.substance('sodium chloride', 'SodiumChlorideProp'));
  room.add(jar);
  room.add(m.substance('soap', 'SoapProp'));
  room.add(m.stopwatch());
  return room;
}

function livingRoom(m: Maker, rng: JavaRandom): SwObject {
  const room = m.room('living room');
  const couch = m.sittable('couch', 'CottonClothProp');
  couch.add(m.pillow());
  room.add(couch);
  room.add(m.sittable('chair', 'WoodProp'));
  const t = rng.nextInt(3);
  room.add(t === 0 ? m.woodTable() : t === 1 ? m.steelTable() : m.desk());
  room.add(m.picture(rng));
  if (rng.nextBoolean()) room.add(m.bookShelf(rng));
  return room;
}

function bedroom(m: Maker, rng: JavaRandom): SwObject {
  const room = m.room('bedroom');
  const bed = m.sittable('bed', 'WoodProp');
  const mattress = m.sittable('mattress', 'CottonClothProp');
  bed.add(mattress);
  mattress.add(m.pillow());
  room.add(bed);
  room.add(m.woodTable());
  room.add(m.closet());
  room.add(m.picture(rng));
  if (rng.nextBoolean()) room.add(m.bookShelf(rng));
  return room;
}

function bathroom(m: Maker, rng: JavaRandom, sewer: SwObject): SwObject {
  const room = m.room('bathroom');
  room.add(m.basin('sink', 'sink', 'SteelProp', sewer));
  const toilet = m.basin('toilet', 'toilet', 'SteelProp', sewer);
  toilet.extra.flushStage = 0;
  toilet.add(m.water());
  room.add(toilet);
  room.add(m.basin('bathtub', 'sink', 'CeramicProp', sewer));
  room.add(m.glassCup());
  room.add(m.picture(rng));
  return room;
}

/** A polarized electrical component: an anode and a cathode (made after it) instead of the two hidden terminals. */
export function electrical(m: Maker, name: string, kind: string, refs: string[]): SwObject {
  const o = m.obj(name, kind, { refs, terminals: false });
  const [anode, cathode] = ['anode', 'cathode'].map((pole) => m.obj(pole, 'terminal', { terminals: false }));
  for (const t of [anode, cathode]) {
    t.movable = false;
    o.add(t);
  }
  o.terminals = [anode, cathode];
  return o;
}

/** A wire (UnpolarizedElectricalComponent): metal, its two terminals visible. */
export function wire(m: Maker, name: string): SwObject {
  const o = m.obj(name, 'wire', { mat: 'MetalProp', refs: ['component'] });
  for (const t of o.terminals!) t.hidden = false;
  o.deviceProp = device(false, false);
  return o;
}

function workshop(m: Maker, rng: JavaRandom): SwObject {
  const room = m.room('workshop');
  const table = m.woodTable();
  room.add(table);
  const lights = rng.shuffle(['red', 'green', 'blue', 'yellow', 'orange', 'violet']);
  for (const c of lights.slice(0, 3)) {
    const bulb = electrical(m, `${c} light bulb`, 'light bulb', ['light', 'light bulb']);
    bulb.deviceProp = device(false, false);
    table.add(bulb);
  }
  const wires = rng.shuffle(['red', 'green', 'blue', 'yellow', 'orange', 'black']);
  for (const c of wires.slice(0, 3)) {
    table.add(wire(m, `${c} wire`));
  }
  const sw = electrical(m, 'switch', 'switch', ['component']);
  sw.deviceProp = device(true, false);
  table.add(sw);
  const battery = electrical(m, 'battery', 'battery', ['generator']);
  battery.deviceProp = device(false, true);
  table.add(battery);
  room.add(m.cooler('ultra low temperature freezer', -86, ['freezer']));
  return room;
}

function greenhouse(m: Maker, sewer: SwObject): SwObject {
  const room = m.room('greenhouse');
  room.add(m.jug());
  const hive = m.obj('bee hive', 'cupboard', { mat: 'WoodProp', refs: ['bee hive', 'hive', 'beehive'] });
  hive.containerProp = closable();
  for (let i = 0; i < 5; i++) hive.add(bee(m, i));
  room.add(hive);
  room.add(m.basin('sink', 'sink', 'SteelProp', sewer));
  return room;
}

function artStudio(m: Maker, rng: JavaRandom): SwObject {
  const room = m.room('art studio');
  const table = m.woodTable();
  room.add(table);
  table.add(rng.shuffle([m.glassCup(), m.woodBowl(), m.jug()])[0]);
  const paint = (color: string) => m.paint(color);
  for (const c of ['red', 'blue', 'yellow']) {
    const cup = m.woodCup();
    cup.add(paint(c));
    room.add(cup);
  }
  const cupboard = m.cupboard();
  room.add(cupboard);
  for (const c of ['red', 'blue', 'yellow']) {
    const cup = m.woodCup();
    cup.add(paint(c));
    cupboard.add(cup);
  }
  cupboard.name = 'large cupboard';
  return room;
}

function outside(m: Maker): SwObject {
  const out = m.obj('outside', 'outside');
  out.movable = false;
  out.containerProp = openUnclosable();
  out.add(m.substance('air', 'AirProp', 25));
  const ground = m.obj('ground', 'ground', { mat: 'SoilProp', refs: ['ground'] });
  ground.containerProp = openUnclosable();
  out.add(ground);
  const pit = m.obj('fire pit', 'container', { mat: 'CeramicProp', refs: ['fire pit'] });
  pit.containerProp = openUnclosable();
  out.add(pit);
  out.add(m.substance('wood', 'WoodProp'));
  const axe = m.obj('axe', 'axe', { mat: 'SteelProp', refs: ['axe'] });
  axe.containerProp = notContainer();
  axe.deviceProp = device(false, false, true);
  out.add(axe);
  const fountain = m.obj('fountain', 'container', { mat: 'CeramicProp', refs: ['fountain'] });
  fountain.containerProp = openUnclosable();
  out.add(fountain);
  return out;
}

function foundry(m: Maker, sewer: SwObject): SwObject {
  const room = m.room('foundry');
  room.add(m.heater('blast furnace', 'oven', 3000, ['furnace']));
  room.add(m.basin('sink', 'sink', 'SteelProp', sewer));
  room.add(m.steelTable());
  return room;
}

function door(m: Maker, a: SwObject, b: SwObject): void {
  const d = m.obj('door', 'door');
  d.movable = false;
  d.portal = { isOpen: false, from: a, to: b };
  a.addPortal(d);
  b.addPortal(d);
}

/** EnvironmentMaker.mkKitchenEnvironment: the house, then the agent in a random room. */
export function buildHouse(m: Maker, rng: JavaRandom): House {
  const universe = m.obj('universe', 'room');
  const sewer = m.obj('sewer', 'container');
  sewer.containerProp = openUnclosable();
  sewer.hidden = true;
  universe.add(sewer);
  const k = kitchen(m, rng, sewer);
  const lr = livingRoom(m, rng);
  const bed = bedroom(m, rng);
  const bath = bathroom(m, rng, sewer);
  const ws = workshop(m, rng);
  const gh = greenhouse(m, sewer);
  const art = artStudio(m, rng);
  const hall = m.room('hallway');
  hall.add(m.picture(rng));
  const out = outside(m);
  const fd = foundry(m, sewer);
  const all = [k, lr, bed, bath, ws, gh, art, hall, out, fd];
  for (const r of all) universe.add(r);
  (rng.nextInt(2) === 1 ? gh : out).add(m.shovel());
  door(m, k, hall);
  door(m, lr, hall);
  door(m, bed, hall);
  door(m, bath, k);
  door(m, ws, hall);
  door(m, gh, hall);
  door(m, art, hall);
  door(m, k, out);
  door(m, gh, out);
  door(m, fd, out);

  const agent = m.obj('agent', 'agent');
  agent.movable = false;
  const inventory = m.obj('inventory', 'inventory');
  inventory.containerProp = openUnclosable();
  inventory.movable = false;
  agent.add(inventory);
  inventory.add(m.orange());
  const byName = [...all].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.uuid - b.uuid));
  byName[rng.nextInt(byName.length)].add(agent);
  return { universe, agent, inventory, rooms: new Map(all.map((r) => [r.name, r])) };
}
