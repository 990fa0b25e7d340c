/**
 * Perf probe page for `npm run perf:history` (built apart from the app): `seedHistory(n)` stores n
 * episodes through the app's store; after a reload, `openHistory()` mounts the real History view
 * and times its first page, ten older pages (each scrolled through first), two filters, a text
 * search, sorting by reward (and three pages of it) and ticking a page for deletion, with every
 * long task (PerformanceObserver 'longtask') seen meanwhile. Called via Playwright.
 */
import { mount, tick } from 'svelte';
import '../../src/app.css';
import HistoryView from '../../src/views/HistoryView.svelte';
import { putEpisodes } from '../../src/lib/store.ts';
import { RESULT_LABEL } from '../../src/lib/outcome.ts';
import { episode, rng } from './seed.ts';

const longTasks: PerformanceEntry[] = [];
new PerformanceObserver((list) => longTasks.push(...list.getEntries())).observe({ type: 'longtask', buffered: true });

async function seedHistory(count: number): Promise<number> {
  const r = rng(42);
  const t = performance.now();
  for (let i = 0; i < count; i += 500) await putEpisodes(Array.from({ length: Math.min(500, count - i) }, (_, k) => episode(i + k, r)));
  return performance.now() - t;
}

const rows = () => document.querySelectorAll('[data-testid="history-row"]');

/** Resolves when `done()` holds, checked every frame; the time it took. */
async function until(done: () => boolean, since = performance.now()): Promise<number> {
  while (!done()) await new Promise(requestAnimationFrame);
  return performance.now() - since;
}

/** Where each measured phase began, to say which one a long task fell in. */
const phases: { name: string; at: number }[] = [];
function phase(name: string): number {
  const at = performance.now();
  phases.push({ name, at });
  return at;
}

export interface HistoryTiming {
  openMs: number;
  /** Time for each further page of 50 ("Older episodes", after scrolling through the page). */
  pageMs: number[];
  filterEnvMs: number;
  filterOutcomeMs: number;
  /** From the last key typed in the search box to its results (the box waits 250 ms for more typing). */
  searchMs: number;
  /** Sorting everything by reward, then each of three further pages of that order. */
  sortRewardMs: number;
  sortPageMs: number[];
  /** Ticking "Select this page" until the count shows 50 selected. */
  selectPageMs: number;
  rowsShown: number;
  /** Long tasks (> 50 ms) by phase: [phase, start ms after opening, duration ms]. */
  longTasks: [string, number, number][];
  longestTaskMs: number;
}

async function openHistory(): Promise<HistoryTiming> {
  const t0 = phase('open');
  mount(HistoryView, { target: document.getElementById('app')!, props: { openId: null } });
  const openMs = await until(() => rows().length >= 50, t0);
  const select = (id: string, value: string) => {
    const el = document.getElementById(id) as HTMLSelectElement;
    el.value = [...el.options].find((o) => o.textContent === value)!.value;
    el.dispatchEvent(new Event('change'));
  };
  // History opens on hand play (a quarter of the seed); the rest is measured over every episode.
  const agents = () => new Set([...rows()].map((r) => r.children[3].textContent?.trim()));
  const showAll = async () => {
    select('f-source', 'All');
    await until(() => agents().size > 1);
  };
  phase('all sources');
  await showAll();
  const pageMs: number[] = [];
  const range = () => document.querySelector('[data-testid="history-range"]')?.textContent;
  for (let p = 1; p <= 10; p++) {
    // Scroll down through the page, a screen a frame, as a person reading it would.
    for (let y = 0; y < document.body.scrollHeight; y += innerHeight) {
      window.scrollTo(0, y);
      await new Promise(requestAnimationFrame);
    }
    const t = phase(`page ${p + 1}`);
    [...document.querySelectorAll('button')].find((b) => b.textContent === 'Older episodes')!.click();
    pageMs.push(await until(() => range() === `${p * 50 + 1}–${p * 50 + 50}`, t));
  }
  window.scrollTo(0, 0);
  const cells = (i: number) => [...rows()].map((r) => r.children[i].textContent?.trim());
  let t = phase('filter env');
  select('f-env', 'TextCraft');
  const filterEnvMs = await until(() => rows().length > 0 && cells(1).every((c) => c === 'TextCraft'), t);
  t = phase('filter outcome');
  const truncated = RESULT_LABEL.truncated.toLowerCase();
  select('f-result', truncated);
  const filterOutcomeMs = await until(() => rows().length > 0 && cells(6).every((c) => c === truncated), t);
  t = phase('clear filters');
  [...document.querySelectorAll('button')].find((b) => b.textContent === 'Clear filters')!.click();
  await until(() => range() === '1–50' && cells(1).some((c) => c !== 'TextCraft'), t);
  await showAll();
  // A text search walks every header: the seed's goals differ only in item ids.
  t = phase('search');
  const box = document.getElementById('f-text') as HTMLInputElement;
  box.value = 'wordle_13';
  box.dispatchEvent(new Event('input'));
  const searchMs = await until(() => rows().length > 0 && cells(2).every((c) => c === 'wordle_13'), t);
  box.value = '';
  box.dispatchEvent(new Event('input'));
  await until(() => cells(2).some((c) => c !== 'wordle_13'));
  t = phase('sort by reward');
  const sortSelect = document.getElementById('f-sort') as HTMLSelectElement;
  sortSelect.value = 'reward-high';
  sortSelect.dispatchEvent(new Event('change'));
  const sortRewardMs = await until(() => rows().length === 50 && cells(5).every((c) => c === '1') && range() === '1–50', t);
  const sortPageMs: number[] = [];
  for (let p = 1; p <= 3; p++) {
    t = phase(`sort page ${p + 1}`);
    [...document.querySelectorAll('button')].find((b) => b.textContent === 'Older episodes')!.click();
    sortPageMs.push(await until(() => range() === `${p * 50 + 1}–${p * 50 + 50}`, t));
  }
  t = phase('select page');
  (document.querySelector('input[aria-label="Select this page"]') as HTMLInputElement).click();
  const selectPageMs = await until(() => document.querySelector('[data-testid="selected-count"]')?.textContent === '50 episodes selected', t);
  await tick();
  const seen = longTasks.filter((e) => e.startTime >= t0);
  const phaseOf = (at: number) => phases.filter((p) => p.at <= at).at(-1)?.name ?? '?';
  return {
    openMs, pageMs, filterEnvMs, filterOutcomeMs, searchMs, sortRewardMs, sortPageMs, selectPageMs, rowsShown: rows().length,
    longTasks: seen.map((e) => [phaseOf(e.startTime), Math.round(e.startTime - t0), Math.round(e.duration)]),
    longestTaskMs: Math.max(0, ...seen.map((e) => e.duration)),
  };
}

declare global {
  interface Window {
    seedHistory: typeof seedHistory;
    openHistory: typeof openHistory;
  }
}
window.seedHistory = seedHistory;
window.openHistory = openHistory;
