/**
 * Provider configs and price overrides, in their own small database. They hold no secrets (keys are
 * in keys.ts) and are validated before they are stored, since a page or an import can write them.
 */
import { openDB, type IDBPDatabase } from 'idb';
import type { ModelParams } from '../records.ts';
import { deleteKey } from './keys.ts';
import type { Price, PriceTable } from './pricing.ts';
import type { ProviderConfig } from './types.ts';

export const SETTINGS_DB = 'agentgym-llm-settings';

let db: Promise<IDBPDatabase> | undefined;
function settings(): Promise<IDBPDatabase> {
  db ??= openDB(SETTINGS_DB, 1, {
    upgrade(d) {
      d.createObjectStore('providers', { keyPath: 'id' });
      d.createObjectStore('prices');
    },
  });
  return db;
}

export async function listProviders(): Promise<ProviderConfig[]> {
  const all = (await (await settings()).getAll('providers')) as ProviderConfig[];
  return all.filter((c) => checkProviderConfig(c) === null);
}

export async function getProvider(id: string): Promise<ProviderConfig | undefined> {
  const c = (await (await settings()).get('providers', id)) as ProviderConfig | undefined;
  return c && checkProviderConfig(c) === null ? c : undefined;
}

export async function saveProvider(config: ProviderConfig): Promise<void> {
  const err = checkProviderConfig(config);
  if (err) throw new Error(err);
  await (await settings()).put('providers', structuredClone(config));
}

/** Removes the provider and its key. */
export async function deleteProvider(id: string): Promise<void> {
  await (await settings()).delete('providers', id);
  await deleteKey(id);
}

export async function getPriceOverrides(): Promise<PriceTable> {
  const d = await settings();
  const [keys, values] = await Promise.all([d.getAllKeys('prices'), d.getAll('prices')]);
  return Object.fromEntries(keys.map((k, i) => [String(k), values[i] as Price]).filter(([, p]) => checkPrice(p as Price) === null));
}

/** Set a model's price (USD per million tokens), or remove the override with null. */
export async function setPriceOverride(model: string, price: Price | null): Promise<void> {
  const id = model.trim();
  if (!id) throw new Error('Give the model id the price is for.');
  const d = await settings();
  if (price === null) return d.delete('prices', id);
  const err = checkPrice(price);
  if (err) throw new Error(err);
  await d.put('prices', { ...price }, id);
}

export function checkPrice(p: Price): string | null {
  const ok = (x: unknown) => typeof x === 'number' && Number.isFinite(x) && x >= 0;
  if (!ok(p.input) || !ok(p.output) || (p.cachedInput !== undefined && !ok(p.cachedInput))) return 'Prices are non-negative numbers (USD per million tokens).';
  return null;
}

/** An error message, or null when the config is usable. */
export function checkProviderConfig(c: ProviderConfig): string | null {
  if (typeof c !== 'object' || c === null) return 'Not a provider config.';
  if (typeof c.id !== 'string' || !c.id) return 'The provider has no id.';
  if (typeof c.label !== 'string' || !c.label.trim()) return 'Give the provider a name.';
  if (!['openai', 'anthropic', 'gemini'].includes(c.kind)) return `Unknown API kind "${String(c.kind)}".`;
  if (typeof c.model !== 'string' || !c.model.trim()) return 'Give a model id.';
  let url: URL;
  try {
    url = new URL(c.baseUrl);
  } catch {
    return `"${c.baseUrl}" is not a URL.`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'The base URL must start with http:// or https://.';
  // Keys go in headers only: a URL with credentials or a query would put secrets in logs and history.
  if (url.username || url.password || url.search || url.hash) return 'The base URL must not hold credentials, a query or a fragment; the key has its own field.';
  return checkParams(c.params);
}

function checkParams(p: ModelParams): string | null {
  if (typeof p !== 'object' || p === null) return 'Parameters are missing.';
  const inRange = (x: number | undefined, lo: number, hi: number) => x === undefined || (typeof x === 'number' && Number.isFinite(x) && x >= lo && x <= hi);
  if (!inRange(p.temperature, 0, 2)) return 'Temperature is between 0 and 2.';
  if (!inRange(p.topP, 0, 1)) return 'Top-p is between 0 and 1.';
  if (p.maxTokens !== undefined && !(Number.isInteger(p.maxTokens) && p.maxTokens > 0)) return 'Max tokens is a positive whole number.';
  if (p.seed !== undefined && !Number.isInteger(p.seed)) return 'The seed is a whole number.';
  return null;
}
