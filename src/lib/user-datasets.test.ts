import 'fake-indexeddb/auto';
import { afterEach, expect, it, vi } from 'vitest';
import { webshopExactDir } from '../../testing/user-datasets.ts';
import { requireEnv } from '../../workers/envs/registry.ts';
import { filesInDir } from '../../workers/user-data/node.ts';
import { userDatasets } from './user-datasets.svelte.ts';

const storage = new Map<string, string>();
vi.stubGlobal('localStorage', { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => void storage.set(k, v) });
vi.stubGlobal('navigator', { storage: { estimate: async () => ({ quota: 1e9, usage: 0 }) } });

afterEach(() => userDatasets.use('webshop', null));

it('imports, remembers across page loads, drops damaged records, and switches back to the built-in data', async () => {
  const ds = await userDatasets.add(await filesInDir(webshopExactDir()));
  expect(userDatasets.problems).toEqual([]);
  expect(requireEnv('webshop')).toMatchObject({ itemCount: 14, dataVersion: ds!.id, downloads: [] });

  // A new page load: the stored list (plus one damaged record) and the choice come back.
  storage.set('agentgym-user-datasets', JSON.stringify([...JSON.parse(storage.get('agentgym-user-datasets')!), { id: 'nonsense' }]));
  userDatasets.use('webshop', null);
  storage.set('agentgym-active-datasets', JSON.stringify({ webshop: ds!.id }));
  userDatasets.restore();
  expect(userDatasets.list.map((d) => d.id)).toEqual([ds!.id]);
  expect(requireEnv('webshop').dataVersion).toBe(ds!.id);

  userDatasets.use('webshop', null);
  expect(requireEnv('webshop')).toMatchObject({ itemCount: 1710, dataVersion: 'webshop-1' });
  await userDatasets.remove(ds!.id);
  expect(userDatasets.list).toEqual([]);
});

it('keeps what it had when an import fails, with the problems listed', async () => {
  const before = userDatasets.list.length;
  expect(await userDatasets.add([])).toBeNull();
  expect(userDatasets.problems).toEqual([expect.stringMatching(/^No files\. Expected WebShop's/)]);
  expect(userDatasets.list).toHaveLength(before);
  expect(requireEnv('webshop').dataVersion).toBe('webshop-1');
});
