import { expect, test, type Page } from '@playwright/test';
import { MockLlmServer } from '../server/mock-llm.ts';
import { oracleScript, repeatScript } from '../server/mock-scripts.ts';
import { addProvider, shot, watchErrors } from './helpers.ts';

const ITEMS = [0, 1, 2, 3];
const MAX_ROUNDS = 13; // the MAZE oracle's longest walk

/** A MAZE run over items 0-3 with the mock model, to its end. */
async function runMaze(page: Page, name: string) {
  const details = page.locator('details.new');
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').click();
  const form = page.getByRole('form', { name: 'New benchmark run' });
  for (const box of await form.locator('fieldset').first().getByRole('checkbox').all()) await box.uncheck();
  await form.getByLabel('MAZE', { exact: true }).check();
  await form.getByLabel('Custom item list').fill('0-3');
  await form.locator('input[type=radio][value=custom]').check();
  await form.getByLabel('Mock · mock-1').check();
  await form.getByLabel('Max rounds').fill(String(MAX_ROUNDS));
  await form.getByLabel('Run name').fill(name);
  await form.getByRole('button', { name: /Start benchmark \(4 episodes\)/ }).click();
  const row = page.getByTestId('run-row').filter({ hasText: name });
  await expect(row.getByTestId('run-status')).toHaveText('done', { timeout: 60_000 });
  await expect(row.getByTestId('run-count')).toHaveText('4/4');
}

test('two runs compared item by item: the matrix, "solved by A, not by B", the config diff, a cell opens its episode', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  const mock = new MockLlmServer();
  const origin = await mock.start();
  const oracle = await Promise.all(ITEMS.map((i) => oracleScript('maze', i)));
  const hopeless = await Promise.all(ITEMS.map((i) => repeatScript('maze', i, 'Thought: up.\nAction: move up', MAX_ROUNDS)));
  try {
    await addProvider(page, origin, 'OpenAI chat completions (compatible)', 'sk-compare');
    await page.goto('/#/bench');
    // Run A solves every item; run B only the even ones.
    mock.configure({ scripts: oracle });
    await runMaze(page, 'run A');
    // The form starts from the last run's configuration, after a reload too.
    await page.reload();
    await page.locator('details.new summary').click();
    const form = page.getByRole('form', { name: 'New benchmark run' });
    await expect(form.getByLabel('MAZE', { exact: true })).toBeChecked();
    await expect(form.getByLabel('Wordle', { exact: true })).not.toBeChecked();
    await expect(form.getByLabel('Custom item list')).toHaveValue('0-3');
    await expect(form.getByLabel('Max rounds')).toHaveValue(String(MAX_ROUNDS));
    await expect(form.getByLabel('Mock · mock-1')).toBeChecked();
    await expect(form.getByRole('button', { name: /Start benchmark \(4 episodes\)/ })).toBeVisible();
    mock.configure({ scripts: ITEMS.map((i) => (i % 2 === 0 ? oracle[i] : hopeless[i])) });
    await runMaze(page, 'run B');

    // Run B's details carry the statistics: Wilson's interval of 2/4, reward ± SE with a bootstrap interval.
    await page.getByTestId('run-row').filter({ hasText: 'run B' }).getByRole('button', { name: 'run B' }).click();
    const all = page.getByLabel('Run details').locator('table.summary tbody tr').filter({ has: page.locator('td:first-child', { hasText: /^All$/ }) });
    await expect(all).toContainText('15.0%–85.0%');
    await expect(all).toContainText(/0\.500 ± 0\.289 \(0\.\d{3}–\d\.\d{3}\)/);

    await page.getByLabel('Compare run A').check();
    await page.getByLabel('Compare run B').check();
    await page.getByRole('button', { name: 'Compare ticked runs (2)' }).click();
    const compare = page.getByLabel('Run comparison');
    const rows = compare.getByTestId('compare-row');
    await expect(rows).toHaveCount(4);
    await expect(rows.filter({ hasText: 'maze_1' })).toContainText(/Success · 1.*Out of rounds · 0/);
    await expect(compare.getByTestId('config-field').filter({ hasText: 'prompts hash' })).not.toContainText('differs');

    await compare.getByLabel('Solved by').selectOption({ label: 'run A' });
    await compare.getByLabel('not by').selectOption({ label: 'run B' });
    await expect(compare.getByTestId('compare-count')).toHaveText('2 of 4 items');
    await expect(rows.locator('th')).toContainText(['maze_1', 'maze_3']);
    // A's win and B's loss on maze_1, side by side from where they part ways.
    await rows.filter({ hasText: 'maze_1' }).getByRole('button', { name: 'side by side' }).click();
    const side = compare.getByLabel('Side by side');
    await expect(side.getByTestId('first-difference')).toHaveText(/They part ways at step \d+\./);
    await expect(side.getByRole('heading')).toHaveText(['maze_1 · run A', 'maze_1 · run B']);
    await shot(page, 'bench-compare');
    await side.getByRole('button', { name: 'Close' }).click();
    await expect(side).toHaveCount(0);
    await compare.getByLabel('Solved by').selectOption({ label: 'run B' });
    await compare.getByLabel('not by').selectOption({ label: 'run A' });
    await expect(rows).toHaveCount(0);

    // Every item again; B's cell for maze_3 opens B's episode.
    await compare.getByLabel('Solved by').selectOption({ label: 'any' });
    await rows.filter({ hasText: 'maze_3' }).locator('td').nth(1).getByRole('link').click();
    await expect(page).toHaveURL(/#\/history\//);
    await expect(page.getByTestId('episode-result')).toHaveText('out of rounds');
    await expect(page.getByRole('heading', { name: 'MAZE · maze_3' })).toBeVisible();
    expect(errors).toEqual([]);
  } finally {
    await mock.close();
  }
});
