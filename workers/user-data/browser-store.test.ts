import 'fake-indexeddb/auto';
import { expect, it, vi } from 'vitest';
import { sqlDevDir } from '../../testing/user-datasets.ts';
import { module as birdModule } from '../envs/bird/index.ts';
import { removeStored, storedDataSource, storeDataset } from './browser-store.ts';
import { importDataset } from './import.ts';
import { filesInDir } from './node.ts';

// No OPFS here (as in a browser that cannot write it from a page): the files go to IndexedDB.
vi.stubGlobal('navigator', { storage: { estimate: async () => ({ quota: 1e9, usage: 0 }) } });

it('stores a checked dataset where OPFS is missing, serves it to the env, and removes it', async () => {
  const imported = await importDataset(await filesInDir(await sqlDevDir('bird')));
  const steps: string[] = [];
  expect(await storeDataset(imported.dataset, imported.files, (path, i, n) => steps.push(`${i + 1}/${n} ${path}`))).toBe('indexeddb');
  expect(steps).toEqual(['1/4 questions.json', '2/4 tables.json', '3/4 databases/shop.sqlite', '4/4 databases/school.sqlite']);
  const env = await birdModule.create(storedDataSource(imported.dataset));
  await env.reset(9429);
  expect(await env.step('SELECT 15.0')).toMatchObject({ observation: '[(15.0,)]', reward: 1 });
  env.close?.();
  await removeStored(imported.dataset.id);
  await expect(storedDataSource(imported.dataset).bytes('questions.json')).rejects.toThrow('The stored file questions.json of your dataset is gone');
});

it('refuses a dataset larger than the free storage before writing anything', async () => {
  vi.stubGlobal('navigator', { storage: { estimate: async () => ({ quota: 5_000, usage: 4_000 }) } });
  const imported = await importDataset(await filesInDir(await sqlDevDir('bird')));
  await expect(storeDataset(imported.dataset, imported.files)).rejects.toThrow(/^Not enough browser storage: the files need 0\.\d MB, 0\.0 MB are free/);
  await expect(storedDataSource(imported.dataset).bytes('questions.json')).rejects.toThrow('is gone');
});
