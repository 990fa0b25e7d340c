import { expect, test, type Page } from '@playwright/test';
import { oracleScript } from '../server/mock-scripts.ts';
import { StaticServer } from '../testing/static-server.ts';
import { shot, startEpisode, watchErrors } from './helpers.ts';

/** The oracle's actions on an item, typed as a person would. */
async function playOracle(page: Page, envId: string, title: string, item: number) {
  const { replies } = await oracleScript(envId, item);
  await startEpisode(page, title, item);
  const composer = page.getByLabel('Your action');
  for (const [i, reply] of replies.entries()) {
    await composer.fill(reply.split('Action: ')[1]);
    await composer.press('Enter');
    await expect(page.getByTestId('step-count')).toHaveText(String(i + 1));
  }
  await expect(page.getByTestId('outcome')).toHaveText('Success');
}

test('after one visit the app opens and plays with no network at all', async ({ page, context }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  // A server of our own, so the test can stop it: nothing answers then, as offline.
  const server = new StaticServer('dist');
  const origin = await server.start();
  try {
    await page.goto(`${origin}/`);
    await expect(page.getByTestId('offline-badge')).toHaveText('Offline ready', { timeout: 30_000 });
    // TextCraft's recipes are a data file: fetched once, here, while online.
    await startEpisode(page, 'TextCraft', 1);
    await expect(page.getByTestId('step-count')).toHaveText('0');
  } finally {
    await server.stop();
  }
  await context.setOffline(true);
  // Nothing answers now: the page, its scripts and the env workers come from the service worker.
  await page.reload();
  await expect(page.getByRole('link', { name: 'History' })).toBeVisible();
  await playOracle(page, 'maze', 'MAZE', 3);
  await playOracle(page, 'wordle', 'Wordle', 5);
  await playOracle(page, 'textcraft', 'TextCraft', 1);
  await shot(page, 'offline-textcraft');
  // The browser's own failed fetches (the page reload's network try) are not the app's errors.
  expect(errors.filter((e) => !e.includes('net::ERR'))).toEqual([]);
});
