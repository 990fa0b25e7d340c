/**
 * Resident memory of the Chromium renderers this process started (Linux /proc): a page's
 * dedicated workers are threads of its renderer, so this covers the page and its workers, which
 * CDP's per-page heap metrics do not. Other programs' Chromiums (other descendants) are left out.
 */
import { readdirSync, readFileSync } from 'node:fs';

function status(pid: string): { ppid: number; rssKb: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(text)?.[1] ?? 0);
    return { ppid: field('PPid'), rssKb: field('VmRSS') };
  } catch {
    return null; // the process ended while we looked
  }
}

/** Bytes resident in renderer processes descended from this one; null where /proc is missing. */
export function rendererRssBytes(): number | null {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  } catch {
    return null;
  }
  const parent = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const p of pids) {
    const s = status(p);
    if (!s) continue;
    parent.set(Number(p), s.ppid);
    rss.set(Number(p), s.rssKb);
  }
  const ours = (pid: number) => {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) if (p === process.pid) return true;
    return false;
  };
  let kb = 0;
  for (const [pid, r] of rss) {
    if (!ours(pid)) continue;
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) kb += r;
    } catch {
      // ended meanwhile
    }
  }
  return kb * 1024;
}
