import { expect, test } from '@playwright/test';
import { oracleScript } from '../server/mock-scripts.ts';
import { webshop } from '../workers/envs/webshop/manifest.ts';
import { shot, startEpisode, watchErrors } from './helpers.ts';

test('a person searches the shop, then finds and buys the product by clicking its pages', async ({ page }) => {
  const errors = watchErrors(page);
  const item = webshop.evalItems[1];
  // The oracle's route, worked out in Node; the person types the search and clicks the rest.
  const actions = (await oracleScript('webshop', item)).replies.map((r) => r.slice(r.indexOf('\nAction: ') + '\nAction: '.length));
  expect(actions[0]).toMatch(/^search\[/);
  await page.goto('/');
  await startEpisode(page, 'WebShop', item);
  await expect(page.locator('article[data-from="env"] p.verbatim').first()).toContainText('Instruction:');
  await page.getByLabel('Your action').fill(actions[0]);
  await page.getByLabel('Your action').press('Enter');
  await expect(page.getByTestId('step-count')).toHaveText('1');
  for (const [i, action] of actions.slice(1).entries()) {
    expect(action).toMatch(/^click\[/);
    await page.getByLabel('Available actions').getByRole('button', { name: action.toLowerCase(), exact: true }).click(); // the page lists clickables in lower case, as WebShop's text env
    await expect(page.getByTestId('step-count')).toHaveText(String(i + 2));
    if (i === 0) await shot(page, 'webshop-product');
  }
  await expect(page.getByTestId('outcome')).toHaveText('Success');
  await expect(page.getByTestId('reward')).toHaveText('1');
  await shot(page, 'webshop-bought');
  expect(errors).toEqual([]);
});
