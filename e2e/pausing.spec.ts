import { expect, test } from '@playwright/test';
import { MockLlmServer } from '../server/mock-llm.ts';
import { oracleScript } from '../server/mock-scripts.ts';
import { addProvider, startEpisode, watchErrors } from './helpers.ts';

test('Pause says "Pausing…" until the reply in flight has come and been played', async ({ page }) => {
  const errors = watchErrors(page);
  const mock = new MockLlmServer();
  const origin = await mock.start();
  // A slow model: each reply takes 4 s.
  mock.configure({ scripts: [await oracleScript('maze', 3)], faults: { delayMs: 4000 } });
  try {
    await addProvider(page, origin, 'OpenAI chat completions (compatible)', 'sk-slow');
    await page.goto('/#/play');
    await page.getByLabel('Agent').selectOption({ label: 'Mock · mock-1' });
    await startEpisode(page, 'MAZE', 3);
    const controls = page.getByRole('group', { name: 'Model controls' });
    await controls.getByRole('button', { name: 'Run to end' }).click();
    await expect(page.getByTestId('model-state')).toHaveText('Model is playing…');
    await controls.getByRole('button', { name: 'Pause' }).click();
    await expect(controls.getByRole('button', { name: 'Pausing…' })).toBeDisabled({ timeout: 1000 });
    await expect(page.getByTestId('model-state')).toHaveText('Pausing… the reply in flight comes first.', { timeout: 1000 });
    await expect(page.getByTestId('step-count')).toHaveText('0');
    // The reply comes, is played, and the model stops there.
    await expect(page.getByTestId('model-state')).toHaveText('Paused: press Run, or type an action to take over.');
    await expect(page.getByTestId('step-count')).toHaveText('1');
    await page.waitForTimeout(2000);
    await expect(page.getByTestId('step-count')).toHaveText('1');
    expect(errors).toEqual([]);
  } finally {
    await mock.close();
  }
});
