/** The options of `npm run proxy` (documented in main.ts), validated. */
import { APP_ORIGINS } from '../http-guard.ts';
import type { StartOptions } from './start.ts';
import { loadTasks } from './tasks.ts';

export function parseProxyArgs(argv: string[]): StartOptions {
  const opts: StartOptions = {};
  const sites: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[++i];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (flag === '--port') {
      opts.port = Number(value);
      if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) throw new Error(`--port wants 0..65535, got ${value}`);
    }
    else if (flag === '--host') opts.host = value;
    else if (flag === '--allow-origin') {
      if (!/^https?:\/\/[^/\s]+$/.test(value)) throw new Error(`--allow-origin wants scheme://host[:port], got ${value}`);
      (opts.allowOrigins ??= [...APP_ORIGINS]).push(value);
    }
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
