import { expect, it } from 'vitest';
import { sqlDevDir } from '../../testing/user-datasets.ts';
import { nodeDataSource } from '../node-data-source.ts';
import { SessionHost } from '../session-host.ts';
import { importDataset } from './import.ts';
import { filesInDir, importedSource } from './node.ts';

it("opens sessions on the dataset a page sends along (as a worker does), reading its files once per host", async () => {
  const imported = await importDataset(await filesInDir(await sqlDevDir('bird')));
  let sources = 0;
  const host = new SessionHost(() => nodeDataSource, undefined, () => (sources++, importedSource(imported)));
  const a = await host.open('bird', { dataset: imported.dataset });
  const b = await host.open('bird', { dataset: imported.dataset });
  expect((await host.reset(a, 9428)).observation).toMatch(/How many customers live in Paris\?$/);
  await expect(host.reset(b, 200)).rejects.toThrow('No BIRD question 200 (9428..9430; items below it are BIRD train questions, not loaded)');
  // Without a dataset the same host runs the built-in questions, items 0..199.
  const c = await host.open('bird');
  expect((await host.reset(c, 0)).observation).toMatch(/^us_flights contains tables/);
  expect(sources).toBe(1);
  await expect(new SessionHost(() => nodeDataSource).open('bird', { dataset: imported.dataset })).rejects.toThrow('This host cannot read user datasets.');
  await expect(host.open('bird', { dataset: { ...imported.dataset, id: 'x' } })).rejects.toThrow('Stored dataset description is damaged: id');
});
