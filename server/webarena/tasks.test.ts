import { describe, expect, it } from 'vitest';
import { webarena } from '../../workers/envs/webarena/manifest.ts';
import { ORACLE_OBJECTIVES } from '../../workers/envs/webarena/oracle.ts';
import { navigationAllowed } from './allowlist.ts';
import { parseProxyArgs } from './cli.ts';
import { DEMO_TASKS_PATH, instantiate, loadTasks, parseTasks } from './tasks.ts';
import { urlMap } from './url-map.ts';

const demo = loadTasks(DEMO_TASKS_PATH.pathname);
const urls = { __SHOPPING__: 'http://127.0.0.1:5001', __SHOPPING_ADMIN__: 'http://127.0.0.1:5001/admin', __REDDIT__: 'http://127.0.0.1:5002' };

describe('demo tasks', () => {
  it("are the env's items, cover all three evaluators, and each has an oracle script", () => {
    expect(demo.length).toBe(webarena.itemCount);
    const types = new Set(demo.flatMap((t) => t.eval.eval_types));
    expect([...types].sort()).toEqual(['program_html', 'string_match', 'url_match']);
    expect(demo.map((t) => t.intent).sort()).toEqual([...ORACLE_OBJECTIVES].sort());
    demo.forEach((t, i) => expect(t.task_id).toBe(i));
  });

  it('get their placeholders replaced, and an unknown placeholder is an error', () => {
    const t = instantiate(demo[12], urls);
    expect(t.start_url).toBe('http://127.0.0.1:5001/admin');
    expect(t.eval.program_html[0].url).toBe('http://127.0.0.1:5001/admin/product/desk-lamp');
    expect(() => instantiate({ ...demo[0], start_url: '__GITLAB__' }, urls)).toThrow('no URL configured for __GITLAB__');
  });

  it('are validated', () => {
    expect(() => parseTasks({})).toThrow('JSON array');
    expect(() => parseTasks([{ intent: 'x', start_url: 'y', eval: { eval_types: ['vibes'] } }])).toThrow('Task config 0');
  });
});

describe('URL mapping', () => {
  const map = urlMap(urls);
  it('shows public names, the admin before the shop', () => {
    expect(map.toPublic('at http://127.0.0.1:5001/admin/orders and http://127.0.0.1:5001/cart')).toBe('at http://luma.com/admin/orders and http://onestopmarket.com/cart');
  });
  it('maps public names, http or https, back to the sites', () => {
    expect(map.toLocal('https://reddit.com/f/books')).toBe('http://127.0.0.1:5002/f/books');
    expect(map.toLocal('http://luma.com/admin/products')).toBe('http://127.0.0.1:5001/admin/products');
    expect(map.toLocal('http://example.com/')).toBe('http://example.com/');
  });
});

describe('navigation allowlist', () => {
  const origins = ['http://127.0.0.1:5001'];
  it('allows only the site origins and about:blank', () => {
    expect(navigationAllowed('http://127.0.0.1:5001/cart', origins)).toBe(true);
    expect(navigationAllowed('about:blank', origins)).toBe(true);
    for (const bad of ['file:///etc/passwd', 'chrome://settings', 'http://169.254.169.254/latest/meta-data/', 'http://127.0.0.1:5002/', 'http://user@127.0.0.1:5001/', 'javascript:alert(1)', 'not a url']) {
      expect(navigationAllowed(bad, origins), bad).toBe(false);
    }
  });
});

describe('npm run proxy options', () => {
  it('map your WebArena sites and load your task configs', () => {
    const opts = parseProxyArgs(['--tasks', DEMO_TASKS_PATH.pathname, '--site', '__SHOPPING__=http://host:7770/', '--site', '__REDDIT__=http://host:9999', '--cdp', 'http://host:9222']);
    expect(opts.sites).toEqual({ __SHOPPING__: 'http://host:7770', __REDDIT__: 'http://host:9999' });
    expect(opts.tasks?.length).toBe(20);
    expect(opts.browser).toEqual({ kind: 'cdp', endpoint: 'http://host:9222' });
  });
  it('refuse what they do not understand', () => {
    expect(() => parseProxyArgs(['--site', 'SHOPPING=http://x'])).toThrow('--site wants');
    expect(() => parseProxyArgs(['--tasks', DEMO_TASKS_PATH.pathname])).toThrow('--tasks needs your sites');
    expect(() => parseProxyArgs(['--port'])).toThrow('--port needs a value');
    expect(() => parseProxyArgs(['--port', 'http'])).toThrow('--port wants 0..65535');
    expect(() => parseProxyArgs(['--bogus', '1'])).toThrow('Unknown option --bogus');
  });
});
