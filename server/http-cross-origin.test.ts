/**
 * In a real browser: a page on another loopback origin tries every way a page can reach the env
 * server without the user's say (simple text/plain POST, no-cors, a JSON POST needing a
 * preflight, sendBeacon, a form post) and the env is untouched; the same page from an origin
 * the server was told to allow can step it, so the check is not passing for a broken page.
 */
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp } from './http-app.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

const servers: Server[] = [];
let browser: Browser;

async function listen(server: Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** The attacking page: fires every request kind at `target` for env `id`, then reports what it could read. */
function page(target: string, id: number): string {
  const step = JSON.stringify({ id, action: 'move down' });
  // The form posts text/plain "name=value": `{"id":N,"action":"move down","x":"="}`, valid JSON.
  return `<!doctype html><body><form id="f" method="POST" enctype="text/plain" action="${target}/maze/step" target="sink"><input name='${step.slice(0, -1)},"x":"' value='"}'></form><iframe name="sink"></iframe><script>
    (async () => {
      const out = [];
      const tries = [
        () => fetch('${target}/maze/step', { method: 'POST', body: '${step}' }),
        () => fetch('${target}/maze/step', { method: 'POST', mode: 'no-cors', body: '${step}' }),
        () => fetch('${target}/maze/step', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '${step}' }),
        () => fetch('${target}/maze/create', { method: 'POST', mode: 'no-cors' }),
      ];
      for (const t of tries) {
        try { const r = await t(); out.push(r.type === 'opaque' ? 'opaque' : r.status + ' ' + (await r.text())); } catch (e) { out.push('blocked'); }
      }
      navigator.sendBeacon('${target}/maze/step', new Blob(['${step}'], { type: 'text/plain' }));
      document.getElementById('f').submit();
      document.title = JSON.stringify(out);
    })();
  </script></body>`;
}

/** The attacker's origin, serving the page aimed at whatever `target` holds when the page loads. */
async function attackerOrigin(target: { url: string; id: number }): Promise<string> {
  return listen(createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end(page(target.url, target.id));
  }));
}

describe.skipIf(!existsSync(CHROMIUM))('a page on another origin cannot drive the env server', () => {
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all(servers.map((s) => new Promise((done) => s.close(done))));
  });

  /** An env server (allowing the page's origin or not) with a MAZE env one step from its goal. */
  async function setup(allowAttacker: boolean) {
    const target = { url: '', id: 0 };
    const attacker = await attackerOrigin(target);
    target.url = await listen(createServer(createHttpApp(allowAttacker ? { allowOrigins: [attacker] } : {})));
    target.id = (await (await fetch(`${target.url}/maze/create`, { method: 'POST' })).json()).id as number;
    const reset = await (await fetch(`${target.url}/maze/reset`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ id: target.id, game: 18 }) })).json();
    return { ...target, reset, attacker };
  }

  async function visit(origin: string): Promise<string[]> {
    const tab = await browser.newPage();
    try {
      await tab.goto(`${origin}/`);
      await tab.waitForFunction(() => document.title.startsWith('['));
      // Let the beacon and the form post land before looking.
      await tab.waitForLoadState('networkidle');
      return JSON.parse(await tab.title()) as string[];
    } finally {
      await tab.close();
    }
  }

  it('refuses every request kind from another loopback origin', async () => {
    const { url, id, reset, attacker } = await setup(false);
    const seen = await visit(attacker);
    // The page could read nothing back.
    expect(seen.every((s) => s === 'blocked' || s === 'opaque' || s.startsWith('403'))).toBe(true);
    const detail = await (await fetch(`${url}/maze/detail?id=${id}`)).json();
    // Item 18 is one "move down" from the goal: any step that got through would have finished it.
    expect(detail).toMatchObject({ game: 18, observation: reset.observation, done: false });
    // And no env was created: the next id is the one after ours.
    expect((await (await fetch(`${url}/maze/create`, { method: 'POST' })).json()).id).toBe(id + 1);
  }, 30_000);

  it('the same page from an allowed origin can step the env (the check can fail)', async () => {
    const { attacker } = await setup(true);
    const seen = await visit(attacker);
    expect(seen[2]).toMatch(/^200 .*"done":true/);
  }, 30_000);
});
