import type { EnvManifest } from '../contract.ts';
import { evalSplit } from '../splits.ts';

export const weather: EnvManifest = {
  id: 'weather',
  title: 'Weather',
  summary: 'Answer weather questions by calling geocoding, temperature, rain, snow and air-quality tools.',
  agentgym: true,
  itemCount: 343,
  evalItems: evalSplit('weather'),
  maxRounds: 10,
  dataVersion: 'tools-weather-4',
  deterministic: true,
  live: { services: "open-meteo's geocoding, archive, air-quality and elevation APIs" },
  scoring: { kind: 'progress', success: { atLeast: 1 }, headline: 'success-rate' },
  answerFields: [['answer', 'Answer']],
  downloads: [{ path: 'tools-weather.json', bytes: 404411, what: 'the gazetteer (7,329 cities, 24 other places with their elevations) and the 343 tasks' }],
  format: () => import('./format.ts').then((m) => m.format),
  load: () => import('./index.ts').then((m) => m.module),
};
