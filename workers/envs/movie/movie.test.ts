import { describe, expect, it } from 'vitest';
import { call, openToolEnv, oracleOnAllRecomputed, toolEnvBasics } from '../testing/tool-envs.ts';
import { movie } from './manifest.ts';
import { TEMPLATES } from './solutions.ts';

/** Tasks no answer can be defined for with TMDB's tools in our world (or within Movie's 12 rounds). */
const UNDEFINABLE: Record<number, string> = {
  22: 'whether La La Land won an Oscar: no TMDB tool reports awards',
  82: 'whether The Return of the King won an Academy Award: no TMDB tool reports awards',
  93: 'whether The Revenant won an Academy Award: no TMDB tool reports awards',
  123: "who won Best Supporting Actress for 12 Years a Slave: no tool reports awards, and the goal names no role",
  160: "a director's television debut: the tools cover films only",
  161: 'the year of a television directing award: the tools cover films only, and report no awards',
  208: "the mean vote of Martin Scorsese's films: 10 credits need 10 detail calls, 13 rounds with the search, the credits and finish",
  217: "Ridley Scott's film with the most production countries: 10 credits need 10 country calls, beyond the 12 rounds",
  230: "Clint Eastwood's best-rated film: 10 credits need 10 detail calls, beyond the 12 rounds",
};

describe('Movie', () => {
  toolEnvBasics(movie, TEMPLATES);
  oracleOnAllRecomputed(movie, 229, UNDEFINABLE);

  it("answers in TMDB's shapes, with vega's figures where it has the film", async () => {
    const env = await openToolEnv(movie);
    env.reset(18); // the budget of Inception
    const hit = call(env, 'get_search_movie', '{"movie_name": "inception"}');
    const m = /^\[\{'id': (\d+), 'overview': 'A thriller film directed by Christopher Nolan, released in 2010\.', 'title': 'Inception'\}\]$/.exec(hit);
    expect(m, hit).not.toBeNull();
    expect(call(env, 'get_movie_details', `{"movie_id": ${m![1]}}`)).toBe(
      "{'title': 'Inception', 'budget': 160000000, 'genres': [{'id': 53, 'name': 'Thriller'}, {'id': 878, 'name': 'Science Fiction'}], 'revenue': 753830280, 'vote_average': 9.1, 'release_date': '2010-07-16'}",
    );
    expect(call(env, 'get_movie_crew', `{"movie_id": "${m![1]}"}`)).toMatch(/^\{'crew': \[\{'id': \d+, 'name': 'Christopher Nolan', 'job': 'Director'\}, \{'id': \d+, 'name': '[^']+', 'job': 'Producer'\}, /);
    expect(call(env, 'get_movie_cast', `{"movie_id": ${m![1]}}`)).toMatch(/^\{'cast': \[(\{'id': \d+, 'name': '[^']+', 'character': '[^']+'\}(, )?){5,10}\]\}$/);
    expect(call(env, 'get_movie_details', '{"movie_id": 1}')).toBe('{"success":false,"status_code":34,"status_message":"The resource you requested could not be found."}');
    expect(call(env, 'get_search_movie', '{"movie_name": "zzzz no such film"}')).toBe('ERROR | IndexError(list index out of range)');
    expect(call(env, 'get_search_person', '{"movie_name": "x"}')).toBe("ERROR | KeyError('person_name')");
    expect(call(env, 'get_search_person', '{"person_name": "Nobody Atall"}')).toBe('[]');
    expect(call(env, 'get_search_person', '{"person_name": "christopher nolan"}')).toMatch(/^\[\{'id': \d+, 'name': 'Christopher Nolan'\}\]$/);
  });

  it('plants what covered goals name: Tom Hanks is in the cast of Saving Private Ryan', async () => {
    const env = await openToolEnv(movie);
    env.reset(41);
    const id = /'id': (\d+)/.exec(call(env, 'get_search_movie', '{"movie_name": "Saving Private Ryan"}'))![1];
    expect(call(env, 'get_movie_cast', `{"movie_id": ${id}}`)).toMatch(/^\{'cast': \[\{'id': \d+, 'name': 'Tom Hanks', 'character': '[^']+'\}/);
  });

  it('keeps AgentGym answers, flagged, where no template recomputes them', async () => {
    const env = await openToolEnv(movie);
    env.reset(22); // did La La Land win any Oscars? (our world has no awards)
    expect(env.detail()).toMatchObject({ recomputed: false, answer: ["'No'"], agentgymAnswer: ["'No'"] });
  });
});
