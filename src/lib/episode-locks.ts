/**
 * Which episodes some open page is still playing, across tabs, with the Web Locks API: a page holds
 * a lock named after each episode it plays, and the browser drops it when the page goes away (a
 * reload, a crash, a closed tab). Start-up marks stored episodes left running whose lock nobody
 * holds as interrupted.
 */
import { markInterrupted } from './store.ts';

const PREFIX = 'agentgym-episode:';

/** Hold the episode's lock until the returned function is called. */
export function holdEpisode(id: string): () => void {
  let release = () => {};
  const held = new Promise<void>((r) => (release = r));
  void navigator.locks?.request(PREFIX + id, () => held);
  return release;
}

async function liveEpisodes(): Promise<Set<string>> {
  const { held = [] } = (await navigator.locks?.query()) ?? {};
  return new Set(held.flatMap((l) => (l.name?.startsWith(PREFIX) ? [l.name.slice(PREFIX.length)] : [])));
}

let swept: Promise<number> | null = null;

/** Once per page load: mark the episodes whose runner is gone as interrupted (awaited by lists). */
export function sweepInterrupted(): Promise<number> {
  swept ??= liveEpisodes().then(markInterrupted);
  return swept;
}
