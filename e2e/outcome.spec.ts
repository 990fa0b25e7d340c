import { expect, test } from '@playwright/test';
import { startEpisode, watchErrors } from './helpers.ts';

test('running out of rounds is told apart from failing, in Play, History and the replay', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await startEpisode(page, 'MAZE', 18); // (7, 6): a wall to the left
  for (let i = 1; i <= 15; i++) {
    await page.getByRole('button', { name: 'move left', exact: true }).click();
    await expect(page.getByTestId('step-count')).toHaveText(String(i));
  }
  await expect(page.getByTestId('outcome')).toHaveText('Out of rounds');
  await expect(page.getByTestId('finished')).toContainText('Out of rounds: the task was not done within 15 steps.');
  await page.getByRole('button', { name: 'Share' }).click();
  const url = await page.getByLabel('Share link').inputValue();

  await page.getByRole('link', { name: 'History' }).click();
  await expect(page.getByTestId('history-row').filter({ hasText: 'maze_18' })).toContainText('out of rounds');

  await page.goto(url);
  await expect(page.getByTestId('replay-step')).toHaveText('Step 0 of 15');
  await expect(page.getByTestId('replay-outcome')).toHaveText('Out of rounds');
  await expect(page.getByTestId('replay-divergence')).toHaveCount(0);
  expect(errors).toEqual([]);
});
