/**
 * Conformance from the registry (as Gymnasium's env checker runs over every registered spec):
 * registering an env is enough to get it checked here, with no per-env edits. Manifest sanity,
 * the agent format, resets, bad actions, determinism, the oracle on the eval split, AgentGym's
 * HTTP routes, and our golden transcripts (`npm run goldens` re-records them on purpose).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpApp } from '../../server/http-app.ts';
import { nodeDataSource } from '../node-data-source.ts';
import { EnvSession, loadModule, type Snapshot } from '../session.ts';
import { isPlayable, isSuccess, lastPlayable, type EnvManifest } from './contract.ts';
import { ENVS } from './registry.ts';
import { playActions, readTranscripts } from '../../testing/transcripts.ts';

const open = (m: EnvManifest) => EnvSession.open(m, nodeDataSource);

/** Inputs no env may throw on or be changed by in ways other than its own invalid-action rule. */
const BAD_ACTIONS = ['', ' ', 'x'.repeat(100_000), '向左移动 🧭 ünïcödé', 'a\u0000b\u0007c\u001b[31m', '\n\n\n', 'Action: Action:', '{"json": true}'];

/** The reward range a scoring kind allows. */
const RANGES: Record<EnvManifest['scoring']['kind'], [number, number]> = {
  binary: [0, 1],
  signed: [-1, 1],
  decay: [0, 1],
  '0-100': [-100, 100],
  progress: [0, 1],
};

const servers: Server[] = [];
/** A fresh server per test: a keep-alive socket idle through a long test would be reset under the next. */
async function baseUrl(): Promise<string> {
  const server = createServer(createHttpApp());
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((done) => s.close(done))));
});

describe.each(ENVS.map((m) => [m.id, m] as const))('%s', (_id, manifest) => {
  const [lo, hi] = RANGES[manifest.scoring.kind];

  it('has a sane manifest', () => {
    expect(manifest.id).toMatch(/^[a-z][a-z0-9-]*$/);
    expect(manifest.title.trim()).not.toBe('');
    expect(manifest.summary.length).toBeGreaterThan(10);
    expect(Number.isInteger(manifest.itemCount) && manifest.itemCount > 0).toBe(true);
    expect(manifest.maxRounds).toBeGreaterThan(0);
    expect(manifest.dataVersion).toMatch(/\S/);
    expect(new Set(manifest.evalItems).size).toBe(manifest.evalItems.length);
    for (const i of manifest.evalItems) expect(Number.isInteger(i) && i >= 0 && i < manifest.itemCount, `eval item ${i}`).toBe(true);
    for (const d of manifest.downloads) expect(d.path.startsWith('/') || d.path.includes('..'), d.path).toBe(false);
  });

  it('has an agent format that turns any reply into an action or a message, never throwing', async () => {
    const format = await manifest.format();
    expect(format.id).toMatch(/\S/);
    expect(format.instruction.length).toBeGreaterThan(50);
    for (const reply of [...BAD_ACTIONS, 'Thought: hmm.\nAction: look', 'Action: a\nAction: b', 'Thought: x</s>']) {
      const parse = format.extractAction(reply);
      expect(typeof ('action' in parse ? parse.action : parse.invalid)).toBe('string');
    }
  });

  it('resets on its first and last item and refuses one past the end', async () => {
    const s = await open(manifest);
    for (const item of [0, lastPlayable(manifest)]) {
      const snap = await s.reset(item);
      expect(snap.observation.length, `item ${item}`).toBeGreaterThan(0);
      expect(snap).toMatchObject({ reward: 0, done: false });
    }
    await expect(s.reset(manifest.itemCount)).rejects.toThrow('out of range');
    // An item that can't start yet says so, naming what is missing.
    const unplayable = [manifest.itemCount - 1, lastPlayable(manifest) + 1].find((i) => i < manifest.itemCount && !isPlayable(manifest, i));
    if (unplayable !== undefined) await expect(s.reset(unplayable)).rejects.toThrow(/not built yet/);
    await s.close();
  });

  it('has an eval split of items that can start', () => {
    for (const i of manifest.evalItems) expect(isPlayable(manifest, i), `eval item ${i}`).toBe(true);
  });

  it('answers bad actions without throwing, with a reward in range', async () => {
    const item = manifest.evalItems[0] ?? 0;
    for (const bad of BAD_ACTIONS) {
      const s = await open(manifest);
      await s.reset(item);
      const snap = await s.step(bad);
      expect(typeof snap.observation, JSON.stringify(bad.slice(0, 20))).toBe('string');
      expect(snap.reward).toBeGreaterThanOrEqual(lo);
      expect(snap.reward).toBeLessThanOrEqual(hi);
      await s.close();
    }
  });

  it('ends within its own step limit, if it declares one', async () => {
    if (manifest.stepLimit === undefined) return;
    expect(manifest.stepLimit).toBeLessThan(manifest.maxRounds);
    const s = await open(manifest);
    let snap: Snapshot = await s.reset(manifest.evalItems[0] ?? 0);
    let steps = 0;
    while (!snap.done && !snap.truncated && steps < manifest.maxRounds) {
      snap = await s.step('zzzzz');
      steps++;
    }
    expect(steps).toBe(manifest.stepLimit);
    await s.close();
  });

  it('refuses steps after the episode ends', async () => {
    const s = await open(manifest);
    let snap: Snapshot = await s.reset(manifest.evalItems[0] ?? 0);
    for (let i = 0; i < 200 && !snap.done && !snap.truncated; i++) snap = await s.step(i % 2 ? '' : 'jump');
    if (snap.done || snap.truncated) await expect(s.step('')).rejects.toThrow('The episode has finished');
    await s.close();
  });

  it('plays the same item the same way twice, and matches its golden transcripts', async () => {
    const golden = readTranscripts(manifest);
    expect(golden, `no golden transcripts for ${manifest.id}: run npm run goldens -- ${manifest.id}`).not.toBeNull();
    expect(golden!.dataVersion, `${manifest.id}'s data version changed: re-record with npm run goldens -- ${manifest.id}`).toBe(manifest.dataVersion);
    for (const ep of golden!.episodes) {
      const first = await playActions(manifest, ep.item, ep.actions);
      expect(await playActions(manifest, ep.item, ep.actions), `item ${ep.item} twice`).toEqual(first);
      expect(first, `item ${ep.item}: what an agent sees changed; bump dataVersion and re-record (npm run goldens -- ${manifest.id}) if intended`).toEqual(ep);
    }
  });

  // A live env (WebArena's browser) takes seconds per episode: the whole split gets minutes.
  it('is solved on every eval item by its oracle, if it has one', { timeout: 300_000 }, async () => {
    const make = (await loadModule(manifest)).oracle;
    if (!make) return;
    for (const item of manifest.evalItems) {
      const s = await open(manifest);
      const oracle = make();
      let snap: Snapshot = await s.reset(item);
      let rounds = 0;
      while (!snap.done && !snap.truncated && rounds < manifest.maxRounds) {
        snap = await s.step(oracle.next(snap.observation));
        rounds++;
      }
      expect(snap.done && isSuccess(manifest.scoring, snap.reward), `item ${item}: reward ${snap.reward} after ${rounds} rounds`).toBe(true);
      await s.close();
    }
  });

  it("answers AgentGym's HTTP routes", async () => {
    const { http } = await loadModule(manifest);
    const base = `${await baseUrl()}/${manifest.id}`;
    const idField = http.idField ?? 'id';
    const post = async (route: string, body: unknown) => {
      const res = await fetch(`${base}/${route}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      return { status: res.status, json: (await res.json()) as unknown };
    };
    const created = await post('create', http.createItemField ? { [http.createItemField]: 0 } : {});
    expect(created.status).toBe(200);
    const id = typeof created.json === 'number' ? created.json : (created.json as Record<string, unknown>)[idField] ?? (created.json as Record<string, unknown>).id;
    expect(typeof id).toBe('number');
    const reset = await post('reset', { [idField]: id, [http.resetField]: manifest.evalItems[0] ?? 0 });
    expect(reset.status).toBe(200);
    const step = await post('step', { [idField]: id, action: 'look' });
    expect(step.status).toBe(200);
    expect(typeof (step.json as Record<string, unknown>).done).toBe('boolean');
    expect((await fetch(`${base}/observation?${idField}=${id}`)).status).toBe(200);
    expect(await post('close', { [idField]: id })).toEqual({ status: 200, json: true });
    expect((await post('step', { [idField]: id, action: 'look' })).status).toBe(404);
  });
});
