/**
 * `npm run bench -- ...`: see bench-cli.ts for the options. The first SIGINT/SIGTERM stops the run
 * (episodes already ended are on disk; the summary is printed); a second one exits at once.
 */
import { runCli, USAGE, UsageError } from './bench-cli.ts';

const EXIT: Record<string, number> = { done: 0, cancelled: 130 };
const interrupt = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupt.signal.aborted) process.exit(130);
    process.stderr.write(`\n${signal}: stopping; the episodes in flight are dropped (again to quit at once).\n`);
    interrupt.abort();
  });
}

runCli(process.argv.slice(2), { env: process.env, stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s), tty: process.stderr.isTTY === true, signal: interrupt.signal }).then(
  (r) => process.exit(EXIT[r.status] ?? 1),
  (e) => {
    process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
    if (e instanceof UsageError) process.stderr.write(`${USAGE}\n`);
    process.exit(2);
  },
);
