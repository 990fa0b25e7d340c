/**
 * The app's view of LLM settings, reactive for Svelte views: the configured providers, masked keys,
 * price overrides, and a ready LlmClient for a provider id. Persistence is in provider-store.ts
 * and keys.ts; this only caches and coordinates.
 */
import { createLlmClient, type ClientOptions } from './client.ts';
import { deleteKey, getKey, maskKey, setKey } from './keys.ts';
import { getPreset } from './presets.ts';
import type { Price, PriceTable } from './pricing.ts';
import { deleteProvider, getPriceOverrides, getProvider, listProviders, saveProvider, setPriceOverride } from './provider-store.ts';
import { testConnection, type ConnectionResult } from './test-connection.ts';
import type { LlmClient, ProviderConfig } from './types.ts';

class LlmSettings {
  providers = $state<ProviderConfig[]>([]);
  /** Masked key per provider id ("sk-…abcd"); absent when no key is stored. */
  keyMasks = $state<Record<string, string>>({});
  priceOverrides = $state<PriceTable>({});
  loaded = $state(false);

  async load(): Promise<void> {
    const providers = await listProviders();
    const masks: Record<string, string> = {};
    for (const p of providers) {
      const key = await getKey(p.id);
      if (key) masks[p.id] = maskKey(key);
    }
    this.providers = providers.sort((a, b) => a.label.localeCompare(b.label));
    this.keyMasks = masks;
    this.priceOverrides = await getPriceOverrides();
    this.loaded = true;
  }

  /** Save a config; a non-empty `key` replaces the stored one. */
  async save(config: ProviderConfig, key?: string): Promise<void> {
    await saveProvider(config);
    if (key?.trim()) await setKey(config.id, key);
    await this.load();
  }

  async remove(id: string): Promise<void> {
    await deleteProvider(id);
    await this.load();
  }

  async removeKey(id: string): Promise<void> {
    await deleteKey(id);
    await this.load();
  }

  async setPrice(model: string, price: Price | null): Promise<void> {
    await setPriceOverride(model, price);
    this.priceOverrides = await getPriceOverrides();
  }

  /** A client ready to call; fails with a message for people when the provider or its key is missing. */
  async client(id: string, options?: ClientOptions): Promise<LlmClient> {
    const config = await getProvider(id);
    if (!config) throw new Error(`No LLM provider "${id}": add one in Settings.`);
    const key = (await getKey(id)) ?? '';
    if (!key && getPreset(config.preset)?.needsKey) throw new Error(`${config.label} needs an API key: add it in Settings.`);
    return createLlmClient(config, key, options);
  }

  async test(id: string): Promise<ConnectionResult> {
    const config = await getProvider(id);
    if (!config) throw new Error(`No LLM provider "${id}".`);
    return testConnection(config, (await getKey(id)) ?? '');
  }
}

export const llmSettings = new LlmSettings();
