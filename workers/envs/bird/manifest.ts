import type { EnvManifest } from '../contract.ts';
import { evalSplit } from '../splits.ts';

export const bird: EnvManifest = {
  id: 'bird',
  title: 'BIRD (text-to-SQL)',
  summary: 'Answer a question about an SQLite database with one SQL query, scored on its result rows.',
  agentgym: true,
  // Our 200 questions (static-data/bird-questions.json); the conformance suite checks the count.
  itemCount: 200,
  evalItems: evalSplit('bird'),
  maxRounds: 1,
  dataVersion: 'bird-vega-1',
  // Exceptions an agent has to ask for: a query stopped by its time limit (query.ts), and SQL that
  // reads SQLite's clock ('now', CURRENT_DATE) or its random() / randomblob().
  deterministic: true,
  scoring: { kind: 'binary', success: { atLeast: 1 }, headline: 'success-rate' },
  revealLabel: 'Show the gold query and its result',
  // Sizes are checked against the files by bird.test.ts.
  downloads: [
    { path: 'bird-questions.json', bytes: 74_792, what: 'questions, evidence and gold SQL' },
    { path: 'bird-tables.json', bytes: 7_977, what: 'database schemas' },
    { path: 'bird/us_flights.sqlite', bytes: 974_848, what: 'airports, flights and routes' },
    { path: 'bird/city_weather.sqlite', bytes: 163_840, what: 'Seattle and New York daily weather' },
    { path: 'bird/world_development.sqlite', bytes: 57_344, what: 'Gapminder country indicators' },
    { path: 'bird/european_football.sqlite', bytes: 380_928, what: 'five European football leagues' },
    { path: 'bird/palmer_penguins.sqlite', bytes: 32_768, what: 'Palmer Station penguins' },
  ],
  format: () => import('./format.ts').then((m) => m.format),
  load: () => import('./index.ts').then((m) => m.module),
};
