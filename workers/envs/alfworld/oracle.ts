/**
 * The walkthrough oracle: the game's expert commands (ALFWorld's own walkthrough, in the 2.1.1
 * wording), found from the reset observation through the note the env made at reset.
 */
import type { ObservationOracle } from '../contract.ts';
import { resetNote } from './episodes.ts';

export class WalkthroughOracle implements ObservationOracle {
  private plan: readonly string[] | null = null;
  private at = 0;

  next(observation: string): string {
    // The first call gets the reset observation; an unknown one leaves the oracle looking around.
    this.plan ??= resetNote(observation)?.walkthrough ?? [];
    return this.plan[this.at++] ?? 'look';
  }
}
