/**
 * `npm run proxy -- [options]`: the WebArena proxy on 127.0.0.1, printing its URL and token.
 *
 *   --port N                 listen port (default 8765)
 *   --host H                 listen address (default 127.0.0.1; anything else exposes the browser)
 *   --allow-origin URL       another origin the app is served from (repeat; the app's own
 *                            http://localhost:5173 / :4173 and 127.0.0.1 ones are always allowed)
 *   --browser-ws ws://...    a remote Playwright browser server (chromium.launchServer / run-server)
 *   --cdp http://...         a remote Chromium's DevTools endpoint (connectOverCDP)
 *   --tasks FILE             WebArena task configs (test.raw.json format) instead of the demo tasks
 *   --site __SHOPPING__=URL  the base URL of one of your WebArena sites (repeat per site)
 */
import { parseProxyArgs } from './cli.ts';
import { startProxy } from './start.ts';

const opts = parseProxyArgs(process.argv.slice(2));
const proxy = await startProxy({ port: 8765, ...opts });
console.log(`WebArena proxy at ${proxy.url}\nToken: ${proxy.token}\n(set WEBARENA_PROXY_URL and WEBARENA_PROXY_TOKEN for the CLI and server)`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void proxy.close().then(() => process.exit(0)));
