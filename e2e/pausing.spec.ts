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

test('a benchmark\'s Pause says "Pausing…" while its episodes in flight finish; the form remembers the run\'s settings', async ({ page }) => {
  const errors = watchErrors(page);
  const mock = new MockLlmServer();
  const origin = await mock.start();
  mock.configure({ scripts: await Promise.all([0, 1, 2, 3, 4, 5].map((i) => oracleScript('maze', i))), faults: { delayMs: 400 } });
  try {
    await addProvider(page, origin, 'OpenAI chat completions (compatible)', 'sk-slow');
    await page.goto('/#/bench');
    const form = page.getByRole('form', { name: 'New benchmark run' });
    for (const box of await form.getByRole('group', { name: 'Environments' }).getByRole('checkbox').all()) await box.uncheck();
    await form.getByLabel('MAZE', { exact: true }).check();
    await form.getByLabel('Custom item list').fill('0-5');
    await form.getByRole('radio', { name: 'Custom' }).check();
    await form.getByLabel('Mock · mock-1').check();
    await form.getByLabel('Parallel episodes').fill('2');
    await form.getByLabel('Run name').fill('slow run');
    await form.getByRole('button', { name: /Start benchmark \(6 episodes\)/ }).click();

    const progress = page.getByLabel('Run progress');
    await expect(progress).toBeVisible();
    await progress.getByRole('button', { name: 'Pause' }).click();
    await expect(progress.getByRole('button', { name: 'Pausing…' })).toBeDisabled({ timeout: 1000 });
    await expect(progress.getByRole('status')).toContainText('in flight finish first; no new one starts.', { timeout: 1000 });
    const row = page.getByTestId('run-row').filter({ hasText: 'slow run' });
    await expect(row.getByTestId('run-status')).toHaveText('paused', { timeout: 30_000 });
    // The two in flight were played out; none was started after Pause.
    await expect(row.getByTestId('run-count')).toHaveText('2/6');
    await expect(row.getByRole('button', { name: 'Resume' })).toBeVisible();

    await page.reload();
    await page.getByText('New run').click();
    await expect(form.getByLabel('MAZE', { exact: true })).toBeChecked();
    await expect(form.getByLabel('TextCraft', { exact: true })).not.toBeChecked();
    await expect(form.getByRole('radio', { name: 'Custom' })).toBeChecked();
    await expect(form.getByLabel('Custom item list')).toHaveValue('0-5');
    await expect(form.getByLabel('Mock · mock-1')).toBeChecked();
    await expect(form.getByLabel('Parallel episodes')).toHaveValue('2');
    expect(errors).toEqual([]);
  } finally {
    await mock.close();
  }
});
