import { expect, test } from '@playwright/test';
import { shot, startEpisode, watchErrors } from './helpers.ts';
import { WordleOracle } from '../workers/envs/wordle/oracle.ts';
import { AGENTGYM_VOCAB } from '../workers/envs/wordle/words.ts';

test('a person plays Wordle to a win by typing guesses', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await startEpisode(page, 'Wordle', 7);
  const envMessages = page.locator('article[data-from="env"] p.verbatim');
  await expect(envMessages.last()).toHaveText("Let's start Wordle!");

  // The person follows a solver's advice, reading the feedback off the page.
  const oracle = new WordleOracle(AGENTGYM_VOCAB, AGENTGYM_VOCAB);
  const composer = page.getByLabel('Your action');
  for (let turn = 0; turn < 6; turn++) {
    if (await page.getByTestId('outcome').isVisible()) break;
    const observation = (await envMessages.last().textContent()) ?? '';
    const guess = oracle.next(observation).replaceAll(' ', '');
    await composer.fill(guess);
    await composer.press('Enter');
    await expect(page.getByTestId('step-count')).toHaveText(String(turn + 1));
  }
  await expect(page.getByTestId('outcome')).toHaveText('Success');
  await expect(page.getByTestId('reward')).toHaveText('1');
  // The coloured grid shows the winning row in green (earlier rows may have green letters too).
  expect(await page.getByTestId('env-picture').locator('rect[fill="#16a34a"]').count()).toBeGreaterThanOrEqual(5);
  await expect(page.getByTestId('env-picture')).toHaveAttribute('aria-label', 'Wordle · solved');
  await shot(page, 'wordle-win');

  await page.reload();
  await page.getByRole('link', { name: 'History' }).click();
  await expect(page.getByTestId('history-row').filter({ hasText: 'wordle_7' })).toContainText('success');
  expect(errors).toEqual([]);
});

test('a word outside the vocabulary is answered "invalid word"', async ({ page }) => {
  await page.goto('/');
  await startEpisode(page, 'Wordle', 0);
  await page.getByLabel('Your action').fill('<b>zzzzz</b>');
  await page.getByLabel('Your action').press('Enter');
  await expect(page.locator('article[data-from="env"] p.verbatim').last()).toHaveText('invalid word');
  await expect(page.locator('article[data-from="agent"] p').last()).toHaveText('<b>zzzzz</b>');
});

test('a guess in capitals is invalid, as on AgentGym, and the page says why', async ({ page }) => {
  await page.goto('/');
  await startEpisode(page, 'Wordle', 0);
  await page.getByLabel('Your action').fill('SOLAR');
  await page.getByLabel('Your action').press('Enter');
  await expect(page.locator('article[data-from="env"] p.verbatim').last()).toHaveText('invalid word');
  await expect(page.getByTestId('step-hint').last()).toContainText('lower-case');
});
