import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, UsageError, type CliIo } from './bench-cli.ts';
import { createHttpApp } from './http-app.ts';
import type { MockScript } from './mock-llm.ts';
import { oracleScript } from './mock-scripts.ts';
import { useMockServer } from '../testing/llm.ts';
import { SHOP_SCHEMA, SQL_QUESTIONS, sqlDevDir, webshopExactDir } from '../testing/user-datasets.ts';
import { syntheticShop } from '../workers/envs/webshop/testdata/synthetic.ts';
import { requireEnv } from '../workers/envs/registry.ts';
import { useBuiltIn } from '../workers/user-data/active.ts';
import { useDatasetDir } from '../workers/user-data/node.ts';

const server = useMockServer();

afterEach(() => {
  useBuiltIn('webshop');
  useBuiltIn('bird');
});

function io(): CliIo & { out: string[] } {
  const out: string[] = [];
  return { env: { OPENAI_API_KEY: 'k' }, out, stdout: (s) => void out.push(s), stderr: () => {}, tty: false };
}

/** Bench with `flags` over `items` of `env`, the mock model replying with `scripts`. */
async function bench(env: string, items: number[], flags: string[], scripts: MockScript[]) {
  const t = io();
  const out = join(mkdtempSync(join(tmpdir(), 'bench-')), 'r.jsonl');
  server.mock.configure({ scripts });
  const r = await runCli(['--base-url', `${server.origin()}/v1`, '--model', 'mock-1', '--envs', env, '--items', items.join(','), '--out', out, ...flags], t);
  return { r, text: t.out.join(''), lines: readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l)) };
}

describe('npm run bench with the user\'s data', () => {
  it("--webshop-data plays AgentGym's goals (webshop_<i>) and records the files' data version", async () => {
    const dir = webshopExactDir();
    const goals = syntheticShop().goals.length;
    const items = Array.from({ length: goals }, (_, i) => i);
    // The oracle's replies come from the env on these files; the CLI then sets the files up afresh itself.
    await useDatasetDir('webshop', dir);
    const scripts = await Promise.all(items.map((i) => oracleScript('webshop', i)));
    useBuiltIn('webshop');
    const { r, text } = await bench('webshop', items, ['--webshop-data', dir], scripts);
    expect(text).toMatch(new RegExp(`^webshop runs on ${dir}: items_shuffle_1000.json \\+ items_ins_v2_1000.json: 14 goals \\(data version webshop-exact-[0-9a-f]{16}\\)`));
    expect(r.status).toBe('done');
    expect(r.episodes.map((e) => [e.itemId, e.success])).toEqual(Array.from({ length: goals }, (_, i) => [`webshop_${i}`, true]));
    expect(new Set(r.episodes.map((e) => e.dataVersion))).toEqual(new Set([requireEnv('webshop').dataVersion]));
    expect(requireEnv('webshop').dataVersion).toMatch(/^webshop-exact-/);
  });

  it('--bird-data plays BIRD dev items from 9428', async () => {
    const dir = await sqlDevDir('bird');
    // A model that answers each question with its gold SQL, in the fenced form BIRD's client reads.
    const scripts = SQL_QUESTIONS.map((q) => ({ match: q.question, replies: [`Thought: I count them.\n\nAction: \`\`\`sql\n${q.SQL}\n\`\`\``] }));
    const { r, lines } = await bench('bird', [9428, 9429, 9430], ['--bird-data', dir], scripts);
    expect(r.episodes.map((e) => [e.itemId, e.success])).toEqual([['bird_9428', true], ['bird_9429', true], ['bird_9430', true]]);
    expect(lines[0].conversations.some((c: { value: string }) => c.value.includes(SHOP_SCHEMA))).toBe(true);
  });

  it('refuses a folder that is not the data, naming what is wrong', async () => {
    const dir = webshopExactDir();
    rmSync(join(dir, 'items_ins_v2_1000.json'));
    const err = await runCli(['--model', 'm', '--envs', 'webshop', '--webshop-data', dir], io()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as Error).message).toMatch(new RegExp(`^--webshop-data ${dir}: not usable:\\n  items_ins_v2_1000.json is missing`));
    const birdDir = await sqlDevDir('bird');
    const wrong = await runCli(['--model', 'm', '--webshop-data', birdDir], io()).catch((e: unknown) => e);
    expect((wrong as Error).message).toContain("holds BIRD's dev set, which is data for bird, not webshop");
    expect(requireEnv('webshop').dataVersion).toBe('webshop-1');
  });
});

describe('npm run serve with the user\'s data', () => {
  it("answers AgentGym's WebShop and BIRD routes from the user's files", async () => {
    await useDatasetDir('webshop', webshopExactDir());
    await useDatasetDir('bird', await sqlDevDir('spider'));
    const http = createServer(createHttpApp());
    await new Promise<void>((done) => http.listen(0, '127.0.0.1', done));
    const base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    const post = async (route: string, body: unknown) => (await fetch(`${base}/${route}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })).json();
    try {
      const shop = await post('webshop/create', {});
      const [observation] = await post('webshop/reset', { env_idx: shop, session_id: 3 });
      expect(observation).toBe(`WebShop [SEP] Instruction: [SEP] ${syntheticShop().goals[3].instructionText} [SEP] Search`);
      const sql = await post('bird/create', {});
      const [question] = await post('bird/reset', { env_idx: sql, item_id: 0 });
      expect(question).toMatch(/\n\nHow many customers live in Paris\?$/);
      expect(await post('bird/step', { env_idx: sql, action: "SELECT COUNT(*) FROM customers WHERE city = 'Paris'" })).toMatchObject({ state: '[(2,)]', reward: 1, done: true });
    } finally {
      await new Promise((done) => http.close(done));
    }
  });
});
