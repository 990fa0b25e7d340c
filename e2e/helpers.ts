import { expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { BabyAIEnv } from '../workers/envs/babyai/babyai.ts';
import { babyai } from '../workers/envs/babyai/manifest.ts';
import { BabyAIOracle } from '../workers/envs/babyai/oracle.ts';

/** Screenshots go to e2e/screenshots/ (git-ignored) for a person to look at. */
export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync('e2e/screenshots', { recursive: true });
  await page.screenshot({ path: `e2e/screenshots/${name}.png`, fullPage: true });
}

/** Fail the test on any console error or uncaught exception in the page. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return errors;
}

/** The Play page while it is the one shown (it stays mounted, hidden, under the other pages). */
export const playPage = (page: Page) => page.getByRole('region', { name: 'Play' });

export async function startEpisode(page: Page, envTitle: string, item: number): Promise<void> {
  const play = playPage(page);
  await play.getByLabel('Environment').selectOption({ label: envTitle });
  await play.getByLabel('Item').fill(String(item));
  await play.getByRole('button', { name: 'New episode' }).click();
}

/** Types one action into the Play composer and sends it, as a person does. */
export async function typeAction(page: Page, action: string): Promise<void> {
  await page.getByLabel('Your action').fill(action);
  await page.getByLabel('Your action').press('Enter');
}

/** Add the mock LLM server as a provider named "Mock" with model "mock-1" in Settings. */
export async function addProvider(page: Page, origin: string, kind: 'OpenAI chat completions (compatible)' | 'Anthropic Messages', key: string) {
  await page.goto('/#/settings');
  await page.getByRole('button', { name: 'Add provider' }).click();
  const form = page.getByRole('form', { name: 'New provider' });
  await form.getByLabel('Preset').selectOption({ label: 'Custom' });
  await form.getByLabel('Name', { exact: true }).fill('Mock');
  await form.getByLabel('API kind').selectOption({ label: kind });
  await form.getByLabel('Base URL').fill(`${origin}/v1`);
  await form.getByLabel('Model', { exact: true }).fill('mock-1');
  await form.getByLabel('API key').fill(key);
  await form.getByRole('button', { name: 'Save provider' }).click();
  await expect(page.getByText('Mock', { exact: true })).toBeVisible();
}

/**
 * BabyAI's planner route for an item, found on the true grid in Node (BabyAI has no
 * observation-only oracle): the actions a person then clicks or types.
 */
export function babyaiRoute(item: number): string[] {
  const env = new BabyAIEnv();
  env.reset(item);
  const oracle = new BabyAIOracle(babyai.maxRounds);
  const route: string[] = [];
  while (!env.episode.done && route.length < babyai.maxRounds) {
    const action = oracle.next(env);
    route.push(action);
    env.step(action);
  }
  return route;
}
