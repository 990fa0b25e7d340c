import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { MockLlmServer } from '../server/mock-llm.ts';
import { openLocalEnv } from '../workers/local-env.ts';
import { WordleOracle } from '../workers/envs/wordle/oracle.ts';
import { AGENTGYM_VOCAB } from '../workers/envs/wordle/words.ts';
import { addProvider, shot, startEpisode, watchErrors } from './helpers.ts';

const ITEM = 5;

/** The replies a strong model would give on Wordle item ITEM, found by playing it in Node. */
async function oracleReplies(): Promise<string[]> {
  const env = await openLocalEnv('wordle');
  const oracle = new WordleOracle(AGENTGYM_VOCAB, AGENTGYM_VOCAB);
  let snap = await env.reset(ITEM);
  const replies: string[] = [];
  while (!snap.done) {
    const guess = oracle.next(snap.observation);
    replies.push(`Thought: Keep only the words that fit all the feedback so far.\nAction: ${guess}`);
    snap = await env.step(guess);
  }
  return replies;
}


for (const wire of ['openai', 'anthropic'] as const) {
  test(`an LLM over the ${wire} wire format plays Wordle to the end, through a 429`, async ({ page }) => {
    const errors = watchErrors(page);
    const mock = new MockLlmServer();
    const origin = await mock.start();
    const key = `sk-test-${wire}-SECRET-1234567890`;
    const replies = await oracleReplies();
    mock.configure({
      // AgentGym's Wordle client opens with the rules, never with the reset text.
      scripts: [{ match: "Let's play Wordle.", replies }],
      model: `mock-1-2026-11-01`,
      requireKey: key,
      ...(wire === 'openai' ? { costPerToken: 0.000002 } : {}),
    });
    try {
      await addProvider(page, origin, wire === 'openai' ? 'OpenAI chat completions (compatible)' : 'Anthropic Messages', key);
      await page.getByRole('button', { name: 'Test connection' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Connected: mock-1-2026-11-01 answered' })).toBeVisible();
      await shot(page, `settings-${wire}`);
      if (wire === 'anthropic') {
        // No provider-reported cost here: the local price table prices the returned model id.
        await page.getByRole('button', { name: 'Set a price' }).click();
        const form = page.getByRole('form', { name: 'Set a price' });
        await form.getByLabel('Price model id').fill('mock-1');
        await form.getByLabel('Input $/M').fill('1');
        await form.getByLabel('Output $/M').fill('4');
        await form.getByRole('button', { name: 'Save price' }).click();
      }

      await page.goto('/#/play');
      await page.getByLabel('Agent').selectOption({ label: 'Mock · mock-1' });
      await startEpisode(page, 'Wordle', ITEM);
      await page.getByRole('button', { name: 'Step once' }).click();
      await expect(page.getByTestId('step-count')).toHaveText('1');
      // The next call is rate limited once; the client waits Retry-After and goes on.
      mock.configure({ faults: { rateLimit: 1, retryAfter: '2' } });
      await page.getByRole('button', { name: 'Run to end' }).click();
      // The wait is told in whole sentences while it lasts (the retry is the call's second attempt).
      await expect(page.getByTestId('retry-note')).toHaveText(/^HTTP 429: Rate limit reached\. Retrying in 2\.\d s \(attempt 2\)\.$/);
      await expect(page.getByTestId('outcome')).toHaveText('Success', { timeout: 20_000 });
      await expect(page.getByTestId('step-count')).toHaveText(String(replies.length));
      // One request more than replies (the rate-limited one, retried), plus the connection test.
      expect(mock.log.filter((r) => r.method === 'POST')).toHaveLength(replies.length + 2);
      await expect(page.getByTestId('thought').first()).toHaveText('Keep only the words that fit all the feedback so far.');
      const totals = page.getByTestId('status').getByTestId('usage');
      await expect(totals).toContainText(' in · ');
      await expect(totals).toContainText('$');
      await expect(page.locator('article[data-by="model"]').first()).toContainText('mock-1-2026-11-01');
      await shot(page, `llm-${wire}-wordle`);

      await page.reload();
      await page.getByRole('link', { name: 'History' }).click();
      const row = page.getByTestId('history-row').filter({ hasText: `wordle_${ITEM}` });
      await expect(row).toContainText('success');
      await expect(row).toContainText(String(replies.length));
      await row.getByRole('link', { name: `wordle_${ITEM}` }).click();
      await expect(page.locator('article[data-by="model"]')).toHaveCount(replies.length);

      // The key is only ever sent in headers, and is nowhere the page keeps or exports.
      for (const r of mock.log) expect(r.path).not.toContain(key);
      expect(page.url()).not.toContain(key);
      const local = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
      expect(local).not.toContain(key);
      await page.getByRole('button', { name: 'Share' }).click();
      expect(await page.getByLabel('Share link').inputValue()).not.toContain(key);
      await page.goto('/#/history');
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Export JSONL' }).click();
      const file = readFileSync(await (await download).path(), 'utf8');
      expect(file).toContain(`wordle_${ITEM}`);
      expect(file).not.toContain(key);
      expect(errors.filter((e) => !e.includes('429'))).toEqual([]);
    } finally {
      await mock.close();
    }
  });
}
