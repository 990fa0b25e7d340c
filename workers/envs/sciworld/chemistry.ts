/**
 * ScienceWorld's mixing (processes/Chemistry.scala via actions/ActionMix.scala), the things it
 * mixes and makes (objects/substance/**, objects/document/Document.scala), and reading documents.
 * Rules are tried in Chemistry.mixContainer's order, by how many visible things the container
 * holds (two, three or four); any paints no rule covers make brown paint.
 */
import { notContainer, type SwObject } from './objects.ts';
import type { Maker } from './world.ts';

// ---------------------------------------------------------------- things

/** Foods whose description names a canonical form ("jam" reads "red jam"; Food.scala). */
function namedFood(m: Maker, name: string, mat: string, refs: string[], canonical: string, refName = ''): SwObject {
  const o = m.food(name, 'canonical', mat);
  o.refs = refs;
  o.extra.canonical = canonical;
  if (refName) o.extra.refName = refName;
  return o;
}

/** Document, Paper, ColoredPaper, Recipe: paper you can read. */
function documentObj(m: Maker, name: string, title = '', contents = ''): SwObject {
  const o = m.obj(name, 'document', { mat: 'PaperProp' });
  o.containerProp = notContainer();
  o.extra.title = title;
  o.extra.contents = contents;
  return o;
}

export const things = {
  sodiumChloride: (m: Maker) => m.substance('sodium chloride', 'SodiumChlorideProp'),
  soap: (m: Maker) => m.substance('soap', 'SoapProp'),
  sugar: (m: Maker) => m.substance('sugar', 'SugarProp'),
  aceticAcid: (m: Maker) => m.substance('acetic acid', 'AceticAcidProp'),
  sodiumBicarbonate: (m: Maker) => m.substance('sodium bicarbonate', 'SodiumBicarbonateProp'),
  ironBlock: (m: Maker) => m.obj('iron block', 'a', { mat: 'IronProp', refs: ['block'] }),
  peanut: (m: Maker) => namedFood(m, 'peanut', 'NutProp', ['peanut'], 'peanut'),
  almond: (m: Maker) => namedFood(m, 'almond', 'NutProp', ['almond'], 'almond'),
  cashew: (m: Maker) => namedFood(m, 'cashew', 'NutProp', ['cashew'], 'cashew'),
  bread: (m: Maker) => namedFood(m, 'bread', 'FlourProp', ['bread'], 'bread', 'white bread'),
  flour: (m: Maker) => namedFood(m, 'flour', 'FlourProp', ['flour'], 'flour', 'white flour'),
  jam: (m: Maker) => namedFood(m, 'jam', 'JamProp', ['jam'], 'red jam', 'red jam'),
  chocolate: (m: Maker) => m.food('chocolate', 'bare', 'ChocolateProp'),
  marshmallow: (m: Maker) => m.food('marshmallow', 'bare', 'MarshmallowProp'),
  banana: (m: Maker) => m.food('banana', 'a'),
  apple: (m: Maker) => m.apple(),
  orange: (m: Maker) => m.orange(),
  paper: (m: Maker) => documentObj(m, 'paper'),
  /** Recipe.mkRecipe. */
  recipe: (m: Maker, product: string, inputs: string[]) => documentObj(m, 'recipe', `instructions to make ${product}`, `To make ${product}, you need to mix ${inputs.join(', ')}.`),
};

const products = {
  saltWater: (m: Maker) => m.substance('salt water', 'SaltWaterProp'),
  soapyWater: (m: Maker) => m.substance('soapy water', 'SoapyWaterProp'),
  // SugarWater is made of SugarProp in ScienceWorld.
  sugarWater: (m: Maker) => m.substance('sugar water', 'SugarProp'),
  dough: (m: Maker) => namedFood(m, 'dough', 'FlourProp', ['dough'], 'dough', 'white dough'),
  smores: (m: Maker) => m.food('smores', 'bare', 'MarshmallowProp'),
  rust: (m: Maker) => m.substance('rust', 'RustProp'),
  sodiumAcetate: (m: Maker) => m.substance('sodium acetate', 'SodiumAcetateProp'),
  sandwich: (m: Maker, kind: string) => namedFood(m, `${kind} sandwich`, 'FlourProp', ['sandwich'], `${kind} sandwich`, `${kind} sandwich`),
  coloredPaper: (m: Maker, color: string) => documentObj(m, `${color} paper`),
  mixedNuts: (m: Maker) => namedFood(m, 'mixed nuts', 'NutProp', ['mixed nuts'], 'mixed nuts'),
  fruitSalad: (m: Maker) => namedFood(m, 'fruit salad', 'PlantMatterProp', ['fruit salad'], 'fruit salad'),
};

// ---------------------------------------------------------------- reading

/** Document.readDocument per class (books read from books.ts). */
export function readDocument(d: SwObject): string {
  const { title, contents } = d.extra;
  if (d.name === 'recipe') return `The recipe reads:\n${contents}`;
  if (d.name === 'paper') return contents ? `The paper reads:\n${title}\n${contents}` : 'The paper does not have any text on it.';
  if (d.name.endsWith(' paper')) return 'The paper does not have any text on it.';
  return `${title}\n${contents}`;
}

// ---------------------------------------------------------------- mixing

const PAINTS = ['red', 'blue', 'yellow', 'violet', 'green', 'orange', 'yellow-orange', 'red-orange', 'violet-red', 'blue-violet', 'green-blue'];
/** The catch-all's paints: ScienceWorld looks for "green-yellow paint", which no rule makes. */
const ALL_PAINTS = [...PAINTS, 'green-yellow', 'brown'].map((c) => `${c} paint`);

interface Rule {
  inputs: [string, string][];
  make: (m: Maker) => SwObject;
  text: string;
}
const rule = (inputs: (string | [string, string])[], make: (m: Maker) => SwObject, text: string): Rule => ({ inputs: inputs.map((i) => (typeof i === 'string' ? [i, ''] : i)), make, text });
const liquid = (name: string): [string, string] => [name, 'liquid'];
const paintRule = (a: string, b: string, out: string, text: string) => rule([liquid(`${a} paint`), liquid(`${b} paint`)], (m) => m.paint(out), text);
const paperRule = (color: string) => rule(['paper', liquid(`${color} paint`)], (m) => products.coloredPaper(m, color), `Paper and blue paint mix to produce ${color} paper.`);

/** Chemistry.mixContainer's rules for two things, in its order (texts as ScienceWorld prints them). */
const TWO: Rule[] = [
  rule([liquid('water'), ['sodium chloride', 'solid']], products.saltWater, 'Sodium chloride and water mix to produce salt water.'),
  rule([liquid('water'), 'soap'], products.soapyWater, 'Soap and water mix to produce soapy water.'),
  rule([liquid('water'), 'sugar'], products.sugarWater, 'Sugar and water mix to produce sugar water.'),
  rule([liquid('water'), 'flour'], products.dough, 'Flour and water mix to produce dough.'),
  rule(['chocolate', 'marshmallow'], products.smores, 'Chocolate and marshmallow mix to produce smores.'),
  rule([liquid('water'), 'iron block'], products.rust, 'Iron block and water mix to produce rust.'),
  rule(['sodium bicarbonate', 'acetic acid'], products.sodiumAcetate, 'Sodium bicarbonate and acetic acid mix to produce sodium acetate.'),
  rule(['bread', 'peanut'], (m) => products.sandwich(m, 'peanut butter'), 'Bread and peanuts mix to produce a peanut butter sandwich.'),
  rule(['bread', 'jam'], (m) => products.sandwich(m, 'jam'), 'Bread and peanuts mix to produce a jam sandwich.'),
  rule(['bread', 'banana'], (m) => products.sandwich(m, 'banana'), 'Bread and peanuts mix to produce a banana sandwich.'),
  ...['red', 'green', 'blue', 'orange', 'yellow', 'violet'].map(paperRule),
  paintRule('red', 'blue', 'violet', 'Red and blue paint mix to produce violet paint.'),
  paintRule('blue', 'yellow', 'green', 'Blue and yellow paint mix to produce green paint.'),
  paintRule('yellow', 'red', 'orange', 'Yellow and red paint mix to produce orange paint.'),
  paintRule('yellow', 'orange', 'yellow-orange', 'Yellow and orange paint mix to produce yellow-orange paint.'),
  paintRule('orange', 'red', 'red-orange', 'Red and orange paint mix to produce red-orange paint.'),
  paintRule('red', 'violet', 'violet-red', 'Violet and red paint mix to produce violet-red paint.'),
  paintRule('violet', 'blue', 'blue-violet', 'Blue and violet paint mix to produce blue-violet paint.'),
  paintRule('blue', 'green', 'green-blue', 'Blue and green paint mix to produce blue green paint.'),
  paintRule('green', 'yellow', 'yellow-green', 'Green and yellow paint mix to produce yellow-green paint.'),
];

const THREE: Rule[] = [
  rule(['peanut', 'almond', 'cashew'], products.mixedNuts, 'Peanuts, almonds, and cashews mix to produce mixed nuts.'),
  rule(['apple', 'orange', 'banana'], products.fruitSalad, 'Apples, oranges, and bananas mix to produce fruit salad.'),
  rule(['bread', 'peanut', 'jam'], (m) => products.sandwich(m, 'peanut butter with jam'), 'Bread and peanuts and jam mix to produce a peanut butter with jam sandwich.'),
  rule(['bread', 'peanut', 'banana'], (m) => products.sandwich(m, 'peanut butter with banana'), 'Bread and peanuts and jam mix to produce a peanut butter with banana sandwich.'),
];

/** Chemistry.getSubstance: by name (in the state asked, if any), or by substance name in that state. */
function getSubstance(container: SwObject, name: string, state: string): SwObject | undefined {
  return container.children().find((c) => (c.name === name && (!state || c.material?.stateOfMatter === state)) || (c.material?.substanceName === name && c.material.stateOfMatter === state));
}

/** ActionMix: mix a container's contents; the reply ScienceWorld gives. */
export function mix(container: SwObject, make: Maker): string {
  // ActionMix.isValidAction counts hidden things too, and says nothing when it fails.
  if (container.contents.length <= 1) return '';
  const contents = container.children(false);
  if (contents.length === 0) return 'That container is empty, so there are no items to mix.';
  if (contents.length === 1) return `There is only one thing (${contents[0].descriptName()})`;
  const rules = contents.length === 2 ? TWO : contents.length === 3 ? THREE : [];
  for (const r of rules) {
    const found = r.inputs.map(([name, state]) => getSubstance(container, name, state));
    if (found.some((f) => !f)) continue;
    for (const f of found) f!.delete();
    container.add(r.make(make));
    return r.text;
  }
  if (contents.length >= 2 && contents.length <= 4) {
    const paints = ALL_PAINTS.map((p) => getSubstance(container, p, 'liquid')).filter((p) => p !== undefined);
    if (paints.length === contents.length) {
      for (const p of paints) p.delete();
      container.add(make.paint('brown'));
      return 'The paints mix to produce brown paint.';
    }
  }
  return `Mixing the contents of the ${container.descriptName()} does not appear to produce anything new.`;
}
