/**
 * `npm run fuzz [-- --long] [--seed N] [--envs a,b]`: fuzz every registered env (fuzz-core.ts)
 * and print steps, episodes ended, time and failures per env. Exit 1 on any failure. The default
 * budget fits CI (well under 2 minutes); --long is for a soak before a release.
 */
import { parseArgs } from 'node:util';
import { ENVS, requireEnv } from '../workers/envs/registry.ts';
import { budgetFor, CI_BUDGET, fuzzEnv, LONG_BUDGET } from './fuzz-core.ts';

const { values } = parseArgs({ options: { long: { type: 'boolean', default: false }, seed: { type: 'string', default: '1' }, envs: { type: 'string' } } });
const seed = Number(values.seed);
if (!Number.isSafeInteger(seed)) throw new Error('--seed must be an integer');
const specs = values.envs ? values.envs.split(',').map((id) => requireEnv(id.trim())) : ENVS;
const budget = values.long ? LONG_BUDGET : CI_BUDGET;
console.log(`fuzz: ${specs.length} envs, ${budget.episodes} episodes × up to ${budget.steps} steps (+${budget.pastDone} past the end), seed ${seed}`);
let failed = 0;
const started = performance.now();
for (const spec of specs) {
  const t = performance.now();
  const r = await fuzzEnv(spec, budgetFor(spec, budget), seed);
  const ms = performance.now() - t;
  console.log(`  ${spec.id.padEnd(16)} ${String(r.steps).padStart(7)} steps  ${String(r.episodesEnded).padStart(3)} ended  ${(ms / 1000).toFixed(1).padStart(6)} s  ${r.failures.length ? `${r.failures.length} FAILURES` : 'ok'}`);
  for (const f of r.failures.slice(0, 10)) console.log(`      ${f}`);
  failed += r.failures.length;
}
console.log(`fuzz: ${failed ? `${failed} failures` : 'no failures'} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
process.exit(failed ? 1 : 0);
