/**
 * Movie (AgentGym's agentenv-tool, Toolusage's movie env) on AgentGym's 238 tasks, offline.
 * AgentGym calls TMDB's live API with a private key; we serve TMDB's tool surface and result
 * shapes from a film world built from vega-datasets' 3,200 films (69 more planted) with seeded people and credits
 * (scripts/data/movie.ts), with every entity a covered goal names or describes planted into it (film-facts.ts).
 * - Answers: where a goal template has a reference program (solutions.ts; 229 of 238 goals), the
 *   gold answer is recomputed in our world; the 9 with no definable answer (awards, television,
 *   beyond 12 rounds; movie.test.ts lists them and why) keep AgentGym's (detail(): `recomputed`). Facts vega has (budgets,
 *   revenues, release dates, directors, IMDB ratings as vote_average) are real, of vega's
 *   vintage (films up to 2010); cast, characters, writers, composers, birthplaces, birthdays,
 *   keywords, handles and films newer than vega's are invented.
 * - Live mode (live.ts, off by default): every tool calls TMDB v3 with the user's own token, as
 *   AgentGym's do, through a backend the worker or Node side injects; scored against AgentGym's answers.
 * - Eval split: the first task of 20 of the 39 templates, chosen to cover every kind of lookup
 *   (details, comparisons, credits, people, companies, keywords, cast) with near-duplicates left out.
 * - Searches: exact normalised title (highest revenue first), else the highest-revenue title
 *   containing the query; people by exact normalised name. Translations: AgentGym's six languages,
 *   each overview written from the record.
 */
import { toolModule } from '../tools/module.ts';
import { movieLiveTools } from './live.ts';
import { solveMovie } from './solutions.ts';
import { decodeMovies, MovieWorld, movieSuite, type MovieFile } from './world.ts';

export const module = toolModule(
  'tools-movie.json',
  (d) => {
    if (!Array.isArray(d.films) || !Array.isArray(d.people)) throw new Error('tools-movie.json: no films or people');
    return movieSuite(new MovieWorld(decodeMovies(d as unknown as MovieFile)));
  },
  solveMovie,
  movieLiveTools,
);
