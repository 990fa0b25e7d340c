/**
 * ALFWorld's oracle: the game's own walkthrough (ALFWorld's expert commands in the 2.1.1 wording,
 * always within AgentGym's 30 rounds), found from the reset observation through the note the env
 * made at reset. Where that note is out of reach (the env runs in a Web Worker and the oracle in
 * the page), the observation-only planner plays instead (it may need up to 50 steps).
 */
import priors from '../../../static-data/alfworld/priors.json' with { type: 'json' };
import type { ObservationOracle } from '../contract.ts';
import { resetNote } from './episodes.ts';
import { ObservationPlanner } from './planner.ts';

class Walkthrough implements ObservationOracle {
  private at = 0;

  constructor(private readonly plan: readonly string[]) {}

  next(): string {
    return this.plan[this.at++] ?? 'look';
  }
}

export class AlfWorldOracle implements ObservationOracle {
  private player: ObservationOracle | null = null;

  next(observation: string): string {
    // The first call gets the reset observation.
    if (!this.player) {
      const note = resetNote(observation);
      this.player = note ? new Walkthrough(note.walkthrough) : new ObservationPlanner(priors);
    }
    return this.player.next(observation);
  }
}
