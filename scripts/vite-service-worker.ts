/**
 * Makes the build an installable, offline app: emits sw.js beside index.html (src/sw/service-worker.js
 * with the list of the build's files to precache and a version: a hash of their names, which carry
 * content hashes, so any change to the app makes a new cache), the web app manifest and its icon,
 * and links both from index.html. Build only: `npm start` (dev) registers no worker.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

export const SW_FILE = 'sw.js';
const MANIFEST_FILE = 'app.webmanifest';
const ICON_FILE = 'icon.svg';

/** The web app manifest: what a browser needs to install the app (paths relative to it). */
export function webManifest(): string {
  return JSON.stringify(
    {
      name: 'AgentGym Web',
      short_name: 'AgentGym',
      description: "Play, test and benchmark LLM agents on AgentGym's environments, in the browser.",
      start_url: './',
      scope: './',
      display: 'standalone',
      background_color: '#ffffff',
      theme_color: '#0f172a',
      icons: [{ src: ICON_FILE, sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
    },
    null,
    2,
  );
}

/** The build's files the app needs offline: everything but source maps (data stays with its own cache). */
export function shellFiles(fileNames: readonly string[]): string[] {
  return ['./', 'index.html', ...fileNames.filter((f) => !f.endsWith('.map') && f !== 'index.html' && f !== SW_FILE).sort()];
}

export function serviceWorkerSource(files: readonly string[], template: string): string {
  const version = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 12);
  return `const SHELL = ${JSON.stringify(files)};\nconst VERSION = '${version}';\n${template}`;
}

export function serviceWorkerPlugin(): Plugin {
  return {
    name: 'agentgym-service-worker',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'link', attrs: { rel: 'manifest', href: MANIFEST_FILE }, injectTo: 'head' },
      { tag: 'link', attrs: { rel: 'icon', href: ICON_FILE, type: 'image/svg+xml' }, injectTo: 'head' },
      { tag: 'meta', attrs: { name: 'theme-color', content: '#0f172a' }, injectTo: 'head' },
    ],
    generateBundle(_options, bundle) {
      this.emitFile({ type: 'asset', fileName: MANIFEST_FILE, source: webManifest() });
      this.emitFile({ type: 'asset', fileName: ICON_FILE, source: readFileSync(resolve('src/sw/icon.svg'), 'utf8') });
      const template = readFileSync(resolve('src/sw/service-worker.js'), 'utf8');
      const files = new Set([...Object.keys(bundle), MANIFEST_FILE, ICON_FILE]);
      this.emitFile({ type: 'asset', fileName: SW_FILE, source: serviceWorkerSource(shellFiles([...files]), template) });
    },
  };
}
