import { expect, test } from '@playwright/test';
import { shot, startEpisode, watchErrors } from './helpers.ts';

test('a person answers a BIRD question with SQL run by sql.js in the worker', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await startEpisode(page, 'BIRD (text-to-SQL)', 1);
  const envMessages = page.locator('article[data-from="env"] p.verbatim');
  // The database and sql.js load on first use; the schema sentences come first.
  await expect(envMessages.first()).toContainText('us_flights contains tables such as airports, flights, routes.');
  await expect(envMessages.first()).toContainText('What is the name of the airport with the code LAX?');

  await page.getByLabel('Your action').fill("SELECT name FROM airports WHERE iata = 'LAX'");
  await page.getByLabel('Your action').press('Enter');
  await expect(envMessages.last()).toHaveText("[('Los Angeles International',)]");
  await expect(page.getByTestId('outcome')).toHaveText('Success');
  await expect(page.getByTestId('reward')).toHaveText('1');
  await expect(page.getByTestId('env-picture')).toContainText("Result: [('Los Angeles International',)]");
  await shot(page, 'bird-solved');

  // A write is refused with SQLite's message and scores 0.
  await startEpisode(page, 'BIRD (text-to-SQL)', 1);
  await expect(envMessages.first()).toContainText('code LAX?');
  await page.getByLabel('Your action').fill("DELETE FROM airports WHERE iata = 'LAX'");
  await page.getByLabel('Your action').press('Enter');
  await expect(envMessages.last()).toHaveText('attempt to write a readonly database');
  await expect(page.getByTestId('reward')).toHaveText('0');
  expect(errors).toEqual([]);
});
