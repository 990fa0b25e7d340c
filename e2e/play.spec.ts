import { expect, test } from '@playwright/test';
import { shot, startEpisode, watchErrors } from './helpers.ts';

test('a person plays MAZE by clicking actions, and finds it in History after a reload', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await startEpisode(page, 'MAZE', 18); // starts at (7, 6), one step above the goal
  await expect(page.getByText('Your current position is at position 7, 6.')).toBeVisible();
  await expect(page.getByTestId('env-picture')).toBeVisible();

  await page.getByRole('button', { name: 'move up', exact: true }).click();
  await expect(page.getByTestId('step-count')).toHaveText('1');
  await expect(page.getByText('Your current position is at position 6, 6.').last()).toBeVisible();
  await page.getByRole('button', { name: 'move left', exact: true }).click(); // a wall: stays
  await expect(page.getByTestId('step-count')).toHaveText('2');
  await shot(page, 'maze-play');
  await page.getByRole('button', { name: 'move down', exact: true }).click();
  await page.getByRole('button', { name: 'move down', exact: true }).click();
  await expect(page.getByTestId('outcome')).toHaveText('Success');
  await expect(page.getByTestId('reward')).toHaveText('1');
  // After the end, the shortest way from this start (one move here, where the person took four).
  await page.getByRole('button', { name: 'Show the shortest path' }).click();
  await expect(page.getByTestId('answer-reveal')).toContainText('Shortest path from (7, 6): 1 move');

  await page.reload();
  await page.getByRole('link', { name: 'History' }).click();
  const row = page.getByTestId('history-row').filter({ hasText: 'maze_18' });
  await expect(row).toContainText('4');
  await expect(row).toContainText('success');
  await row.getByRole('link', { name: 'maze_18' }).click();
  await expect(page.getByLabel('Episode transcript')).toContainText('Success');
  await shot(page, 'maze-history');
  await page.getByRole('button', { name: 'Replay step by step' }).click();
  await expect(page.getByTestId('replay-step')).toHaveText('Step 0 of 4');
  expect(errors).toEqual([]);
});

test('bad item numbers get a clear message', async ({ page }) => {
  await page.goto('/');
  await startEpisode(page, 'MAZE', 999);
  await expect(page.getByRole('alert')).toContainText('Item must be a whole number from 0 to 24');
});

test("Enter in the Item field starts that item's episode", async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await page.getByLabel('Environment').selectOption({ label: 'MAZE' });
  await page.getByLabel('Item').fill('18');
  await page.getByLabel('Item').press('Enter');
  await expect(page.getByText('Your current position is at position 7, 6.')).toBeVisible();
  await expect(page.getByTestId('step-count')).toHaveText('0');
  expect(errors).toEqual([]);
});

test('an episode with no step yet is not stored; its first step stores it', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await startEpisode(page, 'MAZE', 18);
  await expect(page.getByTestId('step-count')).toHaveText('0');
  await page.getByRole('link', { name: 'History' }).click();
  await expect(page.getByText('No episodes played by hand yet.')).toBeVisible();
  await expect(page.getByTestId('history-row')).toHaveCount(0);
  await page.getByRole('link', { name: 'Play', exact: true }).click();
  await startEpisode(page, 'MAZE', 18);
  await page.getByRole('button', { name: 'move up', exact: true }).click();
  await expect(page.getByTestId('step-count')).toHaveText('1');
  await page.getByRole('link', { name: 'History' }).click();
  await expect(page.getByTestId('history-row')).toHaveCount(1);
  await expect(page.getByTestId('history-row')).toContainText('maze_18');
  expect(errors).toEqual([]);
});
