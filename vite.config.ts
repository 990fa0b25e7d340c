/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { cspPlugin, SECURITY_HEADERS } from './csp.ts';

export default defineConfig({
  plugins: [svelte(), cspPlugin()],
  preview: { headers: SECURITY_HEADERS },
  // Env data files are served as they are and fetched by the env that needs them (workers/data-source.ts).
  publicDir: 'static-data',
  // Module workers: top-level await (sql.js) needs ES format, not the default iife.
  worker: { format: 'es' },
  optimizeDeps: { include: ['sql.js', 'comlink', 'idb', 'fflate'] },
  define: { __APP_VERSION__: JSON.stringify(process.env.npm_package_version ?? '0.0.0') },
  build: { target: 'es2022', sourcemap: true },
  test: {
    include: ['src/**/*.test.ts', 'workers/**/*.test.ts', 'server/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
