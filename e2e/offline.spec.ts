import { expect, test, type Page } from '@playwright/test';
import { oracleScript } from '../server/mock-scripts.ts';
import { StaticServer } from '../testing/static-server.ts';
import { ENVS } from '../workers/envs/registry.ts';
import { babyaiRoute, shot, startEpisode, watchErrors } from './helpers.ts';

/** Every text env (WebArena drives a live browser through its proxy), on its first eval item. */
const TEXT_ENVS = ENVS.filter((e) => !e.needsProxy).map((e) => ({ id: e.id, title: e.title, item: e.evalItems[0] }));

/** The env's oracle's actions on an item (its own, or BabyAI's planner). */
async function oracleActions(envId: string, item: number): Promise<string[]> {
  if (envId === 'babyai') return babyaiRoute(item);
  const { replies } = await oracleScript(envId, item);
  return replies.map((reply) => reply.slice(reply.indexOf('\nAction: ') + '\nAction: '.length));
}

/** The oracle's actions on an item, typed as a person would. */
async function playOracle(page: Page, envId: string, title: string, item: number) {
  const actions = await oracleActions(envId, item);
  await startEpisode(page, title, item);
  const composer = page.getByLabel('Your action');
  for (const [i, action] of actions.entries()) {
    await composer.fill(action);
    await composer.press('Enter');
    await expect(page.getByTestId('step-count')).toHaveText(String(i + 1));
  }
  await expect(page.getByTestId('outcome'), `${envId} item ${item}`).toHaveText('Success');
}

test('after one visit the app opens and plays with no network at all', async ({ page, context }) => {
  test.setTimeout(300_000);
  const errors = watchErrors(page);
  // A server of our own, so the test can stop it: nothing answers then, as offline.
  const server = new StaticServer('dist');
  const origin = await server.start();
  try {
    await page.goto(`${origin}/`);
    await expect(page.getByTestId('offline-badge')).toHaveText('Offline ready', { timeout: 30_000 });
    // Installable: the manifest is linked and served.
    const manifest = await page.evaluate(async () => (await fetch(document.querySelector<HTMLLinkElement>('link[rel="manifest"]')!.href)).json());
    expect(manifest).toMatchObject({ name: 'AgentGym Web', display: 'standalone', icons: [{ type: 'image/svg+xml' }] });
    // Env data is fetched on first use and kept: each env is used once, here, while online.
    for (const env of TEXT_ENVS) {
      await startEpisode(page, env.title, env.item);
      await expect(page.getByTestId('step-count')).toHaveText('0');
    }
  } finally {
    await server.stop();
  }
  await context.setOffline(true);
  // Nothing answers now: the page, its scripts and the env workers come from the service worker.
  await page.reload();
  await expect(page.getByRole('link', { name: 'History' })).toBeVisible();
  for (const env of TEXT_ENVS) await playOracle(page, env.id, env.title, env.item);
  await shot(page, 'offline-last-env');
  // The browser's own failed fetches (the page reload's network try) are not the app's errors.
  expect(errors.filter((e) => !e.includes('net::ERR'))).toEqual([]);
});
