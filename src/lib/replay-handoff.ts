/**
 * Hand-over to the Replay view of an episode too long for a link (a WebArena episode carries its
 * page observations): History leaves it here and navigates to #/replay, which picks it up once,
 * as if the episode's file had been opened there.
 */
import type { Decoded } from './share/types.ts';

let pending: Decoded | null = null;

export function handOffReplay(d: Decoded): void {
  pending = d;
}

export function takeReplay(): Decoded | null {
  const d = pending;
  pending = null;
  return d;
}
