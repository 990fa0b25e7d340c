import { expect, test, type Page } from '@playwright/test';
import type { EpisodeRecord } from '../src/lib/records.ts';
import type { RunRecord } from '../src/lib/bench/types.ts';
import { shot, startEpisode, watchErrors } from './helpers.ts';

const WIDTH = 390;
test.use({ viewport: { width: WIDTH, height: 844 }, isMobile: true, hasTouch: true });

/** The page never scrolls sideways: wide tables scroll inside their own box. */
async function fitsWidth(page: Page) {
  // Elements reaching past the screen's right edge (a phone would zoom out to show them), outermost first.
  const over = await page.evaluate((w) => {
    const clipped = (el: Element) => {
      for (let a = el.parentElement; a; a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible') return true;
      return false;
    };
    // What a box that scrolls sideways holds (a wide table) is not the page's width.
    const wide = [...document.querySelectorAll('body *')].filter((el) => el.getBoundingClientRect().right > w + 0.5 && !clipped(el));
    return wide.filter((el) => !wide.includes(el.parentElement!)).map((el) => `${el.tagName.toLowerCase()}.${el.className} (${Math.round(el.getBoundingClientRect().right)} px)`);
  }, WIDTH);
  expect(over, 'elements wider than the screen').toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth), 'page width').toBeLessThanOrEqual(WIDTH);
}

/** A finished MAZE run of four episodes, as its JSONL export holds it. */
function runFile(): Buffer {
  const t = Date.UTC(2026, 0, 3);
  const eps: EpisodeRecord[] = [0, 1, 2, 3].map((i) => ({
    id: `r:0:maze_${i}:0`, env: 'maze', itemId: `maze_${i}`, runId: 'r', startedAt: t + i, finishedAt: t + i + 1000, initialObservation: 'start',
    agent: { kind: 'model', label: 'Mock · mock-1', provider: 'mock', model: 'mock-1', params: {} },
    steps: [{ reply: 'Action: move up', action: 'move up', by: 'model', observation: 'moved', reward: i % 2, done: true, valid: true, at: t + i + 1000 }],
    status: 'done', outcome: i % 2 ? 'success' : 'failure', finalReward: i % 2, success: i % 2 === 1, appVersion: '0.1.0', dataVersion: '1',
  }));
  const run: RunRecord = {
    id: 'r', name: 'phone-sized run', createdAt: t, status: 'done', appVersion: '0.1.0', dataVersions: { maze: '1' }, promptsHash: '00000000',
    config: { envs: ['maze'], items: { maze: [0, 1, 2, 3] }, models: [{ providerId: 'mock', label: 'Mock · mock-1', model: 'mock-1' }], concurrency: 2, params: {}, repeats: 1 },
    finished: Object.fromEntries(eps.map((e, i) => [`0:maze_${i}:0`, e.id])),
  };
  return Buffer.from(eps.map((e, i) => JSON.stringify({ x_episode: e, ...(i === 0 ? { x_run: run } : {}) })).join('\n') + '\n');
}

test('at 390 px wide every page fits the screen, and Play keeps its action box within reach', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = watchErrors(page);
  await page.goto('/');
  await startEpisode(page, 'MAZE', 18);
  for (const move of ['move up', 'move left']) await page.getByRole('button', { name: move, exact: true }).click();
  const box = page.getByLabel('Your action');
  await expect(box).toBeInViewport();
  await fitsWidth(page);
  await shot(page, 'small-play');

  await page.goto('/#/bench');
  await page.getByLabel('Import run (JSONL)').setInputFiles({ name: 'run.jsonl', mimeType: 'application/x-ndjson', buffer: runFile() });
  await page.getByRole('button', { name: 'phone-sized run' }).click();
  await expect(page.getByLabel('Run details')).toBeVisible();
  await fitsWidth(page);
  await shot(page, 'small-bench');

  await page.goto('/#/history');
  await expect(page.getByTestId('history-row').first()).toBeVisible();
  await fitsWidth(page);
  await shot(page, 'small-history');

  await page.goto('/#/settings');
  await page.getByRole('button', { name: 'Add provider' }).click();
  await expect(page.getByRole('form', { name: 'New provider' })).toBeVisible();
  await fitsWidth(page);
  await shot(page, 'small-settings');
  expect(errors).toEqual([]);
});
