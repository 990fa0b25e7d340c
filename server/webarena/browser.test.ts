/**
 * The proxy with a real Chromium on loopback: the AX-tree snapshot of a fixed page, the request
 * guard, crash recovery, and the HTTP API (token, allowlist, evaluators) over a remote browser
 * reached through a Playwright browser server. Few browsers and few pages: the CPU is shared.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserServer } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebArenaOracle } from '../../workers/envs/webarena/oracle.ts';
import { fetchTree, firstSeenIds, formatTree } from './axtree.ts';
import { CHROMIUM_ARGS, chromiumPath } from './browser.ts';
import { ContextSupply, VIEWPORT } from './contexts.ts';
import { Episode } from './episode.ts';
import { startDemoSites, type DemoSites } from './sites/demo-sites.ts';
import { startProxy, type RunningProxy } from './start.ts';
import { DEMO_TASKS_PATH, instantiate, loadTasks } from './tasks.ts';
import { urlMap } from './url-map.ts';

const fixture = (name: string) => readFileSync(new URL(`./testdata/${name}`, import.meta.url), 'utf8');

describe('with a local browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  });
  afterAll(() => browser.close());

  it('renders a fixed page as the checked-in AX-tree text', async () => {
    const context = await browser.newContext({ viewport: VIEWPORT });
    const page = await context.newPage();
    await page.setContent(fixture('fixed-page.html'));
    const { nodes, bounds } = await fetchTree(await context.newCDPSession(page));
    const tree = formatTree(nodes, bounds, { viewportOnly: true, viewport: VIEWPORT, idOf: firstSeenIds() });
    expect(tree.text + '\n').toBe(fixture('fixed-page.txt'));
    await context.close();
  });

  it('keeps every request on the allowed origins, redirects and subresources included', async () => {
    let outsideHits = 0;
    const outside = await listen(createServer((_req, res) => void (outsideHits++, res.end('secret'))));
    const inside = await listen(
      createServer((req, res) => {
        if (req.url === '/redirect') res.writeHead(302, { Location: `${url(outside)}/` }).end();
        else if (req.url === '/hop') res.writeHead(303, { Location: '/redirect' }).end();
        else if (req.url === '/via') res.writeHead(302, { Location: '/landing' }).end();
        else res.writeHead(200, { 'Content-Type': 'text/html' }).end(`<img src="${url(outside)}/pixel.png"><p>inside</p>`);
      }),
    );
    const supply = new ContextSupply(async () => browser, [url(inside)]);
    const { context, page } = await supply.take();
    const refused = `Navigation to ${url(outside)}/ is not allowed: only the task's sites can be visited.`;
    // A redirect out, a chain out through an allowed hop, and a direct visit: each gets the refusal page.
    for (const path of [`${url(inside)}/redirect`, `${url(inside)}/hop`, `${url(outside)}/`]) {
      expect((await page.goto(path))?.status(), path).toBe(403);
      expect(await page.textContent('p')).toBe(refused);
    }
    await page.goto(`${url(inside)}/via`, { waitUntil: 'load' });
    expect(page.url()).toBe(`${url(inside)}/landing`);
    expect(await page.textContent('p')).toBe('inside'); // its image from outside was aborted
    expect(outsideHits).toBe(0);
    await context.close();
    await supply.close();
    await Promise.all([inside, outside].map((s) => new Promise((done) => s.close(done))));
  });

  it('answers a crashed context with an error observation and a fresh context, and caps memory', async () => {
    const sites: DemoSites = await startDemoSites();
    const supply = new ContextSupply(async () => browser, sites.origins);
    const episode = new Episode({ contexts: supply, origins: sites.origins, urls: urlMap(sites.urls), maxSteps: 100, maxHeapBytes: 2 ** 30 });
    const task = instantiate(loadTasks(DEMO_TASKS_PATH.pathname)[0], sites.urls);
    await episode.reset(task);
    for (const context of browser.contexts()) await context.close();
    const crashed = await episode.step('scroll [down]');
    expect(crashed.observation).toMatch(/^The browser page failed \(.+\); it was reopened at the task's start\.\nOBSERVATION:\nTab 0 \(current\): One Stop Demo Market/);
    expect(crashed).toMatchObject({ reward: 0, done: false, info: { valid: false } });
    expect((await episode.step('stop [$49.99]')).reward).toBe(1);
    episode.close();
    // A tab past its memory cap ends the episode (the cap here is below any page's heap).
    const small = new Episode({ contexts: supply, origins: sites.origins, urls: urlMap(sites.urls), maxSteps: 100, maxHeapBytes: 1 });
    await small.reset(task);
    expect(await small.step('scroll [down]')).toMatchObject({ done: false, truncated: true, observation: expect.stringMatching(/more than the 0 MB allowed per episode; the episode ends here\.$/) });
    await expect(small.step('scroll [down]')).rejects.toThrow('The episode has finished');
    small.close();
    await supply.close();
    await sites.close();
  });
});

describe('the proxy over a remote browser (Playwright browser server)', () => {
  let server: BrowserServer;
  let proxy: RunningProxy;
  beforeAll(async () => {
    server = await chromium.launchServer({ host: '127.0.0.1', port: 0, executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    proxy = await startProxy({ browser: { kind: 'ws', endpoint: server.wsEndpoint() } });
  });
  afterAll(async () => {
    await proxy.close();
    await server.close();
  });

  const call = async (method: string, path: string, body?: unknown, token = proxy.token) => {
    const res = await fetch(proxy.url + path, { method, headers: { Authorization: `Bearer ${token}` }, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: res.status, json: (await res.json()) as Record<string, any> };
  };
  /** Plays `task` with `actions` (or the oracle's) to its stop; returns the last step reply. */
  async function play(task: number, actions?: string[]) {
    const { id } = (await call('POST', '/episodes')).json;
    let obs = (await call('POST', `/episodes/${id}/reset`, { task })).json.observation as string;
    const oracle = new WebArenaOracle();
    for (let i = 0; i < 10; i++) {
      const r = (await call('POST', `/episodes/${id}/step`, { action: actions ? actions[i] : oracle.next(obs) })).json;
      obs = r.observation;
      if (r.done) {
        await call('DELETE', `/episodes/${id}`);
        return r;
      }
    }
    throw new Error('no stop');
  }

  it('binds loopback and refuses requests without the right token', async () => {
    expect(new URL(proxy.url).hostname).toBe('127.0.0.1');
    expect((await fetch(`${proxy.url}/tasks`)).status).toBe(401);
    expect((await call('POST', '/episodes', undefined, 'wrong')).status).toBe(401);
    expect((await call('GET', '/tasks')).json.count).toBe(20);
  });

  it('caps live episodes', async () => {
    const ids: number[] = [];
    for (let r = await call('POST', '/episodes'); r.status === 200; r = await call('POST', '/episodes')) ids.push(r.json.id);
    expect(ids.length).toBe(16);
    expect((await call('POST', '/episodes')).json.error).toContain('Too many live episodes (16)');
    for (const id of ids) await call('DELETE', `/episodes/${id}`);
  });

  it('refuses goto file:, cloud metadata and other hosts, and validates requests', async () => {
    const { id } = (await call('POST', '/episodes')).json;
    expect((await call('POST', `/episodes/${id}/reset`, { task: 99 })).status).toBe(422);
    const reset = await call('POST', `/episodes/${id}/reset`, { task: 0 });
    expect(reset.json.observation).toContain('OBJECTIVE: What is the price of the Trail Runner Backpack?\nPREVIOUS ACTION: None');
    for (const url of ['file:///etc/passwd', 'http://169.254.169.254/latest/meta-data/', 'http://example.com/']) {
      const r = (await call('POST', `/episodes/${id}/step`, { action: `goto [${url}]` })).json;
      expect(r.observation).toBe(`Navigation to ${url} is not allowed: only the task's sites can be visited.`);
      expect(r.info).toMatchObject({ valid: false, url: 'http://onestopmarket.com/' });
    }
    const shot = (await call('GET', `/episodes/${id}/screenshot`)).json.png as string;
    expect(Buffer.from(shot, 'base64').subarray(1, 4).toString()).toBe('PNG');
    expect((await call('POST', `/episodes/${id}/step`, { action: 42 })).status).toBe(422);
    expect((await call('DELETE', `/episodes/${id}`)).json).toEqual({ closed: true });
    expect((await call('POST', `/episodes/${id}/step`, { action: 'stop' })).status).toBe(404);
  });

  it.each([
    [0, 'string_match', ['stop [$12.50]']],
    [17, 'url_match', ['stop']],
    [8, 'program_html', ['goto [http://onestopmarket.com/product/ceramic-mug]', 'stop']],
  ] as const)('task %i: %s passes for the oracle and fails for a wrong finish', async (task, evaluator, wrong) => {
    const good = await play(task);
    expect(good.reward).toBe(1);
    expect(good.info.verdicts.map((v: { evaluator: string; pass: boolean }) => [v.evaluator, v.pass])).toContainEqual([evaluator, true]);
    const bad = await play(task, [...wrong]);
    expect(bad.reward).toBe(0);
    expect(bad.info.verdicts.some((v: { evaluator: string; pass: boolean }) => v.evaluator === evaluator && !v.pass)).toBe(true);
  });
});

describe('the proxy over a remote browser (CDP)', () => {
  let browser: ChildProcess;
  let proxy: RunningProxy;
  const profile = mkdtempSync(join(tmpdir(), 'webarena-cdp-'));
  beforeAll(async () => {
    browser = spawn(chromiumPath(), [...CHROMIUM_ARGS, '--headless', '--remote-debugging-address=127.0.0.1', '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'], { detached: true });
    // Chromium prints its DevTools endpoint on stderr once it listens.
    const ws = await new Promise<string>((found, fail) => {
      let err = '';
      browser.stderr!.on('data', (d: Buffer) => {
        const m = /DevTools listening on (ws:\/\/\S+)/.exec((err += d.toString()));
        if (m) found(m[1]);
      });
      browser.on('exit', () => fail(new Error(`Chromium exited: ${err}`)));
    });
    proxy = await startProxy({ browser: { kind: 'cdp', endpoint: `http://${new URL(ws).host}` } });
  });
  afterAll(async () => {
    await proxy.close();
    const exited = browser.exitCode === null ? new Promise((done) => browser.once('exit', done)) : null;
    // Chromium runs in its own process group: stop its helper processes too, which would otherwise
    // go on writing the profile after the main process is gone.
    process.kill(-browser.pid!, 'SIGKILL');
    await exited;
    rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  });

  it('plays a task', async () => {
    const post = async (path: string, body?: unknown) =>
      (await fetch(proxy.url + path, { method: 'POST', headers: { Authorization: `Bearer ${proxy.token}` }, body: body === undefined ? undefined : JSON.stringify(body) })).json();
    const { id } = await post('/episodes');
    expect((await post(`/episodes/${id}/reset`, { task: 3 })).observation).toContain("link 'Bamboo Spoon Set'");
    expect(await post(`/episodes/${id}/step`, { action: 'stop [Bamboo Spoon Set]' })).toMatchObject({ reward: 1, done: true });
  });
});

async function listen(server: Server): Promise<Server> {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return server;
}

function url(server: Server): string {
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
