/**
 * Movie's tools over the offline film world (static-data/tools-movie.json, built by
 * scripts/data/movie.ts), with the result shapes of Toolusage's movie_tools.py over TMDB's API v3:
 * top hit only for searches, first 10 cast, crew with every director/producer/writer first, and
 * TMDB's 404 body for unknown ids. Overviews and biographies are written from the record's fields.
 */
import type { ToolOutcome, ToolSuite } from '../tools/engine.ts';
import { dict, int, isDict, PyError, type PyDict, type PyValue } from '../tools/py.ts';

export interface Film {
  title: string;
  /** "YYYY-MM-DD" */
  date: string;
  budget: number;
  revenue: number;
  rating: number;
  genres: string[];
  companies: string[];
  /** ISO 3166-1 codes. */
  countries: string[];
  keywords: string[];
  /** [country code, title] */
  alt: [string, string][];
  /** [person index, character] in billing order. */
  cast: [number, string][];
  /** [person index, job] */
  crew: [number, string][];
}

export interface Person {
  name: string;
  birthday: string | null;
  place: string | null;
  /** Known-for department, for the biography ("Acting", "Directing"...). */
  dept: string;
  imdb: string;
  facebook: string | null;
  instagram: string | null;
  twitter: string | null;
}

export interface MovieData {
  films: Film[];
  people: Person[];
}

/**
 * The shipped form (static-data/tools-movie.json), compact: rows instead of objects, strings that
 * repeat as indices into vocabularies, and what can be derived at load left out: a seeded cast
 * member's character, a person's IMDb id and social handles.
 */
export interface MovieFile {
  genres: string[];
  companies: string[];
  keywords: string[];
  places: string[];
  depts: string[];
  films: FilmRow[];
  people: PersonRow[];
}

/** title, date, budget, revenue, rating, genres, companies, countries, keywords, alt titles, cast, crew (one person per CREW_JOBS entry). */
export type FilmRow = [string, string, number, number, number, number[], number[], string[], number[], [string, string][], CastRow[], number[]];
/** A cast member: a person index, with the character when a task names it. */
export type CastRow = number | [number, string];
/** name, birthday, place index, department index, which social handles exist (bits: facebook 1, instagram 2, twitter 4). */
export type PersonRow = [string, string | null, number | null, number, number];

export const CREW_JOBS = ['Director', 'Producer', 'Producer', 'Screenplay', 'Original Music Composer'];
const CHARACTER_FIRST = ['Jack', 'Sam', 'Kate', 'Leo', 'Mia', 'Frank', 'Eve', 'Max', 'Ruby', 'Tom', 'Iris', 'Ben', 'Vera', 'Hank', 'Nora', 'Cole'];
const CHARACTER_LAST = ['Miller', 'Reyes', 'Carter', 'Brooks', 'Hayes', 'Porter', 'Quinn', 'Walsh', 'Doyle', 'Shaw', 'Boone', 'Frost'];

/** The seeded character of cast slot `slot` of film `film`. */
function characterName(film: number, slot: number): string {
  const h = Math.imul(film * 31 + slot + 1, 0x9e3779b1) >>> 0;
  return `${CHARACTER_FIRST[h % CHARACTER_FIRST.length]} ${CHARACTER_LAST[(h >>> 8) % CHARACTER_LAST.length]}`;
}

export function decodeMovies(file: MovieFile): MovieData {
  const films = file.films.map((r, fi): Film => ({
    title: r[0],
    date: r[1],
    budget: r[2],
    revenue: r[3],
    rating: r[4],
    genres: r[5].map((g) => file.genres[g]),
    companies: r[6].map((c) => file.companies[c]),
    countries: r[7],
    keywords: r[8].map((k) => file.keywords[k]),
    alt: r[9],
    cast: r[10].map((c, slot) => (typeof c === 'number' ? [c, characterName(fi, slot)] : c)),
    crew: r[11].map((p, k) => [p, CREW_JOBS[k]]),
  }));
  const people = file.people.map(([name, birthday, place, dept, social], i): Person => {
    const handle = name.toLowerCase().replace(/[^a-z]/g, '');
    return {
      name,
      birthday,
      place: place === null ? null : file.places[place],
      dept: file.depts[dept],
      imdb: `nm${String(1_000_000 + ((i * 7919) % 9_000_000)).padStart(7, '0')}`,
      facebook: social & 1 ? handle : null,
      instagram: social & 2 ? `${handle}official` : null,
      twitter: social & 4 ? `${handle}${i % 100}` : null,
    };
  });
  return { films, people };
}

/** TMDB's genre ids (its /genre/movie/list). */
export const GENRE_IDS: Record<string, number> = {
  Action: 28, Adventure: 12, Animation: 16, Comedy: 35, Crime: 80, Documentary: 99, Drama: 18, Family: 10751, Fantasy: 14,
  History: 36, Horror: 27, Music: 10402, Mystery: 9648, Romance: 10749, 'Science Fiction': 878, Thriller: 53, War: 10752, Western: 37,
};
export const COUNTRY_NAMES: Record<string, string> = {
  US: 'United States of America', GB: 'United Kingdom', CA: 'Canada', DE: 'Germany', FR: 'France', AU: 'Australia', NZ: 'New Zealand', JP: 'Japan', CN: 'China', IT: 'Italy', ES: 'Spain', MX: 'Mexico',
};

/** The translations TMDB lists and AgentGym keeps (its six countries): country, language, native and English name. */
const TRANSLATIONS: [string, string, string, string][] = [
  ['US', 'en', 'English', 'English'],
  ['NL', 'nl', 'Nederlands', 'Dutch'],
  ['CN', 'zh', '普通话', 'Mandarin'],
  ['DE', 'de', 'Deutsch', 'German'],
  ['RU', 'ru', 'Pусский', 'Russian'],
  ['JP', 'ja', '日本語', 'Japanese'],
];

/** An overview from a film's genre, director and year, per language (the genre only in English). */
const OVERVIEWS: Record<string, (genre: string, director: string | null, year: string) => string> = {
  en: (g, d, y) => `A ${g} film${d ? ` directed by ${d}` : ''}, released in ${y}.`,
  nl: (_, d, y) => `Een film${d ? ` van ${d}` : ''} uit ${y}.`,
  zh: (_, d, y) => (d ? `由${d}执导的电影，于${y}年上映。` : `于${y}年上映的电影。`),
  de: (_, d, y) => `Ein Film${d ? ` von ${d}` : ''} aus dem Jahr ${y}.`,
  ru: (_, d, y) => (d ? `Фильм режиссёра ${d}, вышедший в ${y} году.` : `Фильм, вышедший в ${y} году.`),
  ja: (_, d, y) => (d ? `${d}監督による${y}年公開の映画。` : `${y}年公開の映画。`),
};

/** Ids as TMDB hands them out in our world: films from 100 in steps of 3, people from 10,000. */
export const filmId = (i: number) => 100 + 3 * i;
export const personId = (i: number) => 10_000 + i;
const NOT_FOUND = '{"success":false,"status_code":34,"status_message":"The resource you requested could not be found."}';
const MUST_JOBS = ['Director', 'Producer', 'Writer', 'Screenplay'];

/** The index behind an id as the URL would carry it (`str(movie_id)`), or -1. */
function indexOf(v: PyValue, toId: (i: number) => number, count: number, step: number, base: number): number {
  const text = typeof v === 'bigint' ? v.toString() : typeof v === 'string' ? v.trim() : '';
  if (!/^\d{1,9}$/.test(text)) return -1;
  const i = (Number(text) - base) / step;
  return Number.isInteger(i) && i >= 0 && i < count && toId(i) === Number(text) ? i : -1;
}

/** Lower case, no accents or punctuation, single spaces: how searches compare names. */
export function normalise(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

export class MovieWorld {
  private readonly filmsByName = new Map<string, number[]>();
  private readonly peopleByName = new Map<string, number>();

  constructor(readonly data: MovieData) {
    data.films.forEach((f, i) => {
      const k = normalise(f.title);
      this.filmsByName.set(k, [...(this.filmsByName.get(k) ?? []), i]);
    });
    for (const list of this.filmsByName.values()) list.sort((a, b) => data.films[b].revenue - data.films[a].revenue);
    data.people.forEach((p, i) => {
      if (!this.peopleByName.has(normalise(p.name))) this.peopleByName.set(normalise(p.name), i);
    });
  }

  /** The top search hit: an exact title first (highest revenue), else the biggest title containing the query. */
  searchFilm(query: string): number | null {
    const q = normalise(query);
    if (!q) return null;
    const exact = this.filmsByName.get(q);
    if (exact) return exact[0];
    let best: number | null = null;
    this.data.films.forEach((f, i) => {
      if (normalise(f.title).includes(q) && (best === null || f.revenue > this.data.films[best].revenue)) best = i;
    });
    return best;
  }

  searchPerson(query: string): number | null {
    return this.peopleByName.get(normalise(query)) ?? null;
  }

  film(v: PyValue): number {
    return indexOf(v, filmId, this.data.films.length, 3, 100);
  }

  person(v: PyValue): number {
    return indexOf(v, personId, this.data.people.length, 1, 10_000);
  }

  /** The overview written from the record, in English or one of the translation languages. */
  overview(f: Film, language = 'en'): string {
    const credit = f.crew.find(([, job]) => job === 'Director');
    const director = credit ? this.data.people[credit[0]].name : null;
    const year = f.date.slice(0, 4);
    const genre = (f.genres[0] ?? 'feature').toLowerCase();
    return (OVERVIEWS[language] ?? OVERVIEWS.en)(genre, director, year);
  }

  biography(p: Person): string {
    const born = p.birthday ? ` (born ${p.birthday}${p.place ? ` in ${p.place}` : ''})` : '';
    const work = p.dept === 'Acting' ? 'an actor' : p.dept === 'Directing' ? 'a film director' : 'a film maker';
    return `${p.name}${born} is ${work}.`;
  }
}

const ok = (result: PyValue): ToolOutcome => ({ ok: true, result });
const missing = (): ToolOutcome => ({ ok: false, result: NOT_FOUND });

/** Python's str() of a search query, as requests sends it. */
const query = (v: PyValue): string => (typeof v === 'string' ? v : v === null ? '' : String(v));

function filmTool(w: MovieWorld, shape: (f: Film, id: number) => PyValue) {
  return {
    args: ['movie_id'],
    run: ([id]: PyValue[]) => {
      const i = w.film(id);
      return i < 0 ? missing() : ok(shape(w.data.films[i], filmId(i)));
    },
  };
}

function personTool(w: MovieWorld, shape: (p: Person, i: number) => PyValue) {
  return {
    args: ['person_id'],
    run: ([id]: PyValue[]) => {
      const i = w.person(id);
      return i < 0 ? missing() : ok(shape(w.data.people[i], i));
    },
  };
}

/** Movie_tools' subgoal cleaning: these keys are dropped from a dict or from each dict of a list. */
const IGNORED = ['overview', 'biography', 'vote_average', 'genres', 'revenue', 'budget', 'release_date'];

function clean(r: PyValue): PyValue {
  const strip = (d: PyDict) => new Map([...d].filter(([k]) => !IGNORED.includes(k)));
  if (Array.isArray(r)) return r.map((x) => (isDict(x) ? strip(x) : x));
  return isDict(r) ? strip(r) : r;
}

export function movieSuite(w: MovieWorld): ToolSuite<null> {
  const people = w.data.people;
  const credits = (i: number) => {
    const cast: PyValue[] = [];
    const crew: PyValue[] = [];
    w.data.films.forEach((f, fi) => {
      for (const [p, character] of f.cast) if (p === i) cast.push(dict({ id: int(filmId(fi)), title: f.title, character }));
      for (const [p, job] of f.crew) if (p === i) crew.push(dict({ id: int(filmId(fi)), title: f.title, job }));
    });
    return { cast, crew };
  };
  return {
    validActions: [
      'get_search_movie', 'get_movie_details', 'get_movie_production_companies', 'get_movie_production_countries', 'get_movie_cast',
      'get_movie_crew', 'get_movie_keywords', 'get_search_person', 'get_person_details', 'get_person_cast', 'get_person_crew',
      'get_person_external_ids', 'get_movie_alternative_titles', 'get_movie_translation', 'check_valid_actions', 'finish',
    ],
    start: () => null,
    clean,
    tools: {
      get_search_movie: {
        args: ['movie_name'],
        run: ([name]) => {
          const i = w.searchFilm(query(name));
          // movie_tools reads data["results"][0] without a check.
          if (i === null) throw new PyError('IndexError', 'list index out of range');
          const f = w.data.films[i];
          return ok([dict({ id: int(filmId(i)), overview: w.overview(f), title: f.title })]);
        },
      },
      get_movie_details: filmTool(w, (f) =>
        dict({
          title: f.title,
          budget: int(f.budget),
          genres: f.genres.map((g) => dict({ id: int(GENRE_IDS[g]), name: g })),
          revenue: int(f.revenue),
          vote_average: f.rating,
          release_date: f.date,
        }),
      ),
      get_movie_production_companies: filmTool(w, (f) =>
        dict({ production_companies: f.companies.map((name) => dict({ id: int(companyId(name)), logo_path: null, name, origin_country: 'US' })) }),
      ),
      get_movie_production_countries: filmTool(w, (f) =>
        dict({ production_countries: f.countries.map((c) => dict({ iso_3166_1: c, name: COUNTRY_NAMES[c] ?? c })) }),
      ),
      get_movie_cast: filmTool(w, (f) => dict({ cast: f.cast.slice(0, 10).map(([p, character]) => dict({ id: int(personId(p)), name: people[p].name, character })) })),
      get_movie_crew: filmTool(w, (f) => {
        const entry = ([p, job]: [number, string]) => dict({ id: int(personId(p)), name: people[p].name, job });
        const crew = f.crew.filter(([, job]) => MUST_JOBS.includes(job));
        const ids = new Set(crew.map(([p]) => p));
        for (const c of f.crew) {
          if (crew.length >= 10) break;
          if (!ids.has(c[0])) crew.push(c);
        }
        return dict({ crew: crew.map(entry) });
      }),
      get_movie_keywords: filmTool(w, (f) => dict({ keywords: [...f.keywords] })),
      get_movie_alternative_titles: filmTool(w, (f, id) => dict({ id: int(id), titles: f.alt.map(([c, title]) => dict({ iso_3166_1: c, title, type: '' })) })),
      get_movie_translation: filmTool(w, (f, id) =>
        dict({
          id: int(id),
          translations: TRANSLATIONS.map(([country, language, name, englishName]) =>
            dict({ iso_3166_1: country, iso_639_1: language, name, english_name: englishName, data: dict({ homepage: '', overview: w.overview(f, language), tagline: '' }) }),
          ),
        }),
      ),
      get_search_person: {
        args: ['person_name'],
        run: ([name]) => {
          const i = w.searchPerson(query(name));
          return ok(i === null ? [] : [dict({ id: int(personId(i)), name: people[i].name })]);
        },
      },
      get_person_details: personTool(w, (p) => dict({ name: p.name, biography: w.biography(p), birthday: p.birthday, place_of_birth: p.place })),
      get_person_cast: personTool(w, (_, i) => dict({ cast: credits(i).cast.slice(0, 10) })),
      get_person_crew: personTool(w, (_, i) => dict({ crew: credits(i).crew.slice(0, 10) })),
      get_person_external_ids: personTool(w, (p) => dict({ imdb_id: p.imdb, facebook_id: p.facebook, instagram_id: p.instagram, twitter_id: p.twitter })),
    },
  };
}

/** A stable company id from its name (TMDB's are arbitrary integers). */
function companyId(name: string): number {
  let h = 7;
  for (const ch of name) h = (h * 31 + ch.charCodeAt(0)) % 100_000;
  return h + 1;
}
