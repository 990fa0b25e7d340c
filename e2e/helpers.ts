import type { Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';

/** Screenshots go to e2e/screenshots/ (git-ignored) for a person to look at. */
export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync('e2e/screenshots', { recursive: true });
  await page.screenshot({ path: `e2e/screenshots/${name}.png`, fullPage: true });
}

/** Fail the test on any console error or uncaught exception in the page. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return errors;
}

export async function startEpisode(page: Page, envTitle: string, item: number): Promise<void> {
  await page.getByLabel('Environment').selectOption({ label: envTitle });
  await page.getByLabel('Item').fill(String(item));
  await page.getByRole('button', { name: 'New episode' }).click();
}
