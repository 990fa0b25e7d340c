/**
 * Memory and CPU of the Chromium this process started, from Linux /proc. A page's dedicated
 * workers are threads of its renderer, so the renderer's RSS covers the page and its workers,
 * which CDP's per-page heap metrics do not; CPU is split by thread, so a run on a busy machine
 * still shows what each part costs per episode. Other programs' Chromiums (not descended from
 * this process) are left out. Everything is null where /proc is missing.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** CPU seconds by where they were spent. */
export interface CpuSeconds {
  /** The renderer's main thread: the page, the benchmark runner. */
  page: number;
  /** Dedicated worker threads: the envs. */
  workers: number;
  /** The browser process: IndexedDB's backend, IPC. */
  browser: number;
  /** Everything else (renderer helper threads, GPU and utility processes). */
  other: number;
}

const TICKS_PER_SECOND = 100;

interface Proc {
  pid: number;
  type: string;
}

function read(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null; // the process or thread ended while we looked
  }
}

/** Chromium processes descended from this one, with their --type (the browser has none). */
function ourChromium(): Proc[] | null {
  let pids: number[];
  try {
    pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p)).map(Number);
  } catch {
    return null;
  }
  const parent = new Map<number, number>();
  for (const pid of pids) {
    const ppid = /^PPid:\s+(\d+)/m.exec(read(`/proc/${pid}/status`) ?? '')?.[1];
    if (ppid) parent.set(pid, Number(ppid));
  }
  const ours = (pid: number) => {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) if (p === process.pid) return true;
    return false;
  };
  const out: Proc[] = [];
  for (const pid of pids) {
    if (!ours(pid)) continue;
    const cmdline = read(`/proc/${pid}/cmdline`) ?? '';
    if (!cmdline.includes('chrom')) continue;
    out.push({ pid, type: /--type=([\w-]+)/.exec(cmdline)?.[1] ?? 'browser' });
  }
  return out;
}

/**
 * Reads the bytes resident in our renderer processes (the page and its workers). The processes
 * are found once, when it is made: finding them walks all of /proc, which took 30 ms on a busy
 * machine and, sampled every few milliseconds, ate the CPU the benchmark was being timed on.
 * A page's workers are threads of its renderer, so the set does not change while a page runs.
 */
export function rendererRss(): () => number | null {
  const renderers = ourChromium()?.filter((p) => p.type === 'renderer') ?? null;
  return () => {
    if (!renderers) return null;
    let kb = 0;
    for (const p of renderers) kb += Number(/^VmRSS:\s+(\d+)/m.exec(read(`/proc/${p.pid}/status`) ?? '')?.[1] ?? 0);
    return kb * 1024;
  };
}

/** CPU used so far by our Chromium, split by thread. */
export function chromiumCpu(): CpuSeconds | null {
  const procs = ourChromium();
  if (!procs) return null;
  const cpu: CpuSeconds = { page: 0, workers: 0, browser: 0, other: 0 };
  for (const p of procs) {
    let tids: string[];
    try {
      tids = readdirSync(`/proc/${p.pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tids) {
      const stat = read(`/proc/${p.pid}/task/${tid}/stat`);
      if (!stat) continue;
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const seconds = (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND; // utime + stime
      const where: keyof CpuSeconds =
        p.type === 'browser' ? 'browser' : p.type !== 'renderer' ? 'other' : Number(tid) === p.pid ? 'page' : name.startsWith('DedicatedWorker') ? 'workers' : 'other';
      cpu[where] += seconds;
    }
  }
  return cpu;
}
