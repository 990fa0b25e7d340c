/**
 * Build a probe page (a folder with index.html + main.ts) with the app's Vite config, serve it
 * cross-origin isolated (5 µs timers), open it in headless Chromium and hand the page over.
 * The browser gets a profile on disk, as a person's has: Playwright's default context is off the
 * record, and its in-memory IndexedDB cost the browser process 3-4 times the CPU per write.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { build, mergeConfig, preview, type InlineConfig } from 'vite';
import baseConfig from '../../vite.config.ts';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export async function withProbePage<T>(probeDir: string, use: (page: Page, errors: string[]) => Promise<T>): Promise<T> {
  const outDir = mkdtempSync(join(tmpdir(), 'agentgym-perf-'));
  const config: InlineConfig = mergeConfig(baseConfig, {
    configFile: false,
    root: probeDir,
    base: './',
    logLevel: 'warn',
    // PERF_MINIFY=0 keeps function names, for reading a CPU profile of the probe.
    build: { outDir, emptyOutDir: true, sourcemap: false, minify: process.env.PERF_MINIFY !== '0' },
    preview: { host: '127.0.0.1', port: 0, headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' } },
  });
  let server: Awaited<ReturnType<typeof preview>> | null = null;
  const profile = mkdtempSync(join(tmpdir(), 'agentgym-profile-'));
  let browser: BrowserContext | null = null;
  try {
    await build(config);
    server = await preview(config);
    const url = server.resolvedUrls?.local[0];
    if (!url) throw new Error('vite preview did not report a URL');
    browser = await chromium.launchPersistentContext(profile, { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const page = browser.pages()[0] ?? (await browser.newPage());
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url);
    return await use(page, errors);
  } finally {
    await browser?.close();
    await server?.close();
    rmSync(outDir, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
  }
}
