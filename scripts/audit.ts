/**
 * `npm run audit [-- --level high]`: the lockfile against npm's advisories (`npm audit`). Exit 1
 * when a package has an advisory at or above the level (default high); when the registry cannot
 * be reached it says so and exits 0, so offline CI does not fail for want of a network.
 */
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { readAudit, type Severity } from './audit-report.ts';

const LEVELS: Severity[] = ['low', 'moderate', 'high', 'critical'];
const { values } = parseArgs({ options: { level: { type: 'string', default: 'high' } } });
const level = values.level as Severity;
if (!LEVELS.includes(level)) throw new Error(`--level must be one of ${LEVELS.join(', ')}`);

const npm = spawnSync('npm', ['audit', '--json', '--fetch-timeout=20000', '--fetch-retries=1'], { encoding: 'utf8', timeout: 120_000 });
if (npm.error) {
  console.log(`audit: skipped, npm could not run: ${npm.error.message}`);
  process.exit(0);
}
const outcome = readAudit(npm.stdout, npm.stderr, level);
if (outcome.kind === 'unreachable') {
  console.log(`audit: skipped, the advisory endpoint is unreachable (${outcome.reason})`);
  process.exit(0);
}
const c = outcome.counts;
console.log(`audit: ${c.critical} critical, ${c.high} high, ${c.moderate} moderate, ${c.low} low advisories in the lockfile`);
if (outcome.failing.length) {
  console.log(`audit: at or above ${level}: ${outcome.failing.join(', ')} (npm audit for details)`);
  process.exit(1);
}
