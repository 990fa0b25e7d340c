import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { serviceWorkerSource, shellFiles, webManifest } from './vite-service-worker.ts';

describe('the service worker the build emits', () => {
  it('precaches the page and every built file but source maps and itself', () => {
    expect(shellFiles(['assets/index-a1.js', 'assets/index-a1.js.map', 'index.html', 'sw.js', 'assets/sql-wasm-b2.wasm', 'assets/host-c3.js'])).toEqual(['./', 'index.html', 'assets/host-c3.js', 'assets/index-a1.js', 'assets/sql-wasm-b2.wasm']);
  });

  /** Runs the emitted script against a stand-in for the worker's global scope; returns its fetch handler's decisions. */
  function load(files: string[]) {
    const handlers: Record<string, (e: unknown) => void> = {};
    const scope = 'https://app.example/agentgym/';
    const self = { registration: { scope }, location: { origin: 'https://app.example' }, addEventListener: (t: string, h: (e: unknown) => void) => (handlers[t] = h) };
    new Function('self', 'caches', 'fetch', serviceWorkerSource(files, readFileSync('src/sw/service-worker.js', 'utf8')))(self, { match: async () => undefined }, async () => new Response('net'));
    return (url: string, mode = 'no-cors', method = 'GET') => {
      let answered = false;
      handlers.fetch({ request: { url, mode, method }, respondWith: () => (answered = true) });
      return answered;
    };
  }

  it('answers the shell and pages, and leaves env data, other origins and POSTs to the network', () => {
    const handles = load(shellFiles(['assets/index-a1.js', 'index.html']));
    expect(handles('https://app.example/agentgym/assets/index-a1.js')).toBe(true);
    expect(handles('https://app.example/agentgym/#/play', 'navigate')).toBe(true);
    expect(handles('https://app.example/agentgym/static-data/textcraft/recipes.json')).toBe(false);
    expect(handles('https://api.openai.com/v1/chat/completions', 'cors', 'POST')).toBe(false);
    expect(handles('https://api.example/v1/models', 'cors')).toBe(false);
  });

  it('names a new cache whenever the built files change', () => {
    const version = (files: string[]) => /const VERSION = '(\w+)'/.exec(serviceWorkerSource(files, ''))![1];
    expect(version(['./', 'assets/a-1.js'])).not.toBe(version(['./', 'assets/a-2.js']));
    expect(version(['./', 'assets/a-1.js'])).toBe(version(['./', 'assets/a-1.js']));
  });
});

describe('the web app manifest', () => {
  it('names the app, opens it standalone from its own folder and gives an icon', () => {
    expect(JSON.parse(webManifest())).toMatchObject({ name: 'AgentGym Web', start_url: './', scope: './', display: 'standalone', icons: [{ src: 'icon.svg', type: 'image/svg+xml' }] });
  });
});
