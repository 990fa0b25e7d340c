import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sqlDevDir, webshopExactDir } from '../testing/user-datasets.ts';
import { shot, startEpisode, watchErrors } from './helpers.ts';

test("WebShop's own files are imported in Settings → Data and the exact goals are played by clicking through", async ({ page }) => {
  const errors = watchErrors(page);
  const dir = webshopExactDir();
  await page.goto('/#/settings');
  await page.getByTestId('dataset-files').setInputFiles([join(dir, 'items_shuffle_1000.json'), join(dir, 'items_ins_v2_1000.json')]);
  await expect(page.getByRole('status')).toContainText("Imported items_shuffle_1000.json + items_ins_v2_1000.json: 14 goals. WebShop now runs on it. 6 products, 5 with an instruction. 14 goals, not AgentGym's 6,910");
  await expect(page.getByRole('checkbox', { name: /Run WebShop on items_shuffle/ })).toBeChecked();
  await shot(page, 'user-data-settings');

  // The choice survives a reload, and the env picker says which catalogue is active.
  await page.goto('/');
  await page.reload();
  await page.getByLabel('Environment').selectOption({ label: 'WebShop' });
  await expect(page.getByTestId('active-data')).toHaveText('Catalogue: your files, items_shuffle_1000.json + items_ins_v2_1000.json: 14 goals.');
  await startEpisode(page, 'WebShop', 3);
  const envMessages = page.locator('article[data-from="env"] p.verbatim');
  await expect(envMessages.first()).toContainText('Find me dark roast coffee with flavor name: dark, and size: 12 ounce, and price lower than 40.00 dollars');
  for (const action of ['search[dark roast coffee]', 'click[b000000002]', 'click[12 ounce]', 'click[dark]', 'click[buy now]']) {
    await page.getByLabel('Your action').fill(action);
    await page.getByLabel('Your action').press('Enter');
  }
  await expect(page.getByTestId('reward')).toHaveText('1');
  await shot(page, 'user-data-webshop-exact');

  // Back on the built-in catalogue, item 3 is another goal.
  await page.getByLabel('Data to run on').selectOption({ label: 'built-in data' });
  await expect(page.getByTestId('active-data')).toContainText("Catalogue: built-in (WebShop-style goals over our generated products, not AgentGym's 6,910 goals).");
  expect(errors).toEqual([]);
});

test('a BIRD-format folder is dropped on the env picker and a dev item (9428) is answered', async ({ page }) => {
  const errors = watchErrors(page);
  const dir = await sqlDevDir('bird');
  await page.goto('/');
  await page.getByLabel('Environment').selectOption({ label: 'BIRD (text-to-SQL)' });
  await expect(page.getByTestId('active-data')).toHaveText("Data: built-in (our 200 questions over five databases, not BIRD's).");
  await page.getByText("Use BIRD's or Spider's dev set").click();

  // Half a dataset, dropped on the zone, is refused with what is missing, and changes nothing.
  const dropped = await page.evaluateHandle((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'dev.json', { type: 'application/json' }));
    return data;
  }, readFileSync(join(dir, 'dev.json'), 'utf8'));
  await page.getByRole('region', { name: 'Dataset drop zone' }).dispatchEvent('drop', { dataTransfer: dropped });
  await expect(page.getByRole('alert')).toContainText('Not imported; nothing was changed: dev_tables.json (BIRD) or tables.json (Spider) is missing');
  await expect(page.getByTestId('active-data')).toHaveText("Data: built-in (our 200 questions over five databases, not BIRD's).");
  await shot(page, 'user-data-bird-refused');

  await page.getByTestId('dataset-folder').setInputFiles(dir);
  await expect(page.getByTestId('active-data')).toContainText('Data: your files, BIRD dev: 3 questions, 2 databases');
  await startEpisode(page, 'BIRD (text-to-SQL)', 9428);
  const envMessages = page.locator('article[data-from="env"] p.verbatim');
  await expect(envMessages.first()).toContainText('shop contains tables such as customers, orders.');
  await expect(envMessages.first()).toContainText('How many customers live in Paris?');
  await page.getByLabel('Your action').fill("SELECT COUNT(*) FROM customers WHERE city = 'Paris'");
  await page.getByLabel('Your action').press('Enter');
  await expect(envMessages.last()).toHaveText('[(2,)]');
  await expect(page.getByTestId('reward')).toHaveText('1');
  await shot(page, 'user-data-bird-played');
  expect(errors).toEqual([]);
});
