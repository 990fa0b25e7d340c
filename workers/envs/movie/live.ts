/**
 * Movie's live mode: every tool of AgentGym's movie_tools.py against TMDB's API v3, with its
 * endpoints, the search parameters, the user's bearer token and its reply shaping, sent through
 * the injected backend. A non-200 reply is the failed result, TMDB's own text.
 */
import type { HttpRequest, LiveBackend } from '../contract.ts';
import type { LiveTool, ToolOutcome } from '../tools/engine.ts';
import { at, getJson, item, list, pathPart, pick, query, without } from '../tools/live.ts';
import { isDict, PyError, pyEquals, typeName, type PyValue } from '../tools/py.ts';

export const TMDB = 'https://api.themoviedb.org/3';

/** `requests.get(url, params=..., headers=...)` as the tool sends it (an empty token stays empty). */
function request(path: string, b: LiveBackend, params?: Record<string, PyValue>): HttpRequest {
  return { url: `${TMDB}${path}`, query: params ? query(params) : [], headers: { Authorization: `Bearer ${b.tmdbToken ?? ''}` } };
}

/** A tool: GET the path for the argument, shape a 200 reply, else return the reply's text. */
function tool(arg: 'movie_id' | 'person_id' | 'movie_name' | 'person_name', path: (v: PyValue) => string, shape: (body: PyValue) => PyValue, search = false): LiveTool<null> {
  return {
    args: [arg],
    run: async ([v], _, b): Promise<ToolOutcome> => {
      // The search tools share one params dict, filled in this order.
      const reply = await getJson(b, request(path(v), b, search ? { query: v, include_adult: 'false', language: 'en-US', page: '1' } : undefined));
      return reply.ok ? { ok: true, result: shape(reply.body) } : { ok: false, result: reply.text };
    },
  };
}

const movie = (suffix = '') => (id: PyValue) => `/movie/${pathPart(id)}${suffix}`;
const person = (suffix = '') => (id: PyValue) => `/person/${pathPart(id)}${suffix}`;

/** `[{k: x[k] for the keys} for x in v[:n]]`. */
function firstOf(v: PyValue, keys: readonly string[], n = Infinity): PyValue[] {
  return list(v)
    .slice(0, n)
    .map((x) => pick(x, keys));
}

/** Every director, producer and writer, then other crew members (by id) until there are 10. */
function crewOf(body: PyValue): PyValue {
  const all = list(item(body, 'crew'));
  const keys = ['id', 'name', 'job'];
  const crew = all.filter((c) => ['Director', 'Producer', 'Writer'].includes(item(c, 'job') as string)).map((c) => pick(c, keys));
  if (crew.length < 10) {
    const ids = crew.map((c) => item(c, 'id'));
    for (const c of all) {
      // The ids are those of the first pick only, as in the tool (a person may come twice).
      if (!ids.some((id) => pyEquals(id, item(c, 'id')))) crew.push(pick(c, keys));
      if (crew.length === 10) break;
    }
  }
  return new Map([['crew', crew]]);
}

/** TMDB translations in six countries, each without its title. */
function translationsOf(body: PyValue): PyValue {
  if (!isDict(body)) throw new PyError('TypeError', `'${typeName(body)}' object is not subscriptable`);
  const kept = list(item(body, 'translations'))
    .filter((t) => ['NL', 'CN', 'US', 'DE', 'RU', 'JP'].includes(item(t, 'iso_3166_1') as string))
    .map((t) => {
      const data = item(t, 'data');
      if (!isDict(data)) throw new PyError('AttributeError', `'${typeName(data)}' object has no attribute 'pop'`);
      item(data, 'title');
      return new Map([...(t as Map<string, PyValue>)].map(([k, x]) => [k, k === 'data' ? without(data, ['title']) : x]));
    });
  return new Map([...body].map(([k, x]) => [k, k === 'translations' ? kept : x]));
}

export const movieLiveTools: Readonly<Record<string, LiveTool<null>>> = {
  get_search_movie: tool('movie_name', () => '/search/movie', (d) => [pick(at(item(d, 'results'), 0), ['id', 'overview', 'title'])], true),
  get_movie_details: tool('movie_id', movie(), (d) => pick(d, ['title', 'budget', 'genres', 'revenue', 'vote_average', 'release_date'])),
  get_movie_production_companies: tool('movie_id', movie(), (d) => pick(d, ['production_companies'])),
  get_movie_production_countries: tool('movie_id', movie(), (d) => pick(d, ['production_countries'])),
  get_movie_cast: tool('movie_id', movie('/credits'), (d) => new Map([['cast', firstOf(item(d, 'cast'), ['id', 'name', 'character'], 10)]])),
  get_movie_crew: tool('movie_id', movie('/credits'), crewOf),
  get_movie_keywords: tool('movie_id', movie('/keywords'), (d) => new Map([['keywords', list(item(d, 'keywords')).map((k) => item(k, 'name'))]])),
  get_search_person: tool(
    'person_name',
    () => '/search/person',
    (d) => {
      const results = item(d, 'results');
      return list(results).length === 0 ? [] : [pick(at(results, 0), ['id', 'name'])];
    },
    true,
  ),
  get_person_details: tool('person_id', person(), (d) => pick(d, ['name', 'biography', 'birthday', 'place_of_birth'])),
  get_person_cast: tool('person_id', person('/movie_credits'), (d) => new Map([['cast', firstOf(item(d, 'cast'), ['id', 'title', 'character'], 10)]])),
  get_person_crew: tool('person_id', person('/movie_credits'), (d) => new Map([['crew', firstOf(item(d, 'crew'), ['id', 'title', 'job'], 10)]])),
  get_person_external_ids: tool('person_id', person('/external_ids'), (d) => pick(d, ['imdb_id', 'facebook_id', 'instagram_id', 'twitter_id'])),
  get_movie_alternative_titles: tool('movie_id', movie('/alternative_titles'), (d) => d),
  get_movie_translation: tool('movie_id', movie('/translations'), translationsOf),
};
