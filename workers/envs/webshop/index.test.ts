import { expect, it } from 'vitest';
import { nodeDataSource } from '../../node-data-source.ts';
import type { DataSource } from '../contract.ts';
import { module } from './index.ts';

it('tries the catalogue download again after a failure, then keeps it', async () => {
  let reads = 0;
  const failing: DataSource = { json: () => Promise.reject(new Error('offline')), bytes: () => Promise.reject(new Error('offline')) };
  const counting: DataSource = { ...nodeDataSource, json: (path) => (reads++, nodeDataSource.json(path)) };
  await expect(module.create(failing)).rejects.toThrow('offline');
  const env = await module.create(counting);
  expect(await env.reset(0)).toMatch(/^WebShop \[SEP\] Instruction: \[SEP\] Find me /);
  await module.create(counting);
  expect(reads).toBe(2);
});
