/** `npm run bench -- ...`: see bench-cli.ts for the options. */
import { runCli, UsageError } from './bench-cli.ts';

runCli(process.argv.slice(2), { env: process.env, stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s), tty: process.stderr.isTTY === true }).then(
  (r) => process.exit(r.status === 'done' ? 0 : 1),
  (e) => {
    process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
    if (e instanceof UsageError) process.stderr.write('Usage: npm run bench -- --provider openai|anthropic|gemini --model M [--base-url URL] [--api-key KEY] [--envs a,b] [--items 0-9] [--concurrency N] [--max-rounds N] [--temperature T] [--repeats R] [--out file.jsonl] [--csv file.csv]\n');
    process.exit(2);
  },
);
