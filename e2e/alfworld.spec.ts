import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { shot, startEpisode, watchErrors } from './helpers.ts';

test('a person plays an ALFWorld test game to the end by clicking admissible commands, the room drawn beside', async ({ page }) => {
  const errors = watchErrors(page);
  const ITEM = 2420; // cool a mug and put it in the coffee machine
  const { walkthrough } = JSON.parse(readFileSync(`static-data/alfworld/games/${ITEM}.json`, 'utf8')) as { walkthrough: string[] };

  await page.goto('/');
  await startEpisode(page, 'ALFWorld', ITEM);
  await expect(page.locator('article[data-from="env"] p.verbatim').first()).toContainText('Your task is to: cool some mug and put it in coffeemachine.');
  const picture = page.getByTestId('env-picture');
  await expect(picture).toContainText('Holding: nothing');
  await expect(picture).toContainText('▶ the middle of the room');
  // The game file was fetched for this episode; once it is in, no download is shown any more.
  await expect(page.getByRole('status', { name: 'Data downloads' })).toHaveCount(0);
  for (const [i, a] of walkthrough.entries()) {
    await page.getByLabel('Available actions').getByRole('button', { name: a, exact: true }).click();
    await expect(page.getByTestId('step-count')).toHaveText(String(i + 1));
    if (a.startsWith('take ')) await expect(picture).toContainText('Holding: mug 2');
    if (i === 2) await shot(page, 'alfworld-play');
  }
  await expect(page.getByTestId('outcome')).toHaveText('Success');
  await expect(page.getByTestId('reward')).toHaveText('1');
  await shot(page, 'alfworld-solved');
  expect(errors).toEqual([]);
});
