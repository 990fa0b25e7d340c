/**
 * What happens when the browser will not store what the app saves: a full quota (Chromium's
 * QuotaExceededError has an empty message, so the raw error shows nothing), storage cleared
 * under a running page, or IndexedDB held up by another tab. Saves go through `guardSave`, which
 * never throws: the episode keeps playing in memory, the failure becomes one persistent banner
 * (StorageBanner.svelte) saying what is saved, what is not, and how to free space, and the
 * unsaved episodes stay available to export. Kept apart from store.ts so the store can change freely.
 */
import type { EpisodeRecord } from './records.ts';

export type StorageProblemKind = 'quota' | 'cleared' | 'blocked' | 'unknown';

export interface StorageProblem {
  kind: StorageProblemKind;
  /** Plain words for the banner; never the raw (possibly empty) browser message alone. */
  message: string;
  /** The browser's own error name and message, for a bug report. */
  detail: string;
}

/** A save that has not answered after this long is reported (it may still finish). */
const SLOW_SAVE_MS = 10_000;

/** Name the failure from the error's name (what browsers set reliably), not its message. */
export function classifyStorageError(e: unknown): StorageProblem {
  const name = e instanceof Error || e instanceof DOMException ? e.name : '';
  const raw = e instanceof Error || e instanceof DOMException ? e.message : String(e);
  const detail = `${name || 'Error'}: ${raw || '(the browser gave no message)'}`;
  const inner = e instanceof Error && e.cause instanceof Error ? e.cause.name : '';
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') {
    return { kind: 'quota', message: 'The browser refused to save: this site has used up its storage quota (the disk may be nearly full).', detail };
  }
  // A connection closed under us, or a database deleted by "clear site data" in another tab.
  if (name === 'InvalidStateError' || name === 'NotFoundError' || name === 'UnknownError') {
    return { kind: 'cleared', message: "The browser's storage for this site was cleared or closed while the app was running.", detail };
  }
  if (name === 'VersionError' || name === 'AbortError') {
    return { kind: 'blocked', message: 'The database is held by another tab of this app (an older version?): close the other tabs and reload.', detail };
  }
  return { kind: 'unknown', message: 'The browser could not save.', detail };
}

class StorageHealth {
  problem = $state<StorageProblem | null>(null);
  /** Episodes whose latest state is not stored, by id: what the banner offers to export. */
  unsaved = $state<Record<string, EpisodeRecord>>({});
  /** Episodes whose latest state is stored since the problem began (saving may recover). */
  savedSince = $state(0);
  /** Steps stored of each episode saved in this tab: what "saved up to step N" says. */
  readonly savedSteps = new Map<string, number>();

  report(problem: StorageProblem): void {
    // The first cause is the useful one; a "cleared" after a "quota" is the same outage.
    this.problem ??= problem;
  }

  dismiss(): void {
    this.problem = null;
    this.unsaved = {};
    this.savedSince = 0;
  }
}

export const storageHealth = new StorageHealth();

/**
 * Save an episode's latest state without ever throwing. Returns whether it was stored. While a
 * problem is shown, a save that works again takes the episode off the unsaved list.
 */
export async function guardSave(ep: EpisodeRecord, save: () => Promise<void>): Promise<boolean> {
  const slow = setTimeout(
    () => storageHealth.report({ kind: 'blocked', message: 'Saving is not answering: another tab of this app may be holding the database. Close other tabs of this app.', detail: `no answer within ${SLOW_SAVE_MS / 1000} s` }),
    SLOW_SAVE_MS,
  );
  try {
    await save();
    storageHealth.savedSteps.set(ep.id, ep.steps.length);
    if (ep.id in storageHealth.unsaved) {
      const { [ep.id]: _now, ...rest } = storageHealth.unsaved;
      storageHealth.unsaved = rest;
    }
    if (storageHealth.problem) storageHealth.savedSince++;
    return true;
  } catch (e) {
    storageHealth.report(classifyStorageError(e));
    storageHealth.unsaved = { ...storageHealth.unsaved, [ep.id]: $state.snapshot(ep) as EpisodeRecord };
    return false;
  } finally {
    clearTimeout(slow);
  }
}

/** Ask the browser not to evict this site's data under pressure (before a long benchmark). */
export async function requestPersistentStorage(): Promise<boolean> {
  try {
    return (await navigator.storage?.persist?.()) ?? false;
  } catch {
    return false;
  }
}
