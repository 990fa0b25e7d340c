import { expect, test } from '@playwright/test';
import { shot, startEpisode, watchErrors } from './helpers.ts';
import { episodeFragment } from '../src/lib/share/codec.ts';
import { observationHash } from '../src/lib/share/hash.ts';
import { episodeToFile } from '../src/lib/share/file.ts';
import { V1_LINK } from '../testing/share-fixtures.ts';
import { maze } from '../workers/envs/maze/manifest.ts';
import { MazeEnv } from '../workers/envs/maze/maze.ts';

test('a shared episode link replays the same observations in a fresh browser', async ({ page, browser }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await startEpisode(page, 'MAZE', 18);
  for (const a of ['move up', 'move left', 'move down', 'move down']) {
    await page.getByRole('button', { name: a, exact: true }).click();
  }
  await expect(page.getByTestId('outcome')).toHaveText('Success');
  const played = await page.locator('article[data-from="env"] p.verbatim').allTextContents();
  await page.getByRole('button', { name: 'Share' }).click();
  const url = await page.getByLabel('Share link').inputValue();
  expect(url).toContain('#/replay/v2.');

  // Someone else, with nothing in their browser.
  const other = await browser.newContext();
  const viewer = await other.newPage();
  const viewerErrors = watchErrors(viewer);
  await viewer.goto(url);
  await expect(viewer.getByTestId('replay-step')).toHaveText('Step 0 of 4');
  const seen = [await viewer.locator('article[data-from="env"] p.verbatim').last().textContent()];
  for (let i = 1; i <= 4; i++) {
    await viewer.keyboard.press('ArrowRight');
    await expect(viewer.getByTestId('replay-step')).toHaveText(`Step ${i} of 4`);
    seen.push(await viewer.locator('article[data-from="env"] p.verbatim').last().textContent());
  }
  expect(seen).toEqual(played);
  await expect(viewer.getByTestId('replay-reward')).toHaveText('1');
  await expect(viewer.getByTestId('replay-outcome')).toHaveText('Success');
  await expect(viewer.getByTestId('replay-divergence')).toHaveCount(0);
  await shot(viewer, 'replay');

  await viewer.getByRole('button', { name: 'Save to my history' }).click();
  await viewer.getByRole('link', { name: 'Open it' }).click();
  await expect(viewer.getByLabel('Episode transcript')).toContainText('Success');
  await other.close();
  expect([...errors, ...viewerErrors]).toEqual([]);
});

test('a link from before format v2 (v1) and a v2 link both open and replay', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/' + V1_LINK);
  await expect(page.getByTestId('replay-step')).toHaveText('Step 0 of 4');
  await expect(page.getByText('link format v1')).toBeVisible();
  await page.getByRole('button', { name: 'Last' }).click();
  await expect(page.locator('article[data-from="env"] p').last()).toHaveText('Success');
  await expect(page.getByTestId('replay-outcome')).toHaveText('Success');
  await expect(page.getByTestId('replay-divergence')).toHaveCount(0);
  await expect(page.getByTestId('replay-parser')).toHaveCount(0);

  // v2 carries the actions: a reply today's parser reads otherwise still replays as recorded.
  const env = new MazeEnv();
  const obs0 = env.reset(18);
  const moves = ['move up', 'move left', 'move down', 'move down'];
  const steps = moves.map((action, i) => {
    const r = env.step(action);
    const reply = i === 0 ? 'Thought: round the wall.\nAction: go north' : `Action: ${action}`;
    return { reply, by: 'model' as const, action, reward: r.reward, done: r.done, obs: observationHash(r.observation) };
  });
  const agent = { kind: 'model' as const, label: 'Recorder', provider: 'openai', model: 'mock-1', params: {} };
  await page.goto('/' + episodeFragment({ v: 2, env: 'maze', item: 18, agent, obs0: observationHash(obs0), steps, outcome: 'success', appVersion: '0.1.0', dataVersion: maze.dataVersion }));
  await expect(page.getByText('link format v2')).toBeVisible();
  await expect(page.getByTestId('replay-step')).toHaveText('Step 0 of 4');
  await page.getByRole('button', { name: 'Last' }).click();
  await expect(page.locator('article[data-from="env"] p').last()).toHaveText('Success');
  await expect(page.getByTestId('replay-outcome')).toHaveText('Success');
  await expect(page.getByTestId('replay-divergence')).toHaveCount(0);
  await expect(page.getByTestId('replay-parser')).toHaveText(/^Step 1: today's reply parser reads the action as "go north"; the recording gave the environment "move up"/);
  await shot(page, 'replay-v2');
  expect(errors).toEqual([]);
});

test('a tampered link gives a clear message, not a blank page', async ({ page }) => {
  await page.goto('/#/replay/v1.AAAAthis-is-not-an-episode');
  await expect(page.getByTestId('replay-error')).toBeVisible();
  await expect(page.getByTestId('replay-error')).not.toBeEmpty();
  await shot(page, 'replay-tampered');
});

test('markup in a model reply is shown as text', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  const evil = '<img src=x onerror="alert(1)">';
  const env = new MazeEnv();
  const obs0 = env.reset(0);
  const r = env.step(evil);
  const fragment = episodeFragment({
    v: 1,
    env: 'maze',
    item: 0,
    agent: { kind: 'model', label: evil, provider: 'openai', model: 'mock-1', params: {} },
    obs0: observationHash(obs0),
    steps: [{ reply: `Thought: ${evil}\nAction: ${evil}`, by: 'model', reward: r.reward, done: r.done, obs: observationHash(r.observation) }],
    appVersion: '0.1.0',
    dataVersion: maze.dataVersion,
  });
  await page.goto('/' + fragment);
  await expect(page.getByTestId('replay-step')).toHaveText('Step 0 of 1');
  await page.getByRole('button', { name: 'Last' }).click();
  await expect(page.locator('article[data-from="agent"]').last()).toContainText(evil);
  expect(await page.locator('img').count()).toBe(0);
  expect(dialogs).toBe(0);
});

test('an episode file opens in Replay from the file picker; a broken file gets a message', async ({ page }) => {
  const env = new MazeEnv();
  const obs0 = env.reset(18);
  const steps = ['move up', 'move down', 'move down'].map((a) => {
    const r = env.step(a);
    return { reply: a, by: 'human' as const, reward: r.reward, done: r.done, obs: observationHash(r.observation) };
  });
  const file = episodeToFile({
    v: 1, env: 'maze', item: 18, agent: { kind: 'human', label: 'Someone' }, obs0: observationHash(obs0),
    steps, appVersion: '0.1.0', dataVersion: maze.dataVersion,
  });
  await page.goto('/#/replay');
  await page.getByLabel('Open episode file').setInputFiles({ name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.text) });
  await expect(page.getByTestId('replay-step')).toHaveText('Step 0 of 3');
  await page.getByRole('button', { name: 'Last' }).click();
  await expect(page.locator('article[data-from="env"] p.verbatim').last()).toHaveText('Success');

  await page.getByLabel('Open episode file').setInputFiles({ name: 'x.agentgym-episode.json', mimeType: 'application/json', buffer: Buffer.from('{"v":1,') });
  await expect(page.getByTestId('replay-error')).toBeVisible();
});

test('"Continue from this step" branches a new episode from a replay', async ({ page }) => {
  const env = new MazeEnv();
  const obs0 = env.reset(16); // (5, 6): three cells above the goal
  const steps = ['move left', 'move right'].map((a) => {
    const r = env.step(a);
    return { reply: a, by: 'human' as const, reward: r.reward, done: r.done, obs: observationHash(r.observation) };
  });
  const fragment = episodeFragment({
    v: 1, env: 'maze', item: 16, agent: { kind: 'human', label: 'Someone' }, obs0: observationHash(obs0),
    steps, appVersion: '0.1.0', dataVersion: maze.dataVersion,
  });
  await page.goto('/' + fragment);
  await expect(page.getByTestId('replay-step')).toHaveText('Step 0 of 2');
  await page.getByRole('button', { name: 'Last' }).click();
  await page.getByRole('button', { name: 'Continue from this step' }).click();
  // The new episode starts with the two recorded moves and goes on from there.
  await expect(page.getByTestId('step-count')).toHaveText('2');
  for (const a of ['move down', 'move down', 'move down']) await page.getByRole('button', { name: a, exact: true }).click();
  await expect(page.getByTestId('outcome')).toHaveText('Success');
  await page.getByRole('link', { name: 'History' }).click();
  await expect(page.getByTestId('history-row').filter({ hasText: 'maze_16' })).toContainText('5');
});
