import { expect, test } from '@playwright/test';
import { startEpisode } from './helpers.ts';

test('a full storage quota shows a persistent message; the episode plays on in memory and can be exported', async ({ page, baseURL }) => {
  await page.goto('/');
  await startEpisode(page, 'MAZE', 18);
  await page.getByRole('button', { name: 'move up', exact: true }).click();
  await expect(page.getByTestId('step-count')).toHaveText('1');
  // Chromium's own quota override: from now on IndexedDB writes fail with a message-less QuotaExceededError.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(baseURL!).origin, quotaSize: 1 });
  await page.getByRole('button', { name: 'move down', exact: true }).click();
  const banner = page.getByTestId('storage-banner');
  await expect(banner).toContainText('storage quota');
  await expect(banner).toContainText('Free space by deleting old episodes');
  await expect(page.getByTestId('unsaved-episode')).toHaveText('maze_18: stored up to step 1; 2 steps are only in this tab.');
  // The episode keeps playing and the banner stays.
  await page.getByRole('button', { name: 'move down', exact: true }).click();
  await expect(page.getByTestId('outcome')).toHaveText('Success');
  await expect(banner).toBeVisible();
  const download = page.waitForEvent('download');
  await banner.getByRole('button', { name: 'Export' }).click();
  expect((await download).suggestedFilename()).toBe('maze_18-unsaved.jsonl');
});
