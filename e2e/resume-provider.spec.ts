import { expect, test } from '@playwright/test';
import type { EpisodeRecord } from '../src/lib/records.ts';
import type { RunRecord } from '../src/lib/bench/types.ts';
import { MockLlmServer } from '../server/mock-llm.ts';
import { oracleScript } from '../server/mock-scripts.ts';
import { addProvider, shot, watchErrors } from './helpers.ts';

const THEIRS = { providerId: 'their-openai', label: 'OpenAI · gpt-4o', model: 'gpt-4o' };

/** A MAZE run made in another browser, paused after item 0: its export, as the Benchmark page imports it. */
function importedRun(): Buffer {
  const ep: EpisodeRecord = {
    id: 'elsewhere:0:maze_0:0', env: 'maze', itemId: 'maze_0', runId: 'elsewhere', startedAt: 1, finishedAt: 2, initialObservation: 'start',
    agent: { kind: 'model', label: THEIRS.label, provider: THEIRS.providerId, model: THEIRS.model, params: {} },
    steps: [{ reply: 'Action: move up', action: 'move up', by: 'model', observation: 'moved', reward: 0, done: true, valid: true, at: 2 }],
    status: 'done', outcome: 'failure', finalReward: 0, success: false, appVersion: '0.1.0', dataVersion: '1',
  };
  const run: RunRecord = {
    id: 'elsewhere', name: 'their maze run', createdAt: Date.UTC(2026, 0, 1), status: 'paused', appVersion: '0.1.0', dataVersions: {}, promptsHash: '00000000',
    config: { envs: ['maze'], items: { maze: [0, 1, 2, 3] }, models: [THEIRS], concurrency: 2, params: {}, repeats: 1, maxRounds: 13 },
    finished: { '0:maze_0:0': ep.id },
  };
  return Buffer.from(JSON.stringify({ x_episode: ep, x_run: run }) + '\n');
}

test('resuming an imported run whose provider is missing asks for one of ours, then plays the rest with it and records the change', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = watchErrors(page);
  const mock = new MockLlmServer();
  const origin = await mock.start();
  mock.configure({ scripts: await Promise.all([1, 2, 3].map((i) => oracleScript('maze', i))) });
  try {
    await addProvider(page, origin, 'OpenAI chat completions (compatible)', 'sk-resume');
    await page.goto('/#/bench');
    await page.getByLabel('Import run (JSONL)').setInputFiles({ name: 'run.jsonl', mimeType: 'application/x-ndjson', buffer: importedRun() });
    const row = page.getByTestId('run-row').filter({ hasText: 'their maze run' });
    await expect(row.getByTestId('run-count')).toHaveText('1/4');

    await row.getByRole('button', { name: 'Resume' }).click();
    const pick = page.getByRole('form', { name: 'Pick a provider' });
    await expect(pick.getByRole('alert')).toContainText('"OpenAI · gpt-4o" (provider id their-openai)');
    // Nothing was played: the run waits, its count unchanged.
    await expect(pick.getByRole('button', { name: 'Resume with these' })).toBeDisabled();
    await expect(row.getByTestId('run-status')).toHaveText('paused');
    await expect(row.getByTestId('run-count')).toHaveText('1/4');
    await shot(page, 'resume-pick-provider');

    await pick.getByLabel('Play the rest of "OpenAI · gpt-4o" with').selectOption({ label: 'Mock · mock-1' });
    await pick.getByRole('button', { name: 'Resume with these' }).click();
    await expect(pick).toBeHidden();
    await expect(row.getByTestId('run-status')).toHaveText('done', { timeout: 60_000 });
    await expect(row.getByTestId('run-count')).toHaveText('4/4');
    // The three episodes played here are the oracle's wins, not errors; item 0 stays as imported.
    await expect(row.getByTestId('run-success')).toHaveText('75.0%');
    await expect(row).toContainText('Mock · mock-1');

    await row.getByRole('button', { name: 'their maze run' }).click();
    const details = page.getByLabel('Run details');
    await expect(details.getByTestId('provider-swap')).toContainText('model 1: OpenAI · gpt-4o → Mock · mock-1 after 1 episodes');
    await shot(page, 'resume-provider-details');
    expect(errors).toEqual([]);
  } finally {
    await mock.close();
  }
});
