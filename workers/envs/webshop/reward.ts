/**
 * WebShop's reward (`engine/goal.py: get_reward`), quirks kept: goal options are compared as
 * (name, value) tuples after `normalize_color`, so a chosen "standard" normalises to "tan" and
 * misses; "large" satisfies a goal of "x-large" but not the reverse; the type score can zero it all.
 */
import { tokenSetRatio } from './fuzz.ts';
import { titleNouns } from './nouns.ts';
import type { Goal, Product } from './products.ts';

// WebShop's normalize.py COLOR_SET, in its order: the first one contained in a value wins.
const COLOR_SET = `alabaster apricot aqua ash asphalt azure banana beige black blue blush bordeaux bronze brown burgundy
camel camo caramel champagne charcoal cheetah chestnut chocolate christmas coffee cognac copper coral cranberry cream
crystal dark denim eggplant elephant espresso fuchsia gold granite grape graphite grass gray green grey heather indigo
ivory ivy khaki lavender lemon leopard light lilac lime magenta maroon mauve merlot midnight mint mocha multicolor
mushroom mustard natural navy nude olive orange peach pewter pink plum purple rainbow red rose royal rust sand sapphire
seashell silver skull slate steel stone stonewash sunflower tan taupe teal tiger turquoise violet walnut wheat white
wine yellow`.split(/\s+/);

/** normalize_color on a chosen value: `c in s` is a substring test on a string. */
function normalizeValue(s: string): string {
  return COLOR_SET.find((c) => s.includes(c)) ?? s;
}

/**
 * normalize_color on a goal option, a (name, value) tuple: `c in t` is element equality there, and
 * an unmatched tuple reaches thefuzz as its repr, whose quotes and commas the preprocess blanks out.
 */
function normalizeGoalOption(name: string, value: string): string {
  return COLOR_SET.find((c) => c === name || c === value) ?? `('${name}', '${value}')`;
}

export interface RewardParts {
  reward: number;
  rType: number;
  queryMatch: boolean;
  categoryMatch: boolean;
  titleScore: number;
  attributeMatches: number;
  optionMatches: number;
  priceOk: boolean;
}

const categories = (pc: string) => new Set(pc.split('›').map((x) => x.trim()));

function typeReward(bought: Product, goal: Goal): Pick<RewardParts, 'rType' | 'queryMatch' | 'categoryMatch' | 'titleScore'> {
  const queryMatch = bought.query === goal.query;
  const goalCats = categories(goal.productCategory);
  const categoryMatch = [...categories(bought.productCategory)].filter((c) => goalCats.has(c)).length >= 2;
  const boughtNouns = new Set(titleNouns(bought.title));
  const wanted = titleNouns(goal.name);
  // As Python's len(set(bought) & set(wanted)) / len(wanted): a repeated goal noun counts once above.
  const titleScore = wanted.length ? new Set(wanted.filter((n) => boughtNouns.has(n))).size / wanted.length : 0.2;
  let rType = queryMatch || categoryMatch || titleScore > 0.2 ? 1.0 : 0.5;
  if (titleScore < 0.1) rType = 0.1;
  if (titleScore === 0) rType = 0.0;
  return { rType, queryMatch, categoryMatch, titleScore };
}

function attributeMatches(bought: Product, wanted: readonly string[]): number {
  const title = bought.title.toLowerCase();
  const bullets = bought.bulletPoints.join(' ').toLowerCase();
  const description = bought.description.toLowerCase();
  return wanted.filter(
    (a) => bought.attributes.some((p) => tokenSetRatio(p, a) > 85) || title.includes(a) || bullets.includes(a) || description.includes(a),
  ).length;
}

function optionMatches(chosen: readonly string[], goalOptions: Readonly<Record<string, string>>): number {
  const bought = chosen.map(normalizeValue);
  return Object.entries(goalOptions)
    .map(([name, value]) => normalizeGoalOption(name, value))
    .filter((g) => bought.some((p) => tokenSetRatio(p, g) > 85)).length;
}

/** get_reward for buying `bought` at `price` with `options` chosen (name -> value, in click order). */
export function getReward(bought: Product, goal: Goal, price: number, options: Readonly<Record<string, string>>): RewardParts {
  const type = typeReward(bought, goal);
  const priceOk = price <= goal.priceUpper;
  const nAtt = attributeMatches(bought, goal.attributes);
  const nOpt = optionMatches(Object.values(options), goal.goalOptions);
  const total = (nAtt + nOpt + (priceOk ? 1 : 0)) / (goal.attributes.length + Object.keys(goal.goalOptions).length + 1);
  return { ...type, reward: total * type.rType, attributeMatches: nAtt, optionMatches: nOpt, priceOk };
}
