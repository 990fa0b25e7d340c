import type { EnvManifest } from '../contract.ts';
import { evalSplit } from '../splits.ts';

export const sciworld: EnvManifest = {
  id: 'sciworld',
  title: 'SciWorld',
  summary: 'Carry out a science task (boil, melt, freeze, change state; measure a temperature or a melting point with a thermometer; power a component, test electrical conductivity; find a living or non-living thing, a plant, an animal; mix a substance or a paint colour; pick the longest- or shortest-lived animal; follow an animal or a plant through its life stages; time a block down two inclined planes to tell the steeper or the rougher; grow a plant from seed; tell which trait of a pea plant is dominant) in a text simulation of a house, ported from ScienceWorld.',
  agentgym: true,
  // AgentGym's 23 reachable task types, every variation: data_idx 0-4638, all built: the matter
  // family (1-1..1-4, items 0-119), the thermometer family (2-1..2-3, items 120-1395), the
  // electricity family (3-1..3-4, items 1396-2935), the find family (4-1..4-4, items 2936-4135),
  // the chemistry family (6-1..6-3, items 4136-4239) and the life families (lifespans 7-1..7-3 and
  // life stages 8-1, 8-2: items 4240-4638).
  // Then the seven types AgentGym skips (5-x, 9-x, 10-x), items 4639-7206, not in AgentGym; built:
  // grow plant (5-1), the inclined planes (9-1..9-3) and Mendelian genetics of a known pea plant
  // (10-1). Grow fruit (5-2, items 4765-4890) is built but not playable: no known way finishes it
  // within 30 rounds in most variations. 10-2 is not built.
  itemCount: 7207,
  playableRanges: [
    [0, 4764],
    [4891, 6726],
  ],
  evalItems: evalSplit('sciworld'),
  maxRounds: 30,
  dataVersion: 'sciworld-3',
  deterministic: true,
  scoring: { kind: '0-100', success: { atLeast: 100 }, headline: 'mean-reward' },
  downloads: [],
  format: () => import('./format.ts').then((m) => m.format),
  load: () => import('./index.ts').then((m) => m.module),
};
