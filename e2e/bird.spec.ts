import { expect, type Page, test } from '@playwright/test';
import { shot, startEpisode, watchErrors } from './helpers.ts';

/** One table of the env's picture (schema browser or result grid), by its title. */
const table = (page: Page, title: string) => page.locator('figure.table').filter({ has: page.locator('figcaption', { hasText: title }) });

test('a person answers a BIRD question with SQL run by sql.js in the worker', async ({ page, browser }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await startEpisode(page, 'BIRD (text-to-SQL)', 1);
  const envMessages = page.locator('article[data-from="env"] p.verbatim');
  // The database and sql.js load on first use; the schema sentences come first.
  await expect(envMessages.first()).toContainText('us_flights contains tables such as airports, flights, routes.');
  await expect(envMessages.first()).toContainText('What is the name of the airport with the code LAX?');

  // The schema browser: a table per database table, with types and keys.
  const airports = table(page, 'us_flights.airports');
  await expect(airports.locator('tbody tr').first()).toHaveText(/iata\s*text\s*PK/);
  await expect(table(page, 'us_flights.flights').locator('tbody tr', { hasText: 'origin' })).toContainText('FK → airports.iata');
  await expect(page.getByTestId('answer-reveal')).toHaveCount(0); // not before the end
  await shot(page, 'bird-schema');

  await page.getByLabel('Your action').fill("SELECT iata, name FROM airports WHERE iata IN ('LAX', 'SFO') ORDER BY iata");
  await page.getByLabel('Your action').press('Enter');
  await expect(envMessages.last()).toHaveText("[('LAX', 'Los Angeles International'), ('SFO', 'San Francisco International')]");
  await expect(page.getByTestId('outcome')).toHaveText('Failed');

  // The result as a grid, with its row count and run time.
  const result = table(page, 'Result of the query');
  await expect(result.locator('thead')).toHaveText(/iata\s*name/);
  await expect(result.locator('tbody tr')).toHaveCount(2);
  await expect(result.locator('tbody tr').nth(1)).toHaveText(/SFO\s*San Francisco International/);
  await expect(result.locator('.caption')).toHaveText(/^2 rows · [\d.]+ (ms|s)$/);

  // The gold result, on request, only now that the episode is over.
  await page.getByRole('button', { name: 'Show the gold query and its result' }).click();
  const reveal = page.getByTestId('answer-reveal');
  await expect(reveal.locator('figure.text')).toContainText("SELECT name FROM airports WHERE iata = 'LAX'");
  await expect(table(page, 'Result of the gold query').locator('tbody')).toHaveText('Los Angeles International');
  await expect(table(page, 'Result of the gold query').locator('.caption')).toHaveText(/^1 row · /);
  await shot(page, 'bird-gold');

  // A replay of the episode shows the same grid and the gold result on request.
  await page.getByRole('button', { name: 'Share' }).click();
  const url = await page.getByLabel('Share link').inputValue();
  const other = await browser.newContext();
  const viewer = await other.newPage();
  const viewerErrors = watchErrors(viewer);
  await viewer.goto(url);
  await expect(viewer.getByTestId('replay-step')).toHaveText('Step 0 of 1');
  await expect(table(viewer, 'us_flights.routes')).toBeVisible();
  await expect(viewer.getByTestId('answer-reveal')).toHaveCount(0);
  await viewer.keyboard.press('ArrowRight');
  await expect(viewer.getByTestId('replay-step')).toHaveText('Step 1 of 1');
  await expect(viewer.getByTestId('replay-divergence')).toHaveCount(0);
  await expect(table(viewer, 'Result of the query').locator('tbody tr')).toHaveCount(2);
  await viewer.getByRole('button', { name: 'Show the gold query and its result' }).click();
  await expect(table(viewer, 'Result of the gold query').locator('tbody')).toHaveText('Los Angeles International');
  await shot(viewer, 'bird-replay-gold');
  await other.close();
  expect(viewerErrors).toEqual([]);

  // A write is refused with SQLite's message and scores 0.
  await startEpisode(page, 'BIRD (text-to-SQL)', 1);
  await expect(envMessages.first()).toContainText('code LAX?');
  await page.getByLabel('Your action').fill("DELETE FROM airports WHERE iata = 'LAX'");
  await page.getByLabel('Your action').press('Enter');
  await expect(envMessages.last()).toHaveText('attempt to write a readonly database');
  await expect(page.getByTestId('reward')).toHaveText('0');
  expect(errors).toEqual([]);
});

test('a BIRD query that computes past the deadline before any row is ended in the browser too', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await startEpisode(page, 'BIRD (text-to-SQL)', 0);
  const envMessages = page.locator('article[data-from="env"] p.verbatim');
  await expect(envMessages.first()).toContainText('How many airports are there in Alaska?');
  // Counting an endless recursive CTE never yields a row: only terminating its worker stops it.
  await page.getByLabel('Your action').fill('WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c');
  const sent = Date.now();
  await page.getByLabel('Your action').press('Enter');
  await expect(envMessages.last()).toHaveText('Query stopped: it ran longer than 5 seconds.', { timeout: 15_000 });
  expect(Date.now() - sent).toBeLessThan(12_000);
  await expect(page.getByTestId('reward')).toHaveText('0');
  // The next episode's queries run in a fresh worker.
  await startEpisode(page, 'BIRD (text-to-SQL)', 0);
  await expect(envMessages.first()).toContainText('Alaska');
  await page.getByLabel('Your action').fill("SELECT COUNT(*) FROM airports WHERE state = 'AK'");
  await page.getByLabel('Your action').press('Enter');
  await expect(page.getByTestId('outcome')).toHaveText('Success');
  await shot(page, 'bird-after-timeout');
  expect(errors).toEqual([]);
});
