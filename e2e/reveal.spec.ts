import { expect, test } from '@playwright/test';
import { shot, startEpisode, watchErrors } from './helpers.ts';

test('after a lost Wordle the hidden word can be revealed, and not before the end', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await startEpisode(page, 'Wordle', 0);
  const composer = page.getByLabel('Your action');
  // "panic" never wins item 0: the word is drawn again among the words still possible at every guess.
  for (let i = 1; i <= 6; i++) {
    await composer.fill('panic');
    await composer.press('Enter');
    await expect(page.getByTestId('step-count')).toHaveText(String(i));
    if (i < 6) await expect(page.getByRole('button', { name: 'Reveal the answer' })).toHaveCount(0);
  }
  await expect(page.getByTestId('outcome')).toHaveText('Failed');
  await page.getByRole('button', { name: 'Reveal the answer' }).click();
  await expect(page.getByTestId('revealed-answer')).toHaveText('aroma');
  await expect(page.getByLabel('Answer')).toContainText('guesses');
  await shot(page, 'play-revealed');
  expect(errors).toEqual([]);
});

test('a won episode offers no answer to reveal', async ({ page }) => {
  await page.goto('/');
  await startEpisode(page, 'MAZE', 18); // up, left (a wall), down, down reaches the goal
  for (const move of ['move up', 'move down', 'move down']) await page.getByRole('button', { name: move, exact: true }).click();
  await expect(page.getByTestId('outcome')).toHaveText('Success');
  await expect(page.getByRole('button', { name: 'Reveal the answer' })).toHaveCount(0);
});

test("after BabyAI runs out of rounds, the mission is revealed with what was done and what was left", async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await startEpisode(page, 'BabyAI', 14); // open the red door, and open the blue door
  const composer = page.getByLabel('Your action');
  const actions = ['toggle and go through red closed door 1', ...Array<string>(19).fill('turn left')];
  for (const [i, a] of actions.entries()) {
    await composer.fill(a);
    await composer.press('Enter');
    await expect(page.getByTestId('step-count')).toHaveText(String(i + 1));
  }
  await expect(page.getByTestId('outcome')).toHaveText('Out of rounds');
  await page.getByRole('button', { name: 'Reveal the answer' }).click();
  await expect(page.getByTestId('revealed-answer')).toHaveText(['open the red door, and open the blue door', 'open the red door', 'open the blue door']);
  await expect(page.getByLabel('Answer')).toContainText('Done: open the red door');
  await expect(page.getByLabel('Answer')).toContainText('Left undone: open the blue door');
  await shot(page, 'play-babyai-mission');
  expect(errors).toEqual([]);
});
