import { statSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeDataSource } from '../../node-data-source.ts';
import { BirdEnv } from './bird.ts';
import { BirdData } from './data.ts';
import { format } from './format.ts';
import { module } from './index.ts';
import { bird } from './manifest.ts';
import { runQuery } from './query.ts';

let data: BirdData;

beforeAll(async () => {
  data = await BirdData.load(nodeDataSource);
});

const FLIGHTS_SCHEMA =
  'us_flights contains tables such as airports, flights, routes. ' +
  'Table airports has columns such as iata, name, city, state, country, latitude, longitude. iata is the primary key. ' +
  'Table flights has columns such as flight_id, departure, delay, distance, origin, destination. flight_id is the primary key. ' +
  'Table routes has columns such as route_id, origin, destination, flight_count. route_id is the primary key. ' +
  'The origin of flights is the foreign key of iata of airports. The destination of flights is the foreign key of iata of airports. ' +
  'The origin of routes is the foreign key of iata of airports. The destination of routes is the foreign key of iata of airports.';

describe('BIRD env', () => {
  it('shows the schema in sqlgym sentences, a blank line, then the question', async () => {
    const env = new BirdEnv(data);
    expect(env.observation()).toBe('Call reset() to initialize the environment.');
    const obs = await env.reset(0);
    expect(obs).toBe(`${FLIGHTS_SCHEMA}\n\nHow many airports are there in Alaska?`);
    expect(env.observation()).toBe(obs);
    expect(env.detail()).toMatchObject({ db_id: 'us_flights', difficulty: 'simple', evidence: "Alaska refers to state = 'AK'." });
    env.close();
  });

  it('scores one query by its row set: order, duplicates and 1 vs 1.0 do not matter', async () => {
    const env = new BirdEnv(data);
    const play = async (item: number, sql: string) => {
      await env.reset(item);
      return env.step(sql);
    };
    expect(await play(0, 'SELECT 263.0')).toMatchObject({ observation: '[(263.0,)]', reward: 1, done: true });
    expect(await play(0, "SELECT COUNT(*) FROM airports WHERE state = 'AK' UNION ALL SELECT 263")).toMatchObject({ observation: '[(263,), (263,)]', reward: 1 });
    expect(await play(0, "SELECT '263'")).toMatchObject({ observation: "[('263',)]", reward: 0, done: true });
    expect(await play(0, 'SELECT 262')).toMatchObject({ reward: 0 });
    // Item 3 lists the airports outside the USA; any order will do.
    const gold = (await play(3, "SELECT iata FROM airports WHERE country <> 'USA' ORDER BY iata DESC"));
    expect(gold.reward).toBe(1);
    expect(gold.info).toEqual({ valid: true, ground_truth: "SELECT iata FROM airports WHERE country <> 'USA'" });
    // The task stays the observation, as sqlgym's GET /observation after a step.
    expect(env.observation()).toContain('outside the USA');
    env.close();
  });

  it('shows an error as its message, marks the action invalid and ends the episode', async () => {
    const env = new BirdEnv(data);
    await env.reset(0);
    const r = env.step('SELECT nope FROM airports');
    expect(r).toMatchObject({ observation: 'no such column: nope', reward: 0, done: true, info: { valid: false } });
    await env.reset(0);
    expect(env.step("UPDATE airports SET state = 'AK'")).toMatchObject({ observation: 'attempt to write a readonly database', reward: 0 });
    await env.reset(0);
    expect(env.step("SELECT COUNT(*) FROM airports WHERE state = 'AK'; DROP TABLE airports")).toMatchObject({ observation: 'You can only execute one statement at a time.', reward: 0 });
    await env.reset(0);
    expect(env.step("SELECT COUNT(*) FROM airports WHERE state = 'AK'")).toMatchObject({ reward: 1 });
    expect(env.picture()).toMatchObject({ kind: 'text', title: 'us_flights · simple', body: expect.stringContaining("Result: [(263,)]") });
    env.close();
  });

  it('cuts a long result at 100 characters', async () => {
    const env = new BirdEnv(data);
    await env.reset(3);
    const r = env.step('SELECT iata, name FROM airports ORDER BY iata');
    expect(r.observation).toBe("[('00M', 'Thigpen'), ('00R', 'Livingston Municipal'), ('00V', 'Meadow Lake'), ('01G', 'Perry-Warsaw'...");
    env.close();
  });

  it('shares a database between episodes and closes it after the last one', async () => {
    const a = new BirdEnv(data);
    const b = new BirdEnv(data);
    await a.reset(0);
    await b.reset(1);
    a.close();
    expect(b.step("SELECT name FROM airports WHERE iata = 'LAX'").reward).toBe(1);
    b.close();
    const c = new BirdEnv(data);
    await c.reset(2);
    expect(c.step("SELECT city FROM airports WHERE iata = 'ORD'").reward).toBe(1);
    c.close();
  });

  it('has 200 questions with BIRD difficulties and evidence, each gold query returning rows', async () => {
    expect(data.questions).toHaveLength(bird.itemCount);
    const counts: Record<string, number> = {};
    for (const q of data.questions) {
      counts[q.difficulty ?? 'none'] = (counts[q.difficulty ?? 'none'] ?? 0) + 1;
      const result = runQuery(await data.acquire(q.db_id), q.SQL);
      data.release(q.db_id);
      expect(result, `question ${q.question_id}`).toMatchObject({ rows: expect.any(Array) });
      if ('rows' in result) expect(result.rows.length, `question ${q.question_id} returns no rows`).toBeGreaterThan(0);
    }
    expect(counts).toEqual({ simple: 118, moderate: 61, challenging: 21 });
    // Most questions tell the value spellings or formulas they need, as BIRD's evidence does.
    expect(data.questions.filter((q) => q.evidence).length).toBeGreaterThan(180);
  });

  it("the oracle's gold SQL solves every eval item through the env module", async () => {
    const env = await module.create(nodeDataSource);
    const oracle = module.oracle!();
    for (const item of bird.evalItems) {
      const obs = await env.reset(item);
      // As a model would send it: in a fenced block, which the format takes out again.
      const parsed = format.extractAction(`Thought: I know this one.\n\nAction: \`\`\`sql\n${oracle.next(obs)}\n\`\`\``);
      if (!('action' in parsed)) throw new Error(parsed.invalid);
      expect((await env.step(parsed.action)).reward, `item ${item}`).toBe(1);
    }
    await env.close?.();
  });

  it('lists its downloads with their real sizes', () => {
    for (const d of bird.downloads) expect(statSync(new URL(`../../../static-data/${d.path}`, import.meta.url)).size, d.path).toBe(d.bytes);
  });
});

describe('BIRD agent format', () => {
  it("takes the SQL after the last ```sql fence, as AgentGym's client does", () => {
    expect(format.extractAction('Thought: count them.\n\nAction: ```sql\nSELECT 1;\n```')).toEqual({ action: 'SELECT 1;' });
    expect(format.extractAction('```sql\nSELECT 1\n```\nno, rather\n```sql SELECT 2 ```')).toEqual({ action: 'SELECT 2' });
    expect(format.extractAction('Action: SELECT 3')).toEqual({ action: 'Action: SELECT 3' });
    expect(format.extractAction('SELECT 4 ``` trailing')).toEqual({ action: 'SELECT 4' });
  });
});
