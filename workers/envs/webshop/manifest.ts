import type { EnvManifest } from '../contract.ts';
import { evalSplit } from '../splits.ts';

export const webshop: EnvManifest = {
  id: 'webshop',
  title: 'WebShop',
  summary: 'Search a web shop and buy the product an instruction describes, with the right options, under a price (WebShop-style goals over a built-in catalogue, not AgentGym\'s own).',
  agentgym: true,
  // WebShop's goal algorithm over the built-in catalogue (a test checks this count).
  itemCount: 1710,
  evalItems: evalSplit('webshop'),
  maxRounds: 10,
  dataVersion: 'webshop-1',
  deterministic: true,
  scoring: { kind: 'binary', success: { atLeast: 1 }, headline: 'success-rate' },
  answerFields: [['goal', 'Goal']],
  downloads: [
    { path: 'webshop-items.json', bytes: 978263, what: 'the built-in catalogue: 1,415 products' },
    { path: 'webshop-attributes.json', bytes: 139525, what: "WebShop's attributes and instructions per product" },
  ],
  format: () => import('./format.ts').then((m) => m.format),
  load: () => import('./index.ts').then((m) => m.module),
};
