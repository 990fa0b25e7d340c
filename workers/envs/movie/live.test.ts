/** Movie's live mode against a loopback stand-in for TMDB v3: the user's token, AgentGym's requests and result shapes. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { nodeDataSource } from '../../node-data-source.ts';
import { EnvSession } from '../../session.ts';
import { replyCache } from '../../live-cache.ts';
import { startLiveApis, type LiveApis } from '../../../testing/live-apis.ts';
import { movie } from './manifest.ts';

const act = (tool: string, input: string) => `Thought: t\nAction: ${tool} with Action Input: ${input}`;
const said = (observation: string) => observation.replace(/^Observation: /, '').replace(/\nGive me one action\.$/, '');

const NOT_FOUND = '{"success":false,"status_code":34,"status_message":"The resource you requested could not be found."}';
const crew = [
  { id: 1, name: 'Ann Sound', job: 'Sound Designer' },
  { id: 525, name: 'Christopher Nolan', job: 'Director' },
  { id: 1, name: 'Ann Sound', job: 'Sound Mixer' },
  { id: 3, name: 'Emma Thomas', job: 'Producer' },
  { id: 4, name: 'Cole Editor', job: 'Editor' },
];

let apis: LiveApis;

beforeEach(async () => {
  // Each test sees the service afresh: replies cached by an earlier test would hide its requests.
  await replyCache().clear();
  apis = await startLiveApis({
    'api.themoviedb.org/3/search/movie': (q) => ({
      body:
        q.get('query') === 'No Such Film'
          ? '{"page":1,"results":[],"total_pages":1,"total_results":0}'
          : '{"page":1,"results":[{"adult":false,"id":155,"overview":"Batman raises the stakes.","title":"The Dark Knight","release_date":"2008-07-16","vote_average":8.5}],"total_pages":1}',
    }),
    'api.themoviedb.org/3/search/person': { body: '{"page":1,"results":[],"total_pages":1,"total_results":0}' },
    'api.themoviedb.org/3/movie/155/credits': { body: JSON.stringify({ id: 155, cast: [], crew: crew.map((c) => ({ ...c, department: 'x', popularity: 1.5 })) }) },
    'api.themoviedb.org/3/movie/155': { body: '{"id":155,"title":"The Dark Knight","budget":185000000,"genres":[{"id":18,"name":"Drama"}],"revenue":1004558444,"vote_average":8.516,"release_date":"2008-07-16","runtime":152}' },
    'api.themoviedb.org/3/movie/155/translations': {
      body: '{"id":155,"translations":[{"iso_3166_1":"DE","iso_639_1":"de","name":"Deutsch","data":{"homepage":"","overview":"Batman...","runtime":152,"tagline":"","title":"The Dark Knight"}},{"iso_3166_1":"FR","iso_639_1":"fr","name":"Fran\\u00e7ais","data":{"title":"x"}}]}',
    },
    'api.themoviedb.org/3/movie/1': { status: 404, body: NOT_FOUND },
  });
  vi.stubGlobal('fetch', apis.fetch);
});

afterEach(async () => {
  vi.unstubAllGlobals();
  await apis.close();
});

describe('Movie in live mode', () => {
  it('sends the user\'s token and AgentGym\'s search parameters, and shapes replies as its tools do', async () => {
    const s = await EnvSession.open(movie, nodeDataSource, { live: { tmdbToken: 'my-tmdb-token' } });
    await s.reset(1);
    expect(said((await s.step(act('get_search_movie', '{"movie_name": "The Dark Knight"}'))).observation)).toBe("[{'id': 155, 'overview': 'Batman raises the stakes.', 'title': 'The Dark Knight'}]");
    expect(apis.seen.at(-1)).toMatchObject({ path: '/3/search/movie', query: [['query', 'The Dark Knight'], ['include_adult', 'false'], ['language', 'en-US'], ['page', '1']] });
    expect(apis.seen.at(-1)?.headers.authorization).toBe('Bearer my-tmdb-token');

    expect(said((await s.step(act('get_movie_details', '{"movie_id": 155}'))).observation)).toBe(
      "{'title': 'The Dark Knight', 'budget': 185000000, 'genres': [{'id': 18, 'name': 'Drama'}], 'revenue': 1004558444, 'vote_average': 8.516, 'release_date': '2008-07-16'}",
    );
    // Director and producer first, then the others until ten (a person twice: only the first pick's ids are checked).
    expect(said((await s.step(act('get_movie_crew', '{"movie_id": 155}'))).observation)).toBe(
      "{'crew': [{'id': 525, 'name': 'Christopher Nolan', 'job': 'Director'}, {'id': 3, 'name': 'Emma Thomas', 'job': 'Producer'}, {'id': 1, 'name': 'Ann Sound', 'job': 'Sound Designer'}, {'id': 1, 'name': 'Ann Sound', 'job': 'Sound Mixer'}, {'id': 4, 'name': 'Cole Editor', 'job': 'Editor'}]}",
    );
    expect(said((await s.step(act('get_movie_translation', '{"movie_id": "155"}'))).observation)).toBe(
      "{'id': 155, 'translations': [{'iso_3166_1': 'DE', 'iso_639_1': 'de', 'name': 'Deutsch', 'data': {'homepage': '', 'overview': 'Batman...', 'runtime': 152, 'tagline': ''}}]}",
    );
    expect(apis.seen.at(-1)?.path).toBe('/3/movie/155/translations');
  });

  it('returns TMDB\'s error text and raises what the tools raise on empty results', async () => {
    const s = await EnvSession.open(movie, nodeDataSource, { live: { tmdbToken: 't' } });
    await s.reset(1);
    const missing = await s.step(act('get_movie_details', '{"movie_id": 1}'));
    expect(said(missing.observation)).toBe(NOT_FOUND);
    expect(said((await s.step(act('get_search_movie', '{"movie_name": "No Such Film"}'))).observation)).toBe('ERROR | IndexError(list index out of range)');
    expect(said((await s.step(act('get_search_person', '{"person_name": "Nobody"}'))).observation)).toBe('[]');
    // Scored against AgentGym's answer ("No"), which the offline world does not recompute for this goal.
    expect(await s.step(act('finish', '{"answer": "No"}'))).toMatchObject({ reward: 1, done: true });
  });

  it('will not go live without a TMDB token, and stays offline by default', async () => {
    await expect(EnvSession.open(movie, nodeDataSource, { live: {} })).rejects.toThrow(/needs your TMDB API token/);
    const s = await EnvSession.open(movie, nodeDataSource);
    await s.reset(1);
    expect(said((await s.step(act('get_search_movie', '{"movie_name": "The Dark Knight"}'))).observation)).toMatch(/^\[\{'id': \d+, 'overview': /);
    expect(apis.seen).toEqual([]);
  });
});
