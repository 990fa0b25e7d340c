/**
 * WebShop exact mode from the user's files: `items_shuffle_1000.json` (the products) and
 * `items_ins_v2_1000.json` (attributes and instructions per asin), checked field by field where
 * WebShop's `load_products` reads them, and counted into AgentGym's goals.
 */
import { syntheticGoals } from '../envs/webshop/goals.ts';
import { loadProducts, type RawAttributes, type RawProduct } from '../envs/webshop/products.ts';
import type { UserDataset } from './dataset.ts';
import { DatasetError, fingerprint, kindOf, Problems, readJson, type DroppedFile } from './files.ts';
import type { Imported } from './import.ts';

export const ITEMS = 'items_shuffle_1000.json';
export const ATTRIBUTES = 'items_ins_v2_1000.json';

/** AgentGym's goal count over WebShop's files (reference, part C §2.4). */
const AGENTGYM_GOALS = 6910;

/** AgentEval's 200 WebShop test ids, inferred as the complement of the training ids (reference, part C §2.4). */
const AGENTEVAL_TEST = [
  26, 53, 94, 204, 217, 244, 260, 262, 355, 375, 385, 458, 520, 542, 569, 584, 645, 653, 712, 744, 759, 767, 792, 827, 837, 839, 871, 898, 912, 913, 938, 1022, 1133, 1143, 1170, 1252, 1273, 1295, 1307, 1310, 1332, 1338, 1401, 1463, 1575, 1628, 1716, 1728, 1741, 1763, 1791, 1796, 1799, 1805, 1828, 1866, 1876, 1905, 1907, 2005, 2006, 2020, 2059, 2152, 2157, 2166, 2169, 2185, 2187, 2193, 2211, 2253, 2276, 2277, 2278, 2370, 2401, 2404, 2444, 2577, 2584, 2656, 2757, 2786, 2787, 2817, 2910, 2940, 2962, 2965, 2988, 3032, 3100, 3108, 3112, 3113, 3126, 3152, 3241, 3271, 3286, 3436, 3456, 3458, 3462, 3509, 3561, 3679, 3714, 3716, 3758, 3763, 3786, 3834, 4042, 4089, 4100, 4139, 4158, 4174, 4334, 4375, 4392, 4398, 4415, 4464, 4467, 4522, 4532, 4562, 4597, 4598, 4646, 4729, 4780, 4788, 4827, 4837, 4881, 4885, 4931, 4945, 4990, 5066, 5122, 5140, 5149, 5201, 5207, 5238, 5242, 5250, 5266, 5308, 5323, 5369, 5417, 5490, 5543, 5572, 5574, 5584, 5599, 5608, 5637, 5719, 5745, 5749, 5771, 5865, 5881, 5895, 5904, 5915, 5973, 5977, 6033, 6067, 6074, 6102, 6119, 6151, 6191, 6216, 6241, 6254, 6294, 6296, 6332, 6356, 6488, 6594, 6601, 6611, 6630, 6732, 6794, 6833, 6894, 6904,
];

const isStrings = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string');

function checkProduct(p: unknown, i: number, problems: Problems): void {
  const at = `record ${i}`;
  if (!p || typeof p !== 'object' || Array.isArray(p)) return problems.add(ITEMS, `${at} is ${kindOf(p)}, not an object`);
  const r = p as Record<string, unknown>;
  for (const f of ['asin', 'name', 'full_description', 'category', 'query', 'product_category']) {
    if (typeof r[f] !== 'string') problems.add(ITEMS, `${at}: "${f}" must be a string, not ${kindOf(r[f])}`);
  }
  if (typeof r.small_description !== 'string' && !isStrings(r.small_description)) problems.add(ITEMS, `${at}: "small_description" must be a string or a list of strings`);
  if (r.pricing != null && typeof r.pricing !== 'string') problems.add(ITEMS, `${at}: "pricing" must be a string or null, not ${kindOf(r.pricing)}`);
  const opts = r.customization_options;
  if (opts == null) return;
  if (typeof opts !== 'object' || Array.isArray(opts)) return problems.add(ITEMS, `${at}: "customization_options" must be an object or null`);
  for (const [name, values] of Object.entries(opts)) {
    if (values === null) continue;
    if (!Array.isArray(values) || !values.every((v) => v && typeof v === 'object' && typeof v.value === 'string')) {
      problems.add(ITEMS, `${at}: option "${name}" must be a list of {"value": string} or null`);
    }
  }
}

function checkAttributes(attrs: unknown, problems: Problems): void {
  if (!attrs || typeof attrs !== 'object' || Array.isArray(attrs)) return problems.add(ATTRIBUTES, `must be an object of asin → attributes, not ${kindOf(attrs)}`);
  for (const [asin, a] of Object.entries(attrs)) {
    if (!a || typeof a !== 'object' || Array.isArray(a)) {
      problems.add(ATTRIBUTES, `"${asin}" is ${kindOf(a)}, not an object`);
      continue;
    }
    const r = a as Record<string, unknown>;
    for (const f of ['attributes', 'instruction_attributes']) if (r[f] !== undefined && !isStrings(r[f])) problems.add(ATTRIBUTES, `"${asin}": "${f}" must be a list of strings`);
    if (r.instruction !== undefined && typeof r.instruction !== 'string') problems.add(ATTRIBUTES, `"${asin}": "instruction" must be a string`);
  }
}

export async function importWebShop(items: DroppedFile | undefined, attributes: DroppedFile | undefined): Promise<Imported> {
  const missing = [
    !items && `${ITEMS} is missing: it is WebShop's product file (data/${ITEMS} of WebShop's small setup)`,
    !attributes && `${ATTRIBUTES} is missing: it is WebShop's attribute file (data/${ATTRIBUTES})`,
  ].filter((m): m is string => typeof m === 'string');
  if (missing.length) throw new DatasetError(missing);
  const [rawItems, rawAttrs] = [await readJson(items!), await readJson(attributes!)];
  const problems = new Problems();
  if (!Array.isArray(rawItems)) problems.add(ITEMS, `must be a list of products, not ${kindOf(rawItems)}`);
  else rawItems.slice(0, 1000).forEach((p, i) => checkProduct(p, i, problems));
  checkAttributes(rawAttrs, problems);
  problems.check();

  const products = loadProducts(rawItems as RawProduct[], rawAttrs as Record<string, RawAttributes>, 1000);
  const goals = syntheticGoals(products).length;
  if (goals === 0) throw new DatasetError([`${ATTRIBUTES}: none of the products in ${ITEMS} has an "instruction" here, so there are no goals`]);
  const notes = [
    `${products.length.toLocaleString('en')} products, ${products.filter((p) => p.instruction !== null).length} with an instruction.`,
    goals === AGENTGYM_GOALS ? `${goals.toLocaleString('en')} goals, as AgentGym has: webshop_<i> is AgentGym's item i.` : `${goals.toLocaleString('en')} goals, not AgentGym's ${AGENTGYM_GOALS.toLocaleString('en')}: these are not AgentGym's files, so item ids will not match AgentGym's.`,
  ];
  const [itemsBytes, attrBytes] = [await items!.read(), await attributes!.read()];
  const dataset: UserDataset = {
    id: `webshop-exact-${await fingerprint([itemsBytes, attrBytes])}`,
    kind: 'webshop-exact',
    env: 'webshop',
    label: `${ITEMS} + ${ATTRIBUTES}: ${goals.toLocaleString('en')} goals`,
    firstItem: 0,
    itemCount: goals,
    // AgentEval's test ids where the files are AgentGym's; otherwise every goal.
    evalItems: goals === AGENTGYM_GOALS ? AGENTEVAL_TEST : Array.from({ length: goals }, (_, i) => i),
    files: [
      { path: ITEMS, bytes: items!.size },
      { path: ATTRIBUTES, bytes: attributes!.size },
    ],
    notes,
    importedAt: new Date().toISOString(),
  };
  return { dataset, files: [{ ...items!, path: ITEMS }, { ...attributes!, path: ATTRIBUTES }] };
}
