import { readFileSync } from 'node:fs';
import { withProbePage } from '/work/wt-perf-pool/scripts/perf/browser.ts';
await withProbePage('/work/wt-perf-pool/scripts/perf/probe', async (page) => {
  for (let i = 0; i < 2; i++) console.log(await page.evaluate(readFileSync('/tmp/prof/idb.js', 'utf8')));
});
