/**
 * What objects are called and how they read: each ScienceWorld class's getDescription (cursory in
 * lists, detailed for "look at") and getReferents, plus util/StringHelpers' list rendering.
 */
import { connectedToText, parentOf, polesText } from './electric.ts';
import { planeDescription, planeReferents } from './incline.ts';
import { flowerTraits, plantName, plantTraits } from './living.ts';
import { CURSORY, DETAILED, type SwObject } from './objects.ts';

/** objectListToStringDescription: sorted by (name, uuid), hidden ones skipped. */
export function listDescription(objs: readonly SwObject[], perspective: SwObject, mode: number, multiline: boolean): string {
  const sorted = [...objs].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.uuid - b.uuid));
  const descs = sorted.filter((o) => !o.hidden).map((o) => (o.portal ? portalDescription(o, perspective) : description(o, mode)));
  if (descs.length === 0) return multiline ? '\tnothing' : 'nothing';
  if (!multiline) return descs.join(', ');
  return descs.map((d) => `\t${d}\n`).join('');
}

/** portalListToStringDescription: descriptions sorted as strings. */
function portalListDescription(portals: readonly SwObject[], perspective: SwObject): string {
  const descs = portals.filter((p) => !p.hidden).map((p) => portalDescription(p, perspective)).sort();
  if (descs.length === 0) return '\tnothing';
  return descs.map((d) => `\t${d}\n`).join('');
}

export function connectsTo(portal: SwObject, perspective: SwObject): SwObject | null {
  const p = portal.portal!;
  if (perspective === p.from) return p.to;
  if (perspective === p.to) return p.from;
  if (perspective.contents.includes(p.from)) return p.to;
  if (perspective.contents.includes(p.to)) return p.from;
  return null;
}

export function portalDescription(portal: SwObject, perspective: SwObject): string {
  const p = portal.portal!;
  const state = p.isOpen ? 'open' : 'closed';
  if (portal.kind === 'drain') return `A ${portal.name}, which is ${state}`;
  const to = connectsTo(portal, perspective);
  if (to) return `A ${portal.name} to the ${to.name} (that is ${state})`;
  return `A ${portal.name} that connects the ${p.from.name} to the ${p.to.name} (that is ${state})`;
}

const contentsOf = (o: SwObject) => [...o.children(), ...o.portalList()];

/** "a X. On the X is: ..." for tables, desks, counters (cursory one line, detailed one per line). */
function surface(o: SwObject, mode: number, prep: string): string {
  const n = o.descriptName();
  if (mode === CURSORY) return `a ${n}. ${prep} the ${n} is: ${listDescription(o.children(), o, CURSORY, false)}.`;
  return `a ${n}. ${prep} the ${n} is: \n${listDescription(o.children(), o, CURSORY, true)}`;
}

/** Cupboards, closets, ovens, furnaces, hives: "The X door is open/closed." then the contents. */
function doorContents(o: SwObject, mode: number, head: string, withPortals: boolean): string {
  const n = o.descriptName();
  const open = o.containerProp!.isOpen;
  let s = `${head}The ${n} door is ${open ? 'open' : 'closed'}. `;
  const items = withPortals ? contentsOf(o) : o.children();
  if (open) {
    if (mode === CURSORY) s += `In the ${n} is: ${listDescription(items, o, CURSORY, false)}.`;
    else s += `In the ${n} is: \n${listDescription(items, o, CURSORY, true)}`;
  }
  return s;
}

const onOff = (o: SwObject) => (o.deviceProp!.isActivated ? 'on' : 'off');

function plainContainer(o: SwObject): string {
  const items = contentsOf(o);
  if (items.length === 0) return `an empty ${o.descriptName()}`;
  return `a ${o.descriptName()} (containing ${listDescription(items, o, CURSORY, false)})`;
}

export function description(o: SwObject, mode: number = CURSORY): string {
  const n = o.descriptName();
  switch (o.kind) {
    case 'room':
      return `This room is called the ${n}. In it, you see: \n${listDescription(o.children(), o, CURSORY, true)}You also see:\n${portalListDescription(o.portalList(), o)}`;
    case 'outside':
      return `This outside location is called the ${n}. Here you see: \n${listDescription(o.children(), o, CURSORY, true)}You also see:\n${portalListDescription(o.portalList(), o)}`;
    case 'agent':
      return 'the agent';
    case 'substance':
      return `a substance called ${n}`;
    case 'cup':
    case 'container':
    case 'inventory':
      return plainContainer(o);
    case 'table':
      return surface(o, mode, 'On');
    case 'cupboard':
      return doorContents(o, mode, `a ${n}. `, false);
    case 'drawer':
      if (mode !== DETAILED) return `a ${n}`;
      if (!o.containerProp!.isOpen) return `a ${n}.  The drawer is closed.`;
      return `a ${n}. In the ${n} is: \n${listDescription(o.children(), o, CURSORY, true)}`;
    case 'sittable':
      return `a ${n}. On the ${n} is: ${listDescription(contentsOf(o), o, CURSORY, false)}.`;
    case 'pillow':
      return `a ${o.material!.color} ${n}`;
    case 'stove':
      return `a ${o.name}, which is turned ${onOff(o)}. On the stove is: ${listDescription(contentsOf(o), o, CURSORY, false)}.`;
    case 'oven':
      return doorContents(o, mode, `a ${n}, which is turned ${onOff(o)}. `, true);
    case 'cooler': {
      const head = `a ${n}${o.deviceProp!.isActivated ? '' : ', which is turned off'}. `;
      const open = o.containerProp!.isOpen;
      return `${head}The ${n} door is ${open ? 'open' : 'closed'}. ${open ? `In the ${n} is: ${listDescription(contentsOf(o), o, CURSORY, false)}.` : ''}`;
    }
    case 'sink': {
      let s = `a ${n}, which is turned ${onOff(o)}. In the ${n} is: ${listDescription(o.children(), o, CURSORY, false)}.`;
      if (mode === DETAILED) for (const p of o.portalList()) s += ` The ${p.name} is ${p.portal!.isOpen ? 'open' : 'closed'}.`;
      return s;
    }
    case 'toilet': {
      let s = `a ${n}${Number(o.extra.flushStage ?? 0) > 0 ? ', which is flushing' : ''}. `;
      if (o.contents.length > 0) s += `In the ${n} is: ${listDescription(contentsOf(o), o, CURSORY, false)}.`;
      return s;
    }
    case 'thermometer':
      return o.material ? `a ${n}, currently reading a temperature of ${formatTemp(o.material.temperatureC)} degrees celsius` : `a ${n}`;
    case 'stopwatch': {
      const s = `a ${n}, which is ${o.deviceProp!.isActivated ? 'activated' : 'deactivated'}. `;
      return mode === DETAILED ? `${s}The time reads ${o.extra.userTime ?? 0} ticks.` : s;
    }
    case 'axe':
      return `an ${n}`;
    case 'picture':
      if (mode === CURSORY) return `a ${n}`;
      return `a ${n} of ${o.extra.subject}.  The artist is listed as ${o.extra.artist}. `;
    case 'book':
      return `A ${n} titled ${o.extra.title} by ${o.extra.author}`;
    case 'food-an':
      return `an ${n}`;
    case 'apple':
      // Apple and Apricot: named by colour.
      return `a ${o.descriptName(`${o.extra.color} ${fruitOf(o)}`)}`;
    case 'bare':
      return n;
    case 'canonical':
      return o.descriptName(String(o.extra.canonical));
    case 'document': {
      // Document and Recipe give their title; Paper says when it is blank; ColoredPaper names itself.
      const title = String(o.extra.title);
      if (title) return `A ${n} titled ${title}`;
      return o.name === 'paper' ? `A blank ${n}` : `A ${n}`;
    }
    case 'fork':
      return `A ${n}`;
    case 'ground':
      return `the ${n}`;
    case 'hole':
      // Hole.getDescription: "a hole " and its name when it holds nothing visible (so "a hole hole"), else its contents.
      return o.children(false).length === 0 ? `a hole ${n}` : `a ${n} (containing ${listDescription(o.children(), o, CURSORY, false)})`;
    case 'animal':
      // Animal / Bee: dead or alive, its canonical name (the bee says "dead").
      if (o.life!.isDead) return o.life!.form === 'bee' ? `a dead ${n}` : `a ${n}`;
      return `a ${n}${o.life!.isSickly ? ' (that looks unwell)' : ''}`;
    case 'plant':
      return plantDescription(o);
    case 'flower': {
      let s = `a ${Number(o.extra.pollinationStep) > 0 ? 'wilting ' : ''}${flowerTraits(o)} ${n}`;
      if (mode === DETAILED) s += `. Inside the flower is: ${listDescription(o.children(false), o, CURSORY, false)}`;
      return s.replace(/\s+/g, ' ').trim();
    }
    case 'pollen':
      return mode === DETAILED ? `${o.parentPlant!.life!.type}${n}` : n;
    case 'soil':
      return n;
    case 'terminal':
      return mode === CURSORY ? `a ${n} on ${parentOf(o).name}` : `a ${n}.  it is connected to: ${connectedToText(o)}. `;
    case 'light bulb':
    case 'switch':
    case 'motor':
    case 'buzzer':
    case 'generator':
      return `a ${n}, which is ${onOff(o)}${mode === DETAILED ? polesText(o) : ''}`;
    case 'battery':
      return `a ${n}${mode === DETAILED ? polesText(o) : ''}`;
    case 'wire': {
      // UnpolarizedElectricalComponent puts no full stop between the name and its terminals.
      const [t1, t2] = o.terminals!;
      return mode === DETAILED ? `a ${n}its terminal 1 is connected to: ${connectedToText(t1)}. its terminal 2 is connected to: ${connectedToText(t2)}. ` : `a ${n}`;
    }
    case 'misc':
      return `A ${n}`;
    case 'inclined plane':
      return planeDescription(o);
    default:
      return `a ${n}`;
  }
}

/** FruitingTree / PeaPlant.getDescription. */
function plantDescription(o: SwObject): string {
  const l = o.life!;
  const name = plantName(o);
  if (l.isDead) return `a dead ${name}`;
  if (l.stages[l.cur].name === 'seed') return `a ${plantTraits(o)}${name}`;
  let s = `a ${name} in the ${l.stages[l.cur].name} stage${plantTraits(o)}${l.isSickly ? ' (that looks unwell)' : ''}`;
  const on = o.children(false);
  if (on.length > 0) s += `. On the ${name} you see: ${listDescription(on, o, CURSORY, false)}. `;
  return s;
}

/** The thermometer prints Scala's "%.0f" (half-up on the decimal expansion). */
export function formatTemp(t: number): string {
  const r = Math.sign(t) * Math.floor(Math.abs(t) + 0.5);
  return (Object.is(r, -0) || (r === 0 && t < 0) ? '-0' : String(r));
}

/** getReferents per class; containers that are cups add "<ref> containing <contents>". */
export function referents(o: SwObject): string[] {
  const n = o.name;
  const d = o.descriptName();
  const base = o.refs ?? [];
  switch (o.kind) {
    case 'room':
      return ['room', n, d];
    case 'outside':
      return ['outside', n, d];
    case 'agent':
      return ['agent', 'self'];
    case 'inventory':
      return ['inventory', n];
    case 'cup': {
      const refs = [...base, n, d];
      const contents = o.children(false).map((c) => c.descriptName()).sort();
      const suffix = contents.length === 0 ? 'nothing' : contents.join(' and ');
      return refs.flatMap((r) => [r, `${r} containing ${suffix}`]);
    }
    case 'picture':
      return [n, `${n} of ${o.extra.subject}`, d, `${d} of ${o.extra.subject}`];
    case 'book':
      return ['book', String(o.extra.title), `book by ${o.extra.author}`, `${o.extra.title} book`, n, d, `${d} by ${o.extra.author}`, `${d} called ${o.extra.title}`];
    case 'apple': {
      const fruit = fruitOf(o);
      return [fruit, `${o.extra.color} ${fruit}`, n, d, o.descriptName(`${o.extra.color} ${fruit}`)];
    }
    case 'terminal': {
      const parent = parentOf(o).name;
      return ['terminal', n, `${n} on ${parent}`, `${parent} ${n}`, d, `${d} on ${parent}`];
    }
    case 'stove':
      return ['stove', n];
    case 'animal':
      if (o.life!.form === 'bee') return ['living thing', 'organism', n, 'bee', d];
      return ['living thing', 'organism', n, d, `${o.life!.stages[o.life!.cur].name} ${n}`, `${o.life!.stages[o.life!.cur].name} ${d}`];
    case 'plant':
      return plantReferents(o);
    case 'flower':
      return Number(o.extra.pollinationStep) > 0 ? ['flower', n, 'wilting flower', `wilting ${n}`, d, `wilting ${d}`] : ['flower', n, d];
    case 'pollen':
      return ['pollen', n, `${o.parentPlant!.life!.type} pollen`, d];
    case 'soil':
      return ['soil', n, d];
    case 'inclined plane':
      return planeReferents(o);
    case 'canonical':
      return [...base, n, d, ...(o.extra.refName ? [o.descriptName(String(o.extra.refName))] : [])];
    case 'document': {
      const title = String(o.extra.title);
      return [n, title, `${n} called ${title}`, d, `${d} called ${title}`];
    }
    default:
      return [...base, n, d];
  }
}

const fruitOf = (o: SwObject) => String(o.extra.fruit ?? 'apple');

/** FruitingTree / PeaPlant.getReferents: by name, stage, plant name, traits; "sick ..." too when unwell. */
function plantReferents(o: SwObject): string[] {
  const l = o.life!;
  const n = o.name;
  const d = o.descriptName();
  const st = l.stages[l.cur].name;
  const name = plantName(o);
  let out = ['living thing', 'organism', n, ...(l.form === 'pea' ? [l.type] : []), `${n} in the ${st} stage`, `${st} plant`, name, `${name} in the ${st} stage`, `${st} ${name}`, d, `${d} in the ${st} stage`];
  // The pea plant's height also names it: "tall height pea plant".
  const traits = plantTraits(o).replace(/^ with a /, '').trim();
  if (l.form === 'pea' && traits) out = [...out, ...out.map((r) => r.split(name).join(`${traits} ${name}`))];
  return l.isSickly ? [...out, ...out.map((r) => `sick ${r}`)] : out;
}
