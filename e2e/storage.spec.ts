import { expect, test } from '@playwright/test';
import { startEpisode } from './helpers.ts';

test('a full storage quota shows a persistent message; the episode plays on in memory and can be exported', async ({ page, baseURL }) => {
  // Chromium's own quota override (set before the app opens its database: Chromium reads the quota
  // once per origin): every IndexedDB write fails with a QuotaExceededError that has no message.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(baseURL!).origin, quotaSize: 1 });
  await page.goto('/');
  await startEpisode(page, 'MAZE', 18);
  const banner = page.getByTestId('storage-banner');
  // An episode is first stored with its first step: that save fails.
  await page.getByRole('button', { name: 'move up', exact: true }).click();
  await expect(page.getByTestId('step-count')).toHaveText('1');
  await expect(banner).toContainText('storage quota');
  await expect(banner).toContainText('Free space by deleting old episodes');
  await expect(banner).toContainText('QuotaExceededError: (the browser gave no message)');
  // The episode keeps playing in memory; the banner stays and says what is not stored.
  await expect(page.getByTestId('unsaved-episode')).toHaveText('maze_18: nothing stored; 1 step is only in this tab.');
  await page.getByRole('button', { name: 'move down', exact: true }).click();
  await page.getByRole('button', { name: 'move down', exact: true }).click();
  await expect(page.getByTestId('outcome')).toHaveText('Success');
  await expect(banner).toBeVisible();
  const download = page.waitForEvent('download');
  await banner.getByRole('button', { name: 'Export' }).click();
  expect((await download).suggestedFilename()).toBe('maze_18-unsaved.jsonl');
});
