import { expect, test, type Page } from '@playwright/test';
import type { EpisodeRecord } from '../src/lib/records.ts';
import type { RunRecord } from '../src/lib/bench/types.ts';
import { MockLlmServer } from '../server/mock-llm.ts';
import { oracleScript } from '../server/mock-scripts.ts';
import { addProvider, shot, startEpisode, watchErrors } from './helpers.ts';

const BOT = { kind: 'model', label: 'Mock · mock-1', provider: 'mock', model: 'mock-1', params: {} } as const;

/** A finished episode as an export holds it (one step; History only reads its header). */
function episode(id: string, env: 'maze' | 'wordle', item: number, startedAt: number, extra: Partial<EpisodeRecord> = {}): EpisodeRecord {
  return {
    id, env, itemId: `${env}_${item}`, agent: { kind: 'human', label: 'You' }, startedAt, finishedAt: startedAt + 1000,
    initialObservation: 'start',
    steps: [{ reply: 'move up', action: 'move up', by: 'human', observation: 'moved', reward: 0, done: true, valid: true, at: startedAt + 1000 }],
    status: 'done', outcome: 'failure', finalReward: 0, success: false, appVersion: '0.1.0', dataVersion: '1', ...extra,
  };
}

function run(id: string, name: string, models: number, items: number[], episodes: EpisodeRecord[]): RunRecord {
  const finished: Record<string, string> = {};
  for (const e of episodes) if (e.status === 'done' || e.status === 'error') finished[e.id.slice(id.length + 1)] = e.id;
  return {
    id, name, createdAt: Date.UTC(2026, 0, 1), status: 'done', finished, appVersion: '0.1.0', dataVersions: {}, promptsHash: '00000000',
    config: { envs: ['maze'], items: { maze: items }, models: Array.from({ length: models }, (_, m) => ({ providerId: `p${m}`, label: `Model ${m}`, model: `m${m}` })), concurrency: 2, params: {}, repeats: 1 },
  };
}

function jsonl(episodes: EpisodeRecord[], r?: RunRecord): Buffer {
  return Buffer.from(episodes.map((e, i) => JSON.stringify({ x_episode: e, ...(r && i === 0 ? { x_run: r } : {}) })).join('\n') + '\n');
}

async function importInto(page: Page, where: 'history' | 'bench', file: Buffer) {
  await page.goto(`/#/${where}`);
  const input = page.getByLabel(where === 'history' ? 'Import JSONL' : 'Import run (JSONL)');
  await input.setInputFiles({ name: 'x.jsonl', mimeType: 'application/x-ndjson', buffer: file });
  await expect(page.getByRole('status')).toContainText('Imported');
}

const rows = (page: Page) => page.getByTestId('history-row');

/** MAZE item 18 from one step in: up, then (after a wall on the left) down and down to the goal. */
async function startMaze18(page: Page) {
  await startEpisode(page, 'MAZE', 18);
  await page.getByRole('button', { name: 'move up', exact: true }).click();
  await expect(page.getByTestId('step-count')).toHaveText('1');
}

/** The rest of MAZE item 18 after its first move. */
async function finishMaze18(page: Page) {
  await page.getByRole('button', { name: 'move down', exact: true }).click();
  await page.getByRole('button', { name: 'move down', exact: true }).click();
  await expect(page.getByTestId('outcome')).toHaveText('Success');
}

/** History lists MAZE 18 as interrupted after its first move; Resume goes on from there to the goal. */
async function resumeMaze18(page: Page) {
  await page.getByRole('link', { name: 'History' }).click();
  const row = rows(page).filter({ hasText: 'maze_18' });
  await expect(row.getByTestId('history-result')).toHaveText('interrupted');
  await row.getByRole('button', { name: 'Resume' }).click();
  await expect(page.getByTestId('step-count')).toHaveText('1');
  await finishMaze18(page);
}

test('History shows 50 episodes a page, newest first, and filters by env, outcome, agent and date, and clears back to hand play', async ({ page }) => {
  const errors = watchErrors(page);
  const day = (d: number, i = 0) => Date.UTC(2026, 0, d, 12) + i * 1000;
  const eps = [
    ...Array.from({ length: 60 }, (_, i) => episode(`m${i}`, 'maze', i % 25, day(10, i))),
    episode('w-won', 'wordle', 1, day(12), { outcome: 'success', success: true, finalReward: 1 }),
    episode('w-cut', 'wordle', 2, day(13), { outcome: 'truncated', agent: BOT }),
    episode('w-err', 'wordle', 3, day(14), { status: 'error', error: 'The environment failed: boom', agent: BOT }),
  ];
  await importInto(page, 'history', jsonl(eps));
  await expect(rows(page)).toHaveCount(50);
  await expect(rows(page).first()).toContainText('wordle_3');
  await expect(rows(page).first().getByTestId('history-result')).toHaveText('error');
  await shot(page, 'history-page');
  await expect(page.getByTestId('history-range')).toHaveText('1–50');
  await page.getByRole('button', { name: 'Older episodes' }).click();
  await expect(page.getByTestId('history-range')).toHaveText('51–63');
  await expect(rows(page)).toHaveCount(13);
  await expect(rows(page).last()).toContainText('maze_0');
  await expect(page.getByRole('button', { name: 'Older episodes' })).toBeDisabled();
  await page.getByRole('button', { name: 'Newer episodes' }).click();
  await expect(rows(page).first()).toContainText('wordle_3');

  const filters = page.getByRole('form', { name: 'Filter episodes' });
  await filters.getByLabel('Environment').selectOption({ label: 'Wordle' });
  await expect(rows(page)).toHaveCount(3);
  await filters.getByLabel('Outcome').selectOption('truncated');
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page)).toContainText('wordle_2');
  await filters.getByRole('button', { name: 'Clear filters' }).click();
  await filters.getByLabel('Agent').selectOption('Mock · mock-1');
  await expect(rows(page)).toHaveCount(2);
  await filters.getByRole('button', { name: 'Clear filters' }).click();
  await filters.getByLabel('From').fill('2026-01-12');
  await filters.getByLabel('To').fill('2026-01-13');
  await expect(rows(page)).toHaveCount(2);
  await filters.getByRole('button', { name: 'Clear filters' }).click();
  await expect(filters.getByLabel('Source')).toHaveValue('hand');
  await expect(rows(page)).toHaveCount(50);
  expect(errors).toEqual([]);
});

test('History lists hand play by default; benchmark episodes are a Source away, and a run links to its own', async ({ page }) => {
  const errors = watchErrors(page);
  const t = Date.UTC(2026, 0, 7);
  const inRun = [0, 1, 2].map((i) => episode(`r3:0:maze_${i}:0`, 'maze', i, t + 10 + i, { runId: 'r3', agent: BOT }));
  const other = [episode('r4:0:maze_5:0', 'maze', 5, t + 20, { runId: 'r4', agent: BOT })];
  await importInto(page, 'history', jsonl([episode('mine', 'maze', 7, t), episode('mine2', 'wordle', 1, t + 1)]));
  await importInto(page, 'bench', jsonl(inRun, run('r3', 'first run', 1, [0, 1, 2], inRun)));
  await importInto(page, 'bench', jsonl(other, run('r4', 'second run', 1, [5], other)));
  await page.goto('/#/history');
  const filters = page.getByRole('form', { name: 'Filter episodes' });
  const items = () => rows(page).locator('td:nth-child(3)').allTextContents();
  await expect(filters.getByLabel('Source')).toHaveValue('hand');
  await expect.poll(items).toEqual(['wordle_1', 'maze_7']);
  await filters.getByLabel('Source').selectOption({ label: 'Benchmark runs' });
  await expect.poll(items).toEqual(['maze_5', 'maze_2', 'maze_1', 'maze_0']);
  await filters.getByLabel('Source').selectOption({ label: 'All' });
  await expect(rows(page)).toHaveCount(6);
  await filters.getByLabel('Source').selectOption({ label: 'first run' });
  await expect.poll(items).toEqual(['maze_2', 'maze_1', 'maze_0']);
  await filters.getByRole('button', { name: 'Clear filters' }).click();
  await expect.poll(items).toEqual(['wordle_1', 'maze_7']);

  // From the run's details, straight to its episodes.
  await page.goto('/#/bench');
  await page.getByRole('button', { name: 'second run' }).click();
  await page.getByRole('link', { name: 'Its episodes in History' }).click();
  await expect(filters.getByLabel('Source')).toHaveValue('run:r4');
  await expect.poll(items).toEqual(['maze_5']);
  await shot(page, 'history-run-source');
  expect(errors).toEqual([]);
});

test('History searches item, goal, error and every step\'s text, sorts by reward and steps, and deletes ticked episodes with an undo', async ({ page }) => {
  const errors = watchErrors(page);
  const t = Date.UTC(2026, 0, 20);
  const steps = (n: number) => Array.from({ length: n }, (_, k) => ({ reply: 'go', action: 'go', by: 'human' as const, observation: 'o', reward: 0, done: k === n - 1, valid: true, at: t + k }));
  const eps = [
    episode('craft', 'maze', 1, t, { itemId: 'textcraft_7', env: 'textcraft', initialObservation: 'Goal: craft a Stone Pickaxe.', steps: steps(4) }),
    episode('limit', 'maze', 2, t + 1, { status: 'error', error: 'HTTP 429: Rate limit reached.', steps: steps(1) }),
    episode('won', 'maze', 3, t + 2, { outcome: 'success', success: true, finalReward: 1, steps: steps(9) }),
    episode('half', 'maze', 4, t + 3, { finalReward: 0.5, steps: steps(2) }),
    episode('plain', 'maze', 5, t + 4, { steps: [...steps(5), { ...steps(6)[5], reply: 'Thought: the exit must be east.\nAction: move right', observation: 'You bump into a granite wall.' }] }),
  ];
  await importInto(page, 'history', jsonl(eps));
  await expect(rows(page)).toHaveCount(5);
  const filters = page.getByRole('form', { name: 'Filter episodes' });
  const items = () => rows(page).locator('td:nth-child(3)').allTextContents();

  await filters.getByLabel('Search').fill('stone pickaxe');
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page)).toContainText('textcraft_7');
  await filters.getByLabel('Search').fill('rate LIMIT');
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).getByTestId('history-result')).toHaveText('error');
  await filters.getByLabel('Search').fill('maze_4');
  await expect(rows(page)).toHaveCount(1);
  // Words of the last step's reply and observation, not of its goal.
  await filters.getByLabel('Search').fill('Granite east');
  await expect.poll(items).toEqual(['maze_5']);
  await filters.getByRole('button', { name: 'Clear filters' }).click();
  await expect(rows(page)).toHaveCount(5);

  await filters.getByLabel('Sort').selectOption({ label: 'highest reward' });
  await expect.poll(items).toEqual(['maze_3', 'maze_4', 'maze_5', 'maze_2', 'textcraft_7']);
  await filters.getByLabel('Sort').selectOption({ label: 'fewest steps' });
  await expect.poll(items).toEqual(['maze_2', 'maze_4', 'textcraft_7', 'maze_5', 'maze_3']);
  await filters.getByLabel('Sort').selectOption({ label: 'oldest first' });
  await expect.poll(items).toEqual(['textcraft_7', 'maze_2', 'maze_3', 'maze_4', 'maze_5']);

  await page.getByLabel('Select maze_2').check();
  await page.getByLabel('Select maze_5').check();
  await expect(page.getByTestId('selected-count')).toHaveText('2 episodes selected');
  await shot(page, 'history-selected');
  let asked = '';
  page.once('dialog', (d) => {
    asked = d.message();
    void d.accept();
  });
  await page.getByRole('button', { name: 'Delete selected' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Deleted' })).toHaveText('Deleted 2 episodes.');
  expect(asked).toContain('Delete 2 episodes?');
  await expect.poll(items).toEqual(['textcraft_7', 'maze_3', 'maze_4']);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(items).toEqual(['textcraft_7', 'maze_2', 'maze_3', 'maze_4', 'maze_5']);
  // Restored whole, steps and all.
  await rows(page).filter({ hasText: 'maze_5' }).getByRole('link').click();
  await expect(page.getByText(/6 steps/)).toBeVisible();
  await page.goBack();
  await page.getByLabel('Select this page').check();
  await expect(page.getByTestId('selected-count')).toHaveText('5 episodes selected');
  expect(errors).toEqual([]);
});

test('deleting a run deletes all its episodes, finished or not, and leaves the rest', async ({ page }) => {
  const errors = watchErrors(page);
  const t = Date.UTC(2026, 0, 5);
  const inRun = [
    episode('r1:0:maze_0:0', 'maze', 0, t, { runId: 'r1', agent: BOT, outcome: 'success', success: true, finalReward: 1 }),
    episode('r1:0:maze_1:0', 'maze', 1, t + 1, { runId: 'r1', agent: BOT }),
    // Left behind by a reload mid-episode: not among the run's finished tasks.
    episode('r1:0:maze_2:0', 'maze', 2, t + 2, { runId: 'r1', agent: BOT, status: 'running' }),
  ];
  await importInto(page, 'history', jsonl([episode('mine', 'maze', 7, t - 1)]));
  await importInto(page, 'bench', jsonl(inRun, run('r1', 'doomed run', 1, [0, 1, 2], inRun)));
  await page.goto('/#/history');
  await page.getByLabel('Source').selectOption({ label: 'All' });
  await expect(rows(page)).toHaveCount(4);

  await page.goto('/#/bench');
  page.once('dialog', (d) => void d.accept());
  await page.getByTestId('run-row').filter({ hasText: 'doomed run' }).getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByTestId('run-row')).toHaveCount(0);
  await page.goto('/#/history');
  await page.getByLabel('Source').selectOption({ label: 'All' });
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page)).toContainText('maze_7');
  expect(errors).toEqual([]);
});

test('a run with two models over three items counts three episodes on each model\'s row', async ({ page }) => {
  const t = Date.UTC(2026, 0, 6);
  const eps = [0, 1].flatMap((m) => [0, 1, 2].map((i) => episode(`r2:${m}:maze_${i}:0`, 'maze', i, t + m * 10 + i, { runId: 'r2', agent: { ...BOT, label: `Model ${m}` }, ...(m === 0 && i === 0 ? { outcome: 'success', success: true, finalReward: 1 } : {}) })));
  await importInto(page, 'bench', jsonl(eps, run('r2', 'two models', 2, [0, 1, 2], eps)));
  const board = page.getByTestId('run-row');
  await expect(board).toHaveCount(2);
  await expect(board.nth(0).getByTestId('run-count')).toHaveText('3/3');
  await expect(board.nth(1).getByTestId('run-count')).toHaveText('3/3');
  await expect(board.nth(0).getByTestId('run-success')).toHaveText('33.3%');
  await expect(board.nth(1).getByTestId('run-success')).toHaveText('0.0%');
});

test('an episode left mid-play by a reload becomes interrupted, and Resume goes on from its last step', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await startMaze18(page);
  await page.reload();
  await resumeMaze18(page);
  await page.getByRole('link', { name: 'History' }).click();
  // The same episode, now finished: no second copy.
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).getByTestId('history-result')).toHaveText('success');
  await expect(rows(page)).toContainText('3');
  expect(errors).toEqual([]);
});

test('a model episode cut off mid-call by a reload becomes interrupted, and resumes with that model', async ({ page }) => {
  const errors = watchErrors(page);
  const mock = new MockLlmServer();
  const origin = await mock.start();
  const script = await oracleScript('maze', 3);
  mock.configure({ scripts: [script] });
  try {
    await addProvider(page, origin, 'OpenAI chat completions (compatible)', 'sk-ghost');
    await page.goto('/#/play');
    await page.getByLabel('Agent').selectOption({ label: 'Mock · mock-1' });
    await startEpisode(page, 'MAZE', 3);
    await page.getByRole('button', { name: 'Step once' }).click();
    await expect(page.getByTestId('step-count')).toHaveText('1');
    // The next call never answers: the episode is 'running' when the page goes away.
    mock.configure({ scripts: [script], faults: { hang: 1 } });
    await page.getByRole('button', { name: 'Run to end' }).click();
    await expect(page.getByTestId('model-state')).toHaveText('Model is playing…');
    await page.reload();
    await page.getByRole('link', { name: 'History' }).click();
    const row = rows(page).filter({ hasText: 'maze_3' });
    await expect(row.getByTestId('history-result')).toHaveText('interrupted');
    await row.getByRole('button', { name: 'Resume' }).click();
    await expect(page.getByTestId('step-count')).toHaveText('1');
    await page.getByRole('button', { name: 'Run to end' }).click();
    await expect(page.getByTestId('outcome')).toHaveText('Success', { timeout: 20_000 });
    await expect(page.getByTestId('step-count')).toHaveText(String(script.replies.length));
    await page.getByRole('link', { name: 'History' }).click();
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page).getByTestId('history-result')).toHaveText('success');
    expect(errors).toEqual([]);
  } finally {
    await mock.close();
  }
});

test('a game left for another page is there on coming back, and a model keeps playing meanwhile', async ({ page }) => {
  const errors = watchErrors(page);
  const mock = new MockLlmServer();
  const origin = await mock.start();
  const script = await oracleScript('maze', 3);
  try {
    // A person's game: one move, a look at History (the game waits for its next move), then back.
    await page.goto('/');
    await startMaze18(page);
    await page.getByRole('link', { name: 'History' }).click();
    await expect(rows(page).filter({ hasText: 'maze_18' }).getByTestId('history-result')).toHaveText('paused');
    await page.getByRole('link', { name: 'Play', exact: true }).click();
    await expect(page.getByTestId('step-count')).toHaveText('1');
    await finishMaze18(page);

    // A slow model started in Play plays on while History and Settings are open, to the end.
    mock.configure({ scripts: [script], faults: { delayMs: 300 } });
    await addProvider(page, origin, 'OpenAI chat completions (compatible)', 'sk-away');
    await page.getByRole('link', { name: 'Play', exact: true }).click();
    await page.getByLabel('Agent').selectOption({ label: 'Mock · mock-1' });
    await startEpisode(page, 'MAZE', 3);
    await page.getByRole('button', { name: 'Run to end' }).click();
    await expect(page.getByTestId('model-state')).toHaveText('Model is playing…');
    // A second request means the first step is played and stored (each save is awaited before the next call).
    await expect.poll(() => mock.log.length).toBeGreaterThanOrEqual(2);
    await page.getByRole('link', { name: 'History' }).click();
    await expect(rows(page).filter({ hasText: 'maze_3' }).getByTestId('history-result')).toHaveText('running');
    await page.getByRole('link', { name: 'Settings' }).click();
    await expect.poll(() => mock.log.length, { timeout: 20_000 }).toBe(script.replies.length);
    await page.getByRole('link', { name: 'Play', exact: true }).click();
    await expect(page.getByTestId('outcome')).toHaveText('Success');
    await expect(page.getByTestId('step-count')).toHaveText(String(script.replies.length));
    // History lists once per visit: visit again until the last save has landed.
    await expect(async () => {
      await page.getByRole('link', { name: 'History' }).click();
      await expect(rows(page).filter({ hasText: 'maze_3' }).getByTestId('history-result')).toHaveText('success', { timeout: 1000 });
      await page.getByRole('link', { name: 'Play', exact: true }).click();
    }).toPass({ timeout: 10_000 });
    expect(errors).toEqual([]);
  } finally {
    await mock.close();
  }
});

test('a game left unfinished for another one can be resumed from History at once', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await startMaze18(page);
  await startEpisode(page, 'MAZE', 3);
  await expect(page.getByTestId('step-count')).toHaveText('0');
  await resumeMaze18(page);
  expect(errors).toEqual([]);
});
