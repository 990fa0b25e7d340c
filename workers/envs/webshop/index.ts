/**
 * WebShop (AgentGym's agentenv-webshop: WebShop's WebAgentTextEnv, text mode, synthetic goals).
 * - Built-in catalogue (default): WebShop's 1,000 product ASINs with their attributes and
 *   instructions from items_ins_v2_1000.json, as products we generate (titles, descriptions,
 *   options, prices) plus 415 distractors; goals come from WebShop's own algorithm over them, in
 *   AgentGym's seeded order. The goals are WebShop-style, not AgentGym's 6,910: those need
 *   WebShop's product file: a user who brings it (workers/user-data) gets a DataSource of kind
 *   `webshop-exact`, and the shop is built from it as WebShop builds it (`shopFromFiles`).
 * - Pages, actions, clickables and the reward follow WebShop; where we differ: the search is our
 *   Lucene-style BM25, not verified against a pyserini index (ranks may differ), a product priced as a range costs its
 *   low end (WebShop draws a price per server start), title nouns are a lexicon approximation of
 *   spaCy's tags, and the `<r>`/`<a>`/`<c>`/`<q>` debug searches are plain searches.
 * - HTTP: AgentGym's routes with `env_idx`; create answers a bare id, reset `[observation, null]`,
 *   step `{state, reward, done, info: null}`.
 */
import type { DataSource, EnvModule } from '../contract.ts';
import { WebShopOracle } from './oracle.ts';
import type { RawAttributes, RawProduct } from './products.ts';
import { Shop } from './shop.ts';
import { WebShopEnv } from './webshop.ts';

const ITEMS_FILE = 'webshop-items.json';
const ATTRIBUTES_FILE = 'webshop-attributes.json';

/** Shops built once per worker or process, by data (built-in, or a user's dataset id). */
const shops = new Map<string, Promise<Shop>>();
/** The shops loaded so far, for the oracle (its factory cannot await data). */
const ready: Shop[] = [];

async function loadShop(data: DataSource): Promise<Shop> {
  const exact = data.dataset?.kind === 'webshop-exact';
  const [items, attrs] = await Promise.all([
    data.json<RawProduct[]>(exact ? 'items_shuffle_1000.json' : ITEMS_FILE),
    data.json<Record<string, RawAttributes>>(exact ? 'items_ins_v2_1000.json' : ATTRIBUTES_FILE),
  ]);
  // The built-in catalogue: every generated product, not WebShop's first 1,000 (the distractors come after them).
  const shop = exact ? shopFromFiles(items, attrs) : new Shop(items, attrs, Infinity);
  ready.push(shop);
  return shop;
}

/** WebShop's own files (exact mode): its first 1,000 products, AgentGym's goals and order. */
export function shopFromFiles(items: readonly RawProduct[], attrs: Readonly<Record<string, RawAttributes>>): Shop {
  return new Shop(items, attrs, 1000);
}

export const module: EnvModule = {
  create: async (data) => {
    const key = data.dataset?.id ?? 'built-in';
    let shop = shops.get(key);
    if (!shop) {
      const mine = loadShop(data);
      shops.set(key, (shop = mine));
      // A failed download is not cached: the next episode tries again.
      mine.catch(() => shops.get(key) === mine && shops.delete(key));
    }
    return new WebShopEnv(await shop);
  },
  http: {
    resetField: 'session_id',
    idField: 'env_idx',
    extraGets: {
      available_actions: (env) => (env as WebShopEnv).clickableState(),
      instruction_text: (env) => (env as WebShopEnv).currentGoal?.instructionText ?? '',
    },
    replies: {
      create: (id) => id,
      reset: (r) => [r.observation, null],
      step: (r) => ({ state: r.observation, reward: r.reward, done: r.done, info: null }),
    },
  },
  oracle: () => new WebShopOracle((text) => ready.map((s) => s.goalFor(text)).find((g) => g !== undefined)),
};
