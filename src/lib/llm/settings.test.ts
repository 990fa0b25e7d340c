import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { MockLlmServer } from '../../../server/mock-llm.ts';
import { deleteKey, getKey, maskKey, SECRETS_DB, setKey } from './keys.ts';
import { configFromPreset, getPreset, PRESETS } from './presets.ts';
import { checkProviderConfig, deleteProvider, getPriceOverrides, listProviders, saveProvider, setPriceOverride, SETTINGS_DB } from './provider-store.ts';
import { testConnection } from './test-connection.ts';
import { mockConfig, useMockServer } from '../../../testing/llm.ts';

const KEY = 'sk-proj-abcdefghijklmnop1234';

describe('keys', () => {
  it('are stored apart from provider configs, masked for display, and deletable', async () => {
    const config = configFromPreset(getPreset('openai')!, 'p1');
    await saveProvider(config);
    await setKey('p1', `  ${KEY}\n`);
    expect(await getKey('p1')).toBe(KEY);
    expect(maskKey(KEY)).toBe('sk-…1234');
    expect(maskKey('AIzaSyShort')).toBe('…rt');

    const settings = await openDB(SETTINGS_DB);
    const everything = JSON.stringify([await settings.getAll('providers'), await settings.getAll('prices')]);
    settings.close();
    expect(everything).toContain('gpt-4.1-mini');
    expect(everything).not.toContain(KEY);
    const secrets = await openDB(SECRETS_DB);
    expect(await secrets.get('keys', 'p1')).toBe(KEY);
    secrets.close();

    await deleteKey('p1');
    expect(await getKey('p1')).toBeUndefined();
    await setKey('p1', KEY);
    await deleteProvider('p1');
    expect(await getKey('p1')).toBeUndefined();
    expect(await listProviders()).toEqual([]);
    await expect(setKey('p1', 'sk has spaces')).rejects.toThrow(/spaces/);
  });
});

describe('provider configs', () => {
  it('every preset makes a valid config', () => {
    for (const p of PRESETS) expect(checkProviderConfig(configFromPreset(p, p.id)), p.id).toBeNull();
  });

  it('refuses base URLs that could carry a key, and out-of-range parameters', async () => {
    const base = configFromPreset(getPreset('openai')!, 'x');
    expect(checkProviderConfig({ ...base, baseUrl: 'https://api.example.com/v1?key=abc' })).toMatch(/query/);
    expect(checkProviderConfig({ ...base, baseUrl: 'https://user:pw@api.example.com/v1' })).toMatch(/credentials/);
    expect(checkProviderConfig({ ...base, baseUrl: 'ftp://x' })).toMatch(/http/);
    expect(checkProviderConfig({ ...base, params: { temperature: 3 } })).toMatch(/Temperature/);
    expect(checkProviderConfig({ ...base, params: { maxTokens: 1.5 } })).toMatch(/Max tokens/);
    await expect(saveProvider({ ...base, model: ' ' })).rejects.toThrow(/model/);
  });

  it('stores price overrides, validated', async () => {
    await setPriceOverride('my-model', { input: 1, output: 2 });
    expect(await getPriceOverrides()).toEqual({ 'my-model': { input: 1, output: 2 } });
    await expect(setPriceOverride('bad', { input: -1, output: 2 })).rejects.toThrow(/non-negative/);
    await setPriceOverride('my-model', null);
    expect(await getPriceOverrides()).toEqual({});
  });
});

describe('testConnection', () => {
  const server = useMockServer();
  const mock = server.mock;

  it('reports success with the model id', async () => {
    mock.configure({ model: 'mock-7b' });
    const r = await testConnection(mockConfig(server.origin(), 'anthropic', true), KEY);
    expect(r).toMatchObject({ ok: true, outcome: 'ok' });
    expect(r.message).toContain('mock-7b');
  });

  it('names a refused key and an unknown model', async () => {
    mock.configure({ requireKey: 'other' });
    expect(await testConnection(mockConfig(server.origin(), 'openai', true), KEY)).toMatchObject({ ok: false, outcome: 'auth' });
    mock.configure({ requireKey: undefined, knownModels: ['a'] });
    const nf = await testConnection(mockConfig(server.origin(), 'gemini', true, 'b'), KEY);
    expect(nf).toMatchObject({ ok: false, outcome: 'not-found' });
    expect(nf.message).toContain('Model "b"');
  });

  it('tells CORS (server up, origin refused) from unreachable and offline', async () => {
    // What a browser does when Ollama refuses the origin: the call fails as a TypeError, an opaque probe gets through.
    const corsFetch: typeof fetch = (input, init) => (init?.mode === 'no-cors' ? fetch(input, init) : Promise.reject(new TypeError('Failed to fetch')));
    const ollama = { ...configFromPreset(getPreset('ollama')!, 'o'), baseUrl: `${server.origin()}/v1` };
    const cors = await testConnection(ollama, '', { fetch: corsFetch, origin: 'http://localhost:5173' });
    expect(cors).toMatchObject({ ok: false, outcome: 'cors' });
    expect(cors.message).toContain('OLLAMA_ORIGINS=http://localhost:5173');
    const other = await testConnection(mockConfig(server.origin(), 'openai', false), KEY, { fetch: corsFetch, origin: 'http://localhost:5173' });
    expect(other.outcome).toBe('cors');
    expect(other.message).toContain('http://localhost:5173');

    const dead = new MockLlmServer();
    const deadOrigin = await dead.start();
    await dead.close();
    expect(await testConnection(mockConfig(deadOrigin, 'openai', false), KEY)).toMatchObject({ ok: false, outcome: 'unreachable' });
    expect(await testConnection(mockConfig(deadOrigin, 'openai', false), KEY, { online: () => false })).toMatchObject({ ok: false, outcome: 'offline' });
  });
});

describe('llmSettings store', () => {
  const server = useMockServer();
  const mock = server.mock;

  it('lists providers with masked keys and hands out a ready client', async () => {
    const { llmSettings } = await import('./llm-settings.svelte.ts');
    await llmSettings.save(mockConfig(server.origin(), 'openai', true), KEY);
    expect(llmSettings.providers.map((p) => p.id)).toContain('mock-openai');
    expect(llmSettings.keyMasks['mock-openai']).toBe('sk-…1234');
    const client = await llmSettings.client('mock-openai');
    expect((await client.chat({ messages: [{ role: 'user', content: 'hi' }] })).text).toBe(mock.config.defaultReply);
    expect(mock.log.at(-1)!.headers.authorization).toBe(`Bearer ${KEY}`);

    await llmSettings.save({ ...configFromPreset(getPreset('groq')!, 'groq-1') });
    await expect(llmSettings.client('groq-1')).rejects.toThrow(/needs an API key/);
    await expect(llmSettings.client('nope')).rejects.toThrow(/No LLM provider/);
    await llmSettings.removeKey('mock-openai');
    expect(llmSettings.keyMasks['mock-openai']).toBeUndefined();
  });
});
