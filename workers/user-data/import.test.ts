import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHOP_SCHEMA, sqlDevDir, webshopExactDir } from '../../testing/user-datasets.ts';
import { module as birdModule } from '../envs/bird/index.ts';
import { syntheticShop } from '../envs/webshop/testdata/synthetic.ts';
import { module as webshopModule } from '../envs/webshop/index.ts';
import type { WebShopEnv } from '../envs/webshop/webshop.ts';
import { DatasetError } from './files.ts';
import { importDataset } from './import.ts';
import { filesInDir, importedSource } from './node.ts';

const importDir = async (dir: string) => importDataset(await filesInDir(dir));

/** The problems an import reports (it must fail). */
async function problems(dir: string): Promise<string[]> {
  const e = await importDir(dir).then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(DatasetError);
  return (e as DatasetError).problems;
}

describe("WebShop's own files (exact mode)", () => {
  it("counts AgentGym's goals and plays goal i as AgentGym's item i", async () => {
    const imported = await importDir(webshopExactDir());
    const { dataset } = imported;
    expect(dataset).toMatchObject({ kind: 'webshop-exact', env: 'webshop', firstItem: 0, itemCount: 14 });
    expect(dataset.id).toMatch(/^webshop-exact-[0-9a-f]{16}$/);
    expect(dataset.notes.join(' ')).toContain("14 goals, not AgentGym's 6,910");
    const env = (await webshopModule.create(importedSource(imported))) as WebShopEnv;
    const expected = syntheticShop().goals.map((g) => g.instructionText);
    for (const i of [0, 3, 13]) {
      expect(await env.reset(i)).toBe(`WebShop [SEP] Instruction: [SEP] ${expected[i]} [SEP] Search`);
    }
  });

  it('names the file and the fault, and gives the same data the same id', async () => {
    const dir = webshopExactDir();
    const first = (await importDir(dir)).dataset.id;
    expect((await importDir(dir)).dataset.id).toBe(first);
    const items = JSON.parse(readFileSync(join(dir, 'items_shuffle_1000.json'), 'utf8'));
    items[2].name = 5;
    delete items[3].query;
    writeFileSync(join(dir, 'items_shuffle_1000.json'), JSON.stringify(items));
    expect(await problems(dir)).toEqual([
      'items_shuffle_1000.json: record 2: "name" must be a string, not number',
      'items_shuffle_1000.json: record 3: "query" must be a string, not undefined',
    ]);
    writeFileSync(join(dir, 'items_shuffle_1000.json'), '[{"asin": ');
    expect((await problems(dir))[0]).toMatch(/^items_shuffle_1000\.json is not valid JSON: /);
    rmSync(join(dir, 'items_ins_v2_1000.json'));
    expect(await problems(dir)).toEqual([expect.stringMatching(/^items_ins_v2_1000\.json is missing/)]);
  });
});

describe("BIRD's and Spider's dev sets", () => {
  it("numbers BIRD dev questions from 9428 as AgentGym does and scores them on the user's databases", async () => {
    const imported = await importDir(await sqlDevDir('bird'));
    expect(imported.dataset).toMatchObject({ kind: 'bird-dev', env: 'bird', firstItem: 9428, itemCount: 9431, evalItems: [9428, 9429, 9430] });
    expect(imported.files.map((f) => f.path).sort()).toEqual(['databases/school.sqlite', 'databases/shop.sqlite', 'questions.json', 'tables.json']);
    const env = await birdModule.create(importedSource(imported));
    expect(await env.reset(9428)).toBe(`${SHOP_SCHEMA}\n\nHow many customers live in Paris?`);
    expect(await env.step('SELECT COUNT(id) FROM customers WHERE city = "Paris"')).toMatchObject({ observation: '[(2,)]', reward: 1, done: true });
    await env.reset(9429);
    expect(await env.step('SELECT 15')).toMatchObject({ observation: '[(15,)]', reward: 1 });
    await env.reset(9430);
    expect(await env.step("SELECT 'Dee'")).toMatchObject({ reward: 0 });
    await expect(async () => env.reset(0)).rejects.toThrow('No BIRD question 0 (9428..9430; items below it are BIRD train questions, not loaded)');
    const oracle = birdModule.oracle!();
    expect(oracle.next(await env.reset(9430))).toBe('SELECT name FROM students ORDER BY grade DESC LIMIT 1');
    env.close?.();
  });

  it("reads Spider's layout (query, tables.json, database/) with items from 0", async () => {
    const dir = await sqlDevDir('spider');
    // Spider's release also has test_database/ with the same names: the dev databases are under database/.
    mkdirSync(join(dir, 'test_database', 'shop'), { recursive: true });
    writeFileSync(join(dir, 'test_database', 'shop', 'shop.sqlite'), 'another shop');
    const imported = await importDir(dir);
    expect(imported.dataset).toMatchObject({ kind: 'spider-dev', firstItem: 0, itemCount: 3 });
    expect(imported.files.find((f) => f.path === 'databases/shop.sqlite')?.size).toBeGreaterThan(100);
    const env = await birdModule.create(importedSource(imported));
    expect(await env.reset(2)).toMatch(/^school contains tables such as students\. .*\n\nWhich student has the highest grade\?$/);
    expect(await env.step("SELECT name FROM students WHERE grade > 90")).toMatchObject({ observation: "[('Eve',)]", reward: 1 });
    expect(env.detail?.()).toMatchObject({ evidence: '', difficulty: undefined });
    env.close?.();
  });

  it('lists every missing or broken part, by file', async () => {
    const dir = await sqlDevDir('bird');
    rmSync(join(dir, 'dev_databases', 'school'), { recursive: true });
    writeFileSync(join(dir, 'dev_databases', 'shop', 'shop.sqlite'), 'not a database');
    const qs = JSON.parse(readFileSync(join(dir, 'dev.json'), 'utf8'));
    expect(await problems(dir)).toEqual(['dev_databases/shop/shop.sqlite: is not an SQLite database (its header is wrong)', 'dev_databases/school/: school.sqlite is missing (asked about by 1 question)']);
    delete qs[1].SQL;
    qs[2].difficulty = 'easy';
    writeFileSync(join(dir, 'dev.json'), JSON.stringify(qs));
    expect(await problems(dir)).toEqual(['dev.json: question 1: "SQL" must be a string, not undefined', 'dev.json: question 2: "difficulty" must be simple, moderate or challenging']);
    rmSync(join(dir, 'dev_tables.json'));
    expect(await problems(dir)).toEqual([expect.stringMatching(/^dev_tables\.json \(BIRD\) or tables\.json \(Spider\) is missing/)]);
  });

  it('says what it expected when the files are no known dataset', async () => {
    const dir = webshopExactDir();
    rmSync(join(dir, 'items_shuffle_1000.json'));
    rmSync(join(dir, 'items_ins_v2_1000.json'));
    writeFileSync(join(dir, 'notes.txt'), 'hello');
    expect(await problems(dir)).toEqual([expect.stringContaining("None of these files is a dataset this app knows (notes.txt). Expected WebShop's items_shuffle_1000.json")]);
  });
});
