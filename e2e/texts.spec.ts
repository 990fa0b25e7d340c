import { expect, test, type Locator } from '@playwright/test';
import { openLocalEnv } from '../workers/local-env.ts';
import { oracleScript } from '../server/mock-scripts.ts';
import { shot, startEpisode, watchErrors } from './helpers.ts';

/** Boxes of two elements overlap (some area in common). */
async function overlaps(a: Locator, b: Locator): Promise<boolean> {
  const [p, q] = [await a.boundingBox(), await b.boundingBox()];
  if (!p || !q) throw new Error('element not laid out');
  return p.x < q.x + q.width && q.x < p.x + p.width && p.y < q.y + q.height && q.y < p.y + p.height;
}

test("each env's step limit is shown once and right, and Wordle counts its guesses in English", async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  // MAZE: AgentGym's 15 rounds; the picture no longer carries a second, different limit.
  await startEpisode(page, 'MAZE', 0);
  await expect(page.getByTestId('status')).toContainText('Step 0 / 15');
  const caption = page.locator('figure.picture figcaption');
  await expect(caption).toContainText('You (');
  await expect(caption).not.toContainText('steps');

  // Wordle: 6 guesses end the game, so the limit shown is 6, not the 8 rounds of the client.
  const ITEM = 2;
  const guess = (await oracleScript('wordle', ITEM)).replies[0].split('Action: ')[1];
  const env = await openLocalEnv('wordle');
  await env.reset(ITEM);
  expect((await env.step(guess)).done, 'the first guess must not win, for this test').toBe(false);
  env.close();
  await startEpisode(page, 'Wordle', ITEM);
  await expect(page.getByTestId('status')).toContainText('Step 0 / 6');
  await expect(caption).toHaveText('Wordle · 6 guesses left');
  await page.getByLabel('Your action').fill(guess);
  await page.getByLabel('Your action').press('Enter');
  await expect(page.getByTestId('step-count')).toHaveText('1');
  await expect(caption).toHaveText('Wordle · 5 guesses left');
  expect(errors).toEqual([]);
});

test("Settings' model parameters sit inside their box without overlapping", async ({ page }) => {
  await page.goto('/#/settings');
  await page.getByRole('button', { name: 'Add provider' }).click();
  const box = page.locator('fieldset').filter({ hasText: 'Parameters' });
  const inputs = ['#llm-temperature', '#llm-max-tokens', '#llm-top-p', '#llm-seed'].map((id) => page.locator(id));
  for (const [i, a] of inputs.entries()) {
    await expect(a).toBeVisible();
    expect(await overlaps(a, box), `${i} inside the fieldset`).toBe(true);
    const [ab, bb] = [await a.boundingBox(), await box.boundingBox()];
    expect(ab!.x + ab!.width, 'no input sticks out of the fieldset').toBeLessThanOrEqual(bb!.x + bb!.width + 0.5);
    for (const b of inputs.slice(i + 1)) expect(await overlaps(a, b)).toBe(false);
  }
  await shot(page, 'settings-parameters');
});

test('MAZE takes "Move Right" as AgentGym does (a no-op) and the page says why', async ({ page }) => {
  await page.goto('/');
  await startEpisode(page, 'MAZE', 0); // (1, 1): the cell to the right is open
  await page.getByLabel('Your action').fill('Move Right');
  await page.getByLabel('Your action').press('Enter');
  await expect(page.getByTestId('step-count')).toHaveText('1');
  await expect(page.locator('article[data-from="env"] p.verbatim').last()).toContainText('Your current position is at position 1, 1.');
  await expect(page.getByTestId('step-hint').last()).toHaveText('The game takes moves exactly as written, in lower case without extra spaces: "move right".');
});
