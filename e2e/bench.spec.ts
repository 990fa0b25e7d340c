import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { MockLlmServer } from '../server/mock-llm.ts';
import { oracleScript, repeatScript } from '../server/mock-scripts.ts';
import { addProvider, shot, watchErrors } from './helpers.ts';
import { evalSplit } from '../workers/envs/splits.ts';

const MAX_ROUNDS = 13; // the MAZE oracle's longest walk; the TextCraft oracle needs at most 12 on the split's even positions

test('a benchmark over two whole splits survives a reload and round-trips through JSONL', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const errors = watchErrors(page);
  // The mock plays the oracle on even items and a hopeless move on odd ones: success is known.
  const scripts = await Promise.all([
    ...Array.from({ length: 25 }, (_, i) => (i % 2 === 0 ? oracleScript('maze', i) : repeatScript('maze', i, 'Thought: up.\nAction: move up', MAX_ROUNDS))),
    ...evalSplit('textcraft').map((item, k) => (k % 2 === 0 ? oracleScript('textcraft', item) : repeatScript('textcraft', item, 'Thought: look.\nAction: inventory', MAX_ROUNDS))),
  ]);
  const expected = 13 + 50;
  const mock = new MockLlmServer();
  const origin = await mock.start();
  mock.configure({ scripts });
  try {
    await addProvider(page, origin, 'OpenAI chat completions (compatible)', 'sk-bench');
    await page.goto('/#/bench');
    const form = page.getByRole('form', { name: 'New benchmark run' });
    // Whatever envs are ticked by default (the list grows with the envs), only these two are played.
    for (const box of await form.locator('fieldset').first().getByRole('checkbox').all()) await box.uncheck();
    await form.getByLabel('MAZE', { exact: true }).check();
    await form.getByLabel('TextCraft', { exact: true }).check();
    await form.getByLabel('Mock · mock-1').check();
    await form.getByLabel('Parallel episodes').fill('8');
    await form.getByLabel('Max rounds').fill(String(MAX_ROUNDS));
    await form.getByLabel('Run name').fill('mock vs maze+textcraft');
    await form.getByRole('button', { name: /Start benchmark \(125 episodes\)/ }).click();

    const row = page.getByTestId('run-row').filter({ hasText: 'mock vs maze+textcraft' });
    await expect(page.getByLabel('Run progress')).toBeVisible();
    // Reload mid-run: the run picks up where it was.
    await expect.poll(async () => Number((await row.getByTestId('run-count').textContent())?.split('/')[0]), { timeout: 60_000 }).toBeGreaterThanOrEqual(20);
    await shot(page, 'bench-progress');
    await page.reload();
    await expect(row.getByTestId('run-status')).toHaveText('done', { timeout: 120_000 });
    await expect(row.getByTestId('run-count')).toHaveText('125/125');
    await expect(row.getByTestId('run-success')).toHaveText(`${((expected / 125) * 100).toFixed(1)}%`);
    // Exactly one episode per task, whatever the reload interrupted.
    await row.getByRole('button', { name: 'mock vs maze+textcraft' }).click();
    const details = page.getByLabel('Run details');
    const summaryRow = (env: string) => details.locator('table.summary tbody tr').filter({ has: page.locator('td:first-child', { hasText: new RegExp(`^${env}$`) }) });
    await expect(summaryRow('All')).toContainText('125');
    await expect(summaryRow('MAZE')).toContainText('52.0%');
    await expect(summaryRow('TextCraft')).toContainText('50.0%');
    await shot(page, 'bench-results');

    // Open one cell's episodes and one episode from there.
    await row.getByRole('button', { name: '52.0%' }).click();
    await details.getByRole('link', { name: 'maze_0', exact: true }).click();
    await expect(page.getByLabel('Episode transcript')).toContainText('Success');
    await page.goBack();

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export JSONL' }).click();
    const text = readFileSync(await (await download).path(), 'utf8');
    expect(text.trim().split('\n')).toHaveLength(125);

    const fresh = await browser.newContext();
    const other = await fresh.newPage();
    await other.goto('/#/bench');
    await other.getByLabel('Import run (JSONL)').setInputFiles({ name: 'run.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(text) });
    const imported = other.getByTestId('run-row').filter({ hasText: 'mock vs maze+textcraft' });
    await expect(imported.getByTestId('run-count')).toHaveText('125/125');
    await expect(imported.getByTestId('run-success')).toHaveText(`${((expected / 125) * 100).toFixed(1)}%`);
    await fresh.close();
    expect(errors).toEqual([]);
  } finally {
    await mock.close();
  }
});
