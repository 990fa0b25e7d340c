import type { EnvManifest } from '../contract.ts';
import { evalSplit } from '../splits.ts';

export const movie: EnvManifest = {
  id: 'movie',
  title: 'Movie',
  summary: 'Answer questions about films and people by calling TMDB-style search, details and credits tools.',
  agentgym: true,
  itemCount: 238,
  evalItems: evalSplit('movie'),
  maxRounds: 12,
  dataVersion: 'tools-movie-3',
  deterministic: true,
  live: { services: "TMDB's API v3, with your own API read-access token", key: 'tmdb' },
  scoring: { kind: 'progress', success: { atLeast: 1 }, headline: 'success-rate' },
  answerFields: [['answer', 'Answer']],
  downloads: [{ path: 'tools-movie.json', bytes: 634681, what: 'the film world (3,269 films, 2,191 people) and the 238 tasks' }],
  format: () => import('./format.ts').then((m) => m.format),
  load: () => import('./index.ts').then((m) => m.module),
};
