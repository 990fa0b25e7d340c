import { expect, test } from '@playwright/test';
import { addProvider, babyaiRoute, shot, startEpisode, watchErrors } from './helpers.ts';
import { MockLlmServer } from '../server/mock-llm.ts';
import { BabyAIEnv } from '../workers/envs/babyai/babyai.ts';
import { TextCraftOracle } from '../workers/envs/textcraft/oracle.ts';

test('a person plays BabyAI by clicking the listed actions, with the grid drawn beside', async ({ page }) => {
  const errors = watchErrors(page);
  const ITEM = 3;
  // The planner's route, found on the true grid in Node; the person clicks the same actions.
  const route = babyaiRoute(ITEM);

  await page.goto('/');
  await startEpisode(page, 'BabyAI', ITEM);
  await expect(page.locator('article[data-from="env"] p.verbatim').first()).toContainText('Your goal:');
  const picture = page.getByTestId('env-picture');
  await expect(picture.locator('polygon')).toHaveCount(1); // the agent
  for (const [i, a] of route.entries()) {
    await page.getByLabel('Available actions').getByRole('button', { name: a, exact: true }).click();
    await expect(page.getByTestId('step-count')).toHaveText(String(i + 1));
    if (i === 0) await shot(page, 'babyai-play');
  }
  await expect(page.getByTestId('outcome')).toHaveText('Success');
  expect(Number(await page.getByTestId('reward').textContent())).toBeGreaterThan(0.5);
  await shot(page, 'babyai-solved');
  expect(errors).toEqual([]);
});

test('a model plays the longest BabyAI eval item to success within 20 rounds', async ({ page }) => {
  const errors = watchErrors(page);
  const ITEM = 63; // Unlock, seed 1: the planner's longest eval item, 16 of AgentGym's 20 rounds
  const route = babyaiRoute(ITEM);
  const env = new BabyAIEnv();
  const first = env.reset(ITEM);
  for (const action of route) env.step(action); // for the reward the page must show
  const replies = route.map((action) => `Thought:\nI head for the next part of the mission.\n\nAction:\n${action}`);
  expect(replies).toHaveLength(16);

  const mock = new MockLlmServer();
  const origin = await mock.start();
  mock.configure({ scripts: [{ match: first.split('\n')[0], replies }], model: 'mock-1' });
  try {
    await addProvider(page, origin, 'OpenAI chat completions (compatible)', 'sk-test-babyai');
    await page.goto('/#/play');
    await page.getByLabel('Agent').selectOption({ label: 'Mock · mock-1' });
    await startEpisode(page, 'BabyAI', ITEM);
    await page.getByRole('button', { name: 'Run to end' }).click();
    await expect(page.getByTestId('outcome')).toHaveText('Success', { timeout: 30_000 });
    await expect(page.getByTestId('step-count')).toHaveText(String(replies.length));
    // BabyAI's reward is a long fraction: three decimals shown, the exact value on hover.
    const reward = page.getByTestId('reward');
    await expect(reward).toHaveText(String(Number(env.episode.reward.toFixed(3))));
    await expect(reward).toHaveAttribute('title', String(env.episode.reward));
    await expect(page.getByTestId('env-picture')).toHaveAttribute('aria-label', /carrying a purple key · done, reward 0\.\d+$/);
    await shot(page, 'babyai-model-solved');
  } finally {
    await mock.close();
  }
  expect(errors).toEqual([]);
});

test('a person crafts the TextCraft goal by typing commands', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await startEpisode(page, 'TextCraft', 12);
  const envMessages = page.locator('article[data-from="env"] p.verbatim');
  await expect(envMessages.first()).toContainText('Crafting commands:');
  await page.getByLabel('Your action').fill('get 1 diamond pickaxe');
  await page.getByLabel('Your action').press('Enter');
  await expect(envMessages.last()).toHaveText('Could not find diamond pickaxe');

  // The person follows a crafting planner that reads the same page.
  const oracle = new TextCraftOracle();
  let observation = (await envMessages.first().textContent()) ?? '';
  for (let turn = 0; turn < 15 && !(await page.getByTestId('outcome').isVisible()); turn++) {
    if (turn > 0) observation = (await envMessages.last().textContent()) ?? '';
    const action = oracle.next(observation);
    await page.getByLabel('Your action').fill(action);
    await page.getByLabel('Your action').press('Enter');
    await expect(page.getByTestId('step-count')).toHaveText(String(turn + 2));
  }
  await expect(page.getByTestId('outcome')).toHaveText('Success');
  await shot(page, 'textcraft-solved');
  expect(errors).toEqual([]);
});
