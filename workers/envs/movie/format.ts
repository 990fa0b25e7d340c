import { toolFormat, type ToolDoc } from '../tools/format.ts';

const movie = { movie_id: 'a film id from get_search_movie' };
const person = { person_id: 'a person id from get_search_person' };

const TOOLS: ToolDoc[] = [
  { name: 'get_search_movie', args: { movie_name: 'a film title' }, does: 'the best-matching film: its id, overview and title.' },
  { name: 'get_movie_details', args: movie, does: "a film's title, budget, genres, revenue, average vote and release date." },
  { name: 'get_movie_production_companies', args: movie, does: "a film's production companies." },
  { name: 'get_movie_production_countries', args: movie, does: "a film's production countries." },
  { name: 'get_movie_cast', args: movie, does: "a film's top-billed actors and their characters." },
  { name: 'get_movie_crew', args: movie, does: "a film's directors, producers and writers, then other crew." },
  { name: 'get_movie_keywords', args: movie, does: "a film's keywords." },
  { name: 'get_movie_alternative_titles', args: movie, does: "a film's titles in other countries." },
  { name: 'get_movie_translation', args: movie, does: "a film's overview in other languages." },
  { name: 'get_search_person', args: { person_name: 'a name' }, does: 'the best-matching person: id and name (an empty list if none).' },
  { name: 'get_person_details', args: person, does: "a person's name, biography, birthday and place of birth." },
  { name: 'get_person_cast', args: person, does: 'films a person acted in, with the characters.' },
  { name: 'get_person_crew', args: person, does: 'films a person worked on behind the camera, with the jobs.' },
  { name: 'get_person_external_ids', args: person, does: "a person's IMDb, Facebook, Instagram and Twitter ids." },
];

export const format = toolFormat(
  'movie-ours-1',
  'You answer questions about films and the people who make them with a set of film-database tools. Look films and people up by name first to get their ids.',
  TOOLS,
  'for the budget of a film, call get_search_movie with {"movie_name": "<title>"}, then get_movie_details with {"movie_id": <its id>}, and finish with {"answer": <the budget>}.',
);
