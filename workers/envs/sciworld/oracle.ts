import type { ObservationOracle } from '../contract.ts';
export class SciWorldOracle implements ObservationOracle {
  next(): string {
    return 'look around';
  }
}
