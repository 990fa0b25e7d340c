import { expect, test } from '@playwright/test';
import { startProxy, type RunningProxy } from '../server/webarena/start.ts';
import { shot, startEpisode, watchErrors } from './helpers.ts';

const KITCHEN = 1; // "How many products are in the Kitchen category?"

let proxy: RunningProxy;
/** A second proxy that allows only some other origin: the app's calls to it fail CORS. */
let foreign: RunningProxy;

test.beforeAll(async ({ baseURL }) => {
  // On loopback, in this process, with the demo sites; the app's preview origin may call it.
  proxy = await startProxy({ allowOrigins: [new URL(baseURL!).origin] });
  foreign = await startProxy({ allowOrigins: ['https://elsewhere.example'] });
});
test.afterAll(async () => {
  await proxy?.close();
  await foreign?.close();
});

test('a person sets up the WebArena proxy, plays a demo task by typing actions, and sees the screenshot and the verdicts', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/#/settings');
  const form = page.getByRole('form', { name: 'WebArena proxy' });
  const result = page.getByTestId('proxy-test-result');
  const testIt = () => form.getByRole('button', { name: 'Test proxy connection' }).click();

  // The three ways it can fail, each named.
  await form.getByLabel('Proxy URL').fill('http://127.0.0.1:9');
  await form.getByLabel('Proxy token').fill('whatever');
  await testIt();
  await expect(result).toContainText('Nothing answers at http://127.0.0.1:9');
  await form.getByLabel('Proxy URL').fill(foreign.url);
  await form.getByLabel('Proxy token').fill(foreign.token);
  await testIt();
  await expect(result).toContainText('is running but does not allow calls from');
  await form.getByLabel('Proxy URL').fill(proxy.url);
  await form.getByLabel('Proxy token').fill('not-the-token');
  await testIt();
  await expect(result).toContainText('The proxy refused the token');
  await form.getByLabel('Proxy token').fill(proxy.token);
  await testIt();
  await expect(result).toHaveText('Connected: the proxy offers 20 tasks.');
  await form.getByRole('button', { name: 'Save proxy' }).click();
  await expect(page.getByText('Saved. WebArena episodes and benchmarks use this proxy.')).toBeVisible();
  await expect(form.getByLabel('Proxy token')).toHaveValue('');
  await expect(form.getByLabel('Proxy token')).toHaveAttribute('placeholder', 'saved; type to replace');
  await shot(page, 'webarena-settings');

  await page.getByRole('link', { name: 'Play', exact: true }).click();
  await startEpisode(page, 'WebArena', KITCHEN);
  const screenshot = page.getByRole('img', { name: /^Screenshot of the browser tab at http:\/\/onestopmarket\.com\/$/ });
  await expect(screenshot).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('Accessibility tree', { exact: true })).toBeVisible();
  const chat = page.getByLabel('Conversation');
  await expect(chat).toContainText('OBJECTIVE: How many products are in the Kitchen category?');
  const id = /\[(\d+)\] link 'Kitchen'/.exec(await chat.innerText())?.[1];
  expect(id).toBeDefined();
  await shot(page, 'webarena-play-start');

  const action = page.getByLabel('Your action');
  await action.fill(`click [${id}]`);
  await action.press('Enter');
  await expect(page.getByTestId('step-count')).toHaveText('1');
  await expect(page.getByRole('img', { name: 'Screenshot of the browser tab at http://onestopmarket.com/category/kitchen' })).toBeVisible();
  await action.fill('stop [3]');
  await action.press('Enter');
  await expect(page.getByTestId('outcome')).toHaveText('Success');
  await expect(page.getByTestId('reward')).toHaveText('1');
  const verdicts = page.getByTestId('verdicts');
  await expect(verdicts).toContainText('Evaluator checks · 1 of 1 passed');
  await expect(verdicts.getByTestId('verdict')).toContainText('string_match');
  await shot(page, 'webarena-play-end');

  // The verdicts are stored with the episode.
  await page.getByRole('link', { name: 'History' }).click();
  await page.getByTestId('history-row').filter({ hasText: `webarena_${KITCHEN}` }).getByRole('link', { name: `webarena_${KITCHEN}` }).click();
  await expect(page.getByLabel('Episode transcript').getByTestId('verdicts')).toContainText('1 of 1 passed');
  await shot(page, 'webarena-history');

  // Too long for a link (the page observations), it still replays from History, as recorded.
  await page.getByRole('button', { name: 'Replay step by step' }).click();
  await expect(page.getByTestId('replay-recorded')).toBeVisible();
  await page.getByRole('button', { name: 'Last', exact: true }).click();
  await expect(page.getByTestId('replay-step')).toHaveText('Step 2 of 2');
  await expect(page.getByLabel('Conversation up to this step').getByTestId('verdicts')).toContainText('1 of 1 passed');
  await shot(page, 'webarena-replay');

  // The browser logs the failed probes above (refused connection, CORS); nothing else may go wrong.
  const expected = (e: string) => /Failed to load resource|blocked by CORS policy|ERR_CONNECTION_REFUSED/.test(e);
  expect(errors.filter((e) => !expected(e))).toEqual([]);
});
