/**
 * Emits sw.js beside index.html in the build: src/sw/service-worker.js with the list of the build's
 * files to precache and a version (a hash of their names, which carry content hashes, so any
 * change to the app makes a new cache). Build only: `npm start` (dev) registers no worker.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

export const SW_FILE = 'sw.js';

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
    generateBundle(_options, bundle) {
      const template = readFileSync(resolve('src/sw/service-worker.js'), 'utf8');
      this.emitFile({ type: 'asset', fileName: SW_FILE, source: serviceWorkerSource(shellFiles(Object.keys(bundle)), template) });
    },
  };
}
