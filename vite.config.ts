/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { cspPlugin, SECURITY_HEADERS } from './csp.ts';
import { staticDataPlugin } from './scripts/vite-static-data.ts';
import { serviceWorkerPlugin } from './scripts/vite-service-worker.ts';

export default defineConfig({
  plugins: [svelte(), cspPlugin(), staticDataPlugin(), serviceWorkerPlugin()],
  preview: { headers: SECURITY_HEADERS },
  // No public folder: env data is served from static-data/ by staticDataPlugin.
  publicDir: false,
  // Module workers: top-level await (sql.js) needs ES format, not the default iife.
  worker: { format: 'es' },
  // Only the app's page: the perf probe pages import Node-side code the dev optimizer must not bundle.
  optimizeDeps: { entries: ['index.html'], include: ['sql.js', 'comlink', 'idb', 'fflate'] },
  define: { __APP_VERSION__: JSON.stringify(process.env.npm_package_version ?? '0.0.0') },
  build: { target: 'es2022', sourcemap: true },
  test: {
    include: ['src/**/*.test.ts', 'workers/**/*.test.ts', 'server/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
