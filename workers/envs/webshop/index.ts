/**
 * WebShop (AgentGym's agentenv-webshop: WebShop's WebAgentTextEnv, text mode, synthetic goals).
 * - Built-in catalogue (default): WebShop's 1,000 product ASINs with their attributes and
 *   instructions from items_ins_v2_1000.json, as products we generate (titles, descriptions,
 *   options, prices) plus 415 distractors; goals come from WebShop's own algorithm over them, in
 *   AgentGym's seeded order. The goals are WebShop-style, not AgentGym's 6,910: those need
 *   WebShop's product file, which `shopFromFiles` takes when a user brings it.
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

/** The built-in shop, once per worker or process; `ready` once loaded, for the oracle. */
let builtIn: Promise<Shop> | null = null;
let ready: Shop | null = null;

async function loadBuiltIn(data: DataSource): Promise<Shop> {
  const [items, attrs] = await Promise.all([data.json<RawProduct[]>(ITEMS_FILE), data.json<Record<string, RawAttributes>>(ATTRIBUTES_FILE)]);
  // Every generated product, not WebShop's first 1,000: the distractors come after them.
  ready = new Shop(items, attrs, Infinity);
  return ready;
}

/** WebShop's own files (exact mode): its first 1,000 products, AgentGym's goals and order. */
export function shopFromFiles(items: readonly RawProduct[], attrs: Readonly<Record<string, RawAttributes>>): Shop {
  return new Shop(items, attrs, 1000);
}

export const module: EnvModule = {
  create: async (data) => {
    // A failed download is not cached: the next episode tries again.
    builtIn ??= loadBuiltIn(data).catch((e: unknown) => {
      builtIn = null;
      throw e;
    });
    return new WebShopEnv(await builtIn);
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
  oracle: () => new WebShopOracle((text) => ready?.goalFor(text)),
};
