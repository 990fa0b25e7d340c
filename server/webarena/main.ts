/**
 * `npm run proxy -- [options]`: the WebArena proxy on 127.0.0.1, printing its URL and token.
 *
 *   --port N                 listen port (default 8765)
 *   --host H                 listen address (default 127.0.0.1; anything else exposes the browser)
 *   --browser-ws ws://...    a remote Playwright browser server (chromium.launchServer / run-server)
 *   --cdp http://...         a remote Chromium's DevTools endpoint (connectOverCDP)
 *   --tasks FILE             WebArena task configs (test.raw.json format) instead of the demo tasks
 *   --site __SHOPPING__=URL  the base URL of one of your WebArena sites (repeat per site)
 */
import { startProxy, type StartOptions } from './start.ts';
import { loadTasks } from './tasks.ts';

function parse(argv: string[]): StartOptions {
  const opts: StartOptions = {};
  const sites: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[++i];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (flag === '--port') opts.port = Number(value);
    else if (flag === '--host') opts.host = value;
    else if (flag === '--browser-ws') opts.browser = { kind: 'ws', endpoint: value };
    else if (flag === '--cdp') opts.browser = { kind: 'cdp', endpoint: value };
    else if (flag === '--tasks') opts.tasks = loadTasks(value);
    else if (flag === '--site') {
      const m = /^(__[A-Z_]+__)=(https?:\/\/\S+)$/.exec(value);
      if (!m) throw new Error(`--site wants __NAME__=http(s)://..., got ${value}`);
      sites[m[1]] = m[2].replace(/\/+$/, '');
    } else throw new Error(`Unknown option ${flag}`);
  }
  if (Object.keys(sites).length) opts.sites = sites;
  if (opts.tasks && !opts.sites) throw new Error('--tasks needs your sites: --site __SHOPPING__=http://... per site');
  return opts;
}

const opts = parse(process.argv.slice(2));
const proxy = await startProxy({ port: 8765, ...opts });
console.log(`WebArena proxy at ${proxy.url}\nToken: ${proxy.token}\n(set WEBARENA_PROXY_URL and WEBARENA_PROXY_TOKEN for the CLI and server)`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void proxy.close().then(() => process.exit(0)));
