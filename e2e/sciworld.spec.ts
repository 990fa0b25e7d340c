import { expect, test } from '@playwright/test';
import { shot, startEpisode, watchErrors } from './helpers.ts';

test('a person boils ice to a score of 100 by typing actions, the room and subgoals drawn beside', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await startEpisode(page, 'SciWorld', 4); // boil ice; the agent starts in the hallway
  await expect(page.locator('article[data-from="env"] p.verbatim').first()).toContainText('Your task is to boil ice.');
  const picture = page.getByTestId('env-picture').first();
  const subgoals = page.getByTestId('env-picture').last();
  await expect(picture.locator('li').first()).toContainText('hallway');
  await expect(subgoals).toContainText('score 0 · 0 of 3 in order');
  const composer = page.getByLabel('Your action');
  const actions = ['open door to kitchen', 'go to kitchen', 'open freezer', 'focus on ice', 'pick up ice', 'move ice to stove', 'activate stove', 'wait'];
  for (const [i, a] of actions.entries()) {
    await composer.fill(a);
    await composer.press('Enter');
    await expect(page.getByTestId('step-count')).toHaveText(String(i + 1));
    if (a === 'activate stove') {
      await expect(picture.locator('li', { hasText: /^stoveon/ }).first()).toBeVisible();
      await shot(page, 'sciworld-play');
    }
  }
  await expect(page.getByTestId('outcome')).toHaveText('Success');
  await expect(page.getByTestId('reward')).toHaveText('100');
  await expect(subgoals).toContainText('score 100 · 3 of 3 in order');
  await shot(page, 'sciworld-solved');
  expect(errors).toEqual([]);
});
