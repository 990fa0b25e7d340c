/**
 * Movie's offline world: the 3,200 films of `vega-datasets` movies.json (title, release date,
 * budget, worldwide gross as revenue, IMDB rating as vote_average, major genre, director,
 * distributor as production company) extended with seeded people, cast, crew, keywords, countries
 * and alternative titles; then every film and person that a goal covered by a reference template
 * names or describes is planted (created if missing, with the real release date where
 * film-facts.ts has it; put in the named film's cast; given its director or foreign title), and the answers are
 * recomputed by the reference programs. vega's known data errors: release years after 2012 are
 * 1900s dates written as 20xx (e.g. "2046" for 1946) and are moved back a century.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { RELEASES } from '../../workers/envs/movie/film-facts.ts';
import { solveMovie, TEMPLATES, type Plant } from '../../workers/envs/movie/solutions.ts';
import { decodeMovies, MovieWorld, movieSuite, normalise, type CastRow, type Film, type FilmRow, type MovieFile, type PersonRow } from '../../workers/envs/movie/world.ts';
import { Rng } from '../../workers/envs/rng.ts';
import type { DataGenerator } from './index.ts';
import { readTaskFile, recompute, type RawTask } from './tools-tasks.ts';

interface VegaFilm {
  Title: string | number | null;
  'Release Date': string | null;
  'Production Budget': number | null;
  'Worldwide Gross': number | null;
  'IMDB Rating': number | null;
  'Major Genre': string | null;
  'Creative Type': string | null;
  Source: string | null;
  Distributor: string | null;
  Director: string | null;
}

const GENRES: Record<string, string[]> = {
  Drama: ['Drama'], Comedy: ['Comedy'], Action: ['Action'], Adventure: ['Adventure'], 'Thriller/Suspense': ['Thriller'], Horror: ['Horror'],
  'Romantic Comedy': ['Romance', 'Comedy'], Musical: ['Music'], Documentary: ['Documentary'], Western: ['Western'], 'Black Comedy': ['Comedy'],
  'Concert/Performance': ['Music', 'Documentary'],
};
const CREATIVE_GENRE: Record<string, string> = { 'Science Fiction': 'Science Fiction', Fantasy: 'Fantasy', 'Historical Fiction': 'History', 'Kids Fiction': 'Family', 'Super Hero': 'Science Fiction' };
const SOURCE_KEYWORD: Record<string, string> = {
  'Based on Book/Short Story': 'based on novel or book', 'Based on Real Life Events': 'based on true story', Remake: 'remake', 'Based on TV': 'based on tv series',
  'Based on Comic/Graphic Novel': 'based on comic', 'Based on Play': 'based on play or musical', 'Based on Game': 'based on video game', 'Spin-Off': 'spin off',
};
const KEYWORDS = ['friendship', 'revenge', 'new york city', 'small town', 'family relationships', 'love', 'murder', 'road trip', 'heist', 'time travel', 'war', 'coming of age', 'dystopia', 'sequel', 'police'];
const FIRST = ['James', 'Maria', 'Robert', 'Linda', 'Michael', 'Susan', 'David', 'Karen', 'Daniel', 'Laura', 'Paul', 'Emily', 'Mark', 'Anna', 'Steven', 'Julia', 'Kevin', 'Rachel', 'Brian', 'Nina', 'Gary', 'Helen', 'Eric', 'Claire', 'Scott', 'Diane', 'Adam', 'Grace', 'Peter', 'Irene', 'Sean', 'Lucy', 'Victor', 'Rosa', 'Henry', 'Alice', 'Owen', 'Megan', 'Felix', 'Joan'];
const LAST = ['Harlow', 'Benning', 'Castell', 'Dorsey', 'Ellery', 'Fairbanks', 'Garland', 'Hollis', 'Ingram', 'Jarrett', 'Kendall', 'Lockwood', 'Marlowe', 'Norcross', 'Oakley', 'Pember', 'Quarles', 'Ramsay', 'Sutter', 'Thorne', 'Upton', 'Vance', 'Whitlock', 'Yardley', 'Ashby', 'Brenner', 'Colby', 'Draper', 'Easton', 'Fenwick', 'Gilmore', 'Hastings', 'Iverson', 'Jessup', 'Kearney', 'Langley', 'Merritt', 'Nolan', 'Prescott', 'Radley'];
const PLACES = [
  'Los Angeles, California, USA', 'New York City, New York, USA', 'Chicago, Illinois, USA', 'London, England, UK', 'Toronto, Ontario, Canada', 'Sydney, New South Wales, Australia',
  'Dublin, Ireland', 'Boston, Massachusetts, USA', 'Houston, Texas, USA', 'Manchester, England, UK', 'Paris, France', 'Berlin, Germany', 'San Francisco, California, USA', 'Atlanta, Georgia, USA',
];
const DEPTS = ['Acting', 'Directing', 'Production', 'Writing', 'Sound'];
const MONTHS: Record<string, string> = { Jan: '01', Feb: '02', Mar: '03', Apr: '04', May: '05', Jun: '06', Jul: '07', Aug: '08', Sep: '09', Oct: '10', Nov: '11', Dec: '12' };

function readVega(): VegaFilm[] {
  const dir = dirname(createRequire(import.meta.url).resolve('vega-datasets'));
  const raw: unknown = JSON.parse(readFileSync(join(dir, '..', 'data', 'movies.json'), 'utf8'));
  if (!Array.isArray(raw)) throw new Error('vega-datasets movies.json: expected an array');
  return raw as VegaFilm[];
}

/** "Jun 12 1998" -> "1998-06-12", with vega's 20xx-for-19xx years moved back. */
function isoDate(s: string): string | null {
  const m = /^([A-Z][a-z]{2}) (\d{2}) (\d{4})$/.exec(s);
  if (!m || !MONTHS[m[1]]) return null;
  const year = Number(m[3]) > 2012 ? Number(m[3]) - 100 : Number(m[3]);
  return `${year}-${MONTHS[m[1]]}-${m[2]}`;
}

/** A string list that hands out indices. */
class Vocab {
  readonly list: string[] = [];
  private readonly at = new Map<string, number>();
  of(s: string): number {
    if (!this.at.has(s)) this.at.set(s, this.list.push(s) - 1);
    return this.at.get(s)!;
  }
}

type FilmFigures = Pick<Film, 'title' | 'date' | 'budget' | 'revenue' | 'rating' | 'genres' | 'companies'>;

class Builder {
  readonly rng = new Rng('movie-world-1');
  readonly films: FilmRow[] = [];
  readonly people: PersonRow[] = [];
  readonly vocab = { genres: new Vocab(), companies: new Vocab(), keywords: new Vocab(), places: new Vocab(), depts: new Vocab() };
  private readonly byName = new Map<string, number>();
  private readonly pool: string[];
  private next = 0;

  constructor() {
    this.pool = this.rng.shuffle(FIRST.flatMap((f) => LAST.map((l) => `${f} ${l}`)));
    for (const d of DEPTS) this.vocab.depts.of(d);
  }

  /** The person named so, created with seeded details if new. */
  person(name: string, dept: string): number {
    const k = normalise(name);
    const known = this.byName.get(k);
    if (known !== undefined) return known;
    const r = this.rng;
    const birthday = `${1930 + r.int(70)}-${String(1 + r.int(12)).padStart(2, '0')}-${String(1 + r.int(28)).padStart(2, '0')}`;
    const social = (r.next() < 0.4 ? 1 : 0) | (r.next() < 0.5 ? 2 : 0) | (r.next() < 0.4 ? 4 : 0);
    this.people.push([name, birthday, this.vocab.places.of(r.pick(PLACES)), this.vocab.depts.of(dept), social]);
    this.byName.set(k, this.people.length - 1);
    return this.people.length - 1;
  }

  /** An invented person from the name pool. */
  somebody(dept: string): number {
    return this.person(this.pool[this.next++ % this.pool.length], dept);
  }

  film(f: FilmFigures, director: string | null, extraKeywords: string[]): void {
    const r = this.rng;
    const v = this.vocab;
    const cast: CastRow[] = [];
    for (let k = 0; k < 5; k++) cast.push(this.somebody('Acting'));
    const crew = [director ? this.person(director, 'Directing') : this.somebody('Directing'), this.somebody('Production'), this.somebody('Production'), this.somebody('Writing'), this.somebody('Sound')];
    const keywords = [...new Set([...extraKeywords, ...r.shuffle(KEYWORDS).slice(0, 1 + r.int(2))])].map((k) => v.keywords.of(k));
    const alt: [string, string][] = r.next() < 0.3 ? [[r.pick(['DE', 'FR', 'ES', 'IT']), `${f.title} (${f.date.slice(0, 4)})`]] : [];
    const countries = r.next() < 0.2 ? ['US', 'GB'] : ['US'];
    this.films.push([f.title, f.date, f.budget, f.revenue, f.rating, f.genres.map((g) => v.genres.of(g)), f.companies.map((c) => v.companies.of(c)), countries, keywords, alt, cast, crew]);
  }

  /** A film named by a goal that vega does not have: invented figures of a recent release. */
  plantFilm(title: string): void {
    const r = this.rng;
    const budget = (5 + r.int(200)) * 1_000_000;
    const seeded = `${2010 + r.int(14)}-${String(1 + r.int(12)).padStart(2, '0')}-${String(1 + r.int(28)).padStart(2, '0')}`;
    const date = RELEASES[title] ?? seeded;
    const genres = r.shuffle(NEW_GENRES).slice(0, 1 + r.int(2));
    this.film({ title, date, budget, revenue: Math.round(budget * (0.3 + r.next() * 4)), rating: Math.round((5 + r.next() * 4) * 1000) / 1000, genres, companies: [r.pick(COMPANIES)] }, null, []);
  }

  file(): MovieFile {
    const v = this.vocab;
    return { genres: v.genres.list, companies: v.companies.list, keywords: v.keywords.list, places: v.places.list, depts: v.depts.list, films: this.films, people: this.people };
  }
}

const NEW_GENRES = ['Action', 'Adventure', 'Comedy', 'Drama', 'Thriller', 'Science Fiction', 'Fantasy', 'Romance', 'Crime', 'Animation'];
const COMPANIES = ['Warner Bros.', 'Universal', 'Paramount Pictures', '20th Century Fox', 'Walt Disney Pictures', 'Sony Pictures', 'Lionsgate'];

function plant(b: Builder, world: () => MovieWorld, p: Plant): void {
  if ('film' in p) {
    if (world().searchFilm(p.film) === null) b.plantFilm(p.film);
  } else if ('person' in p) {
    // A person a goal asks about has every handle a goal may ask for.
    b.people[b.person(p.person, 'Acting')][4] = 7;
  } else if ('costar' in p) {
    const { film, character, other } = p.costar;
    const who = playing(b, world, film, character);
    if (who === null) return;
    if (world().searchFilm(other) === null) b.plantFilm(other);
    const cast = b.films[world().searchFilm(other)!][10];
    if (!cast.some((c) => castId(c) === who)) cast.unshift(who);
  } else if ('director' in p) {
    const { film, person } = p.director;
    if (world().searchFilm(film) === null) b.plantFilm(film);
    b.films[world().searchFilm(film)!][11][0] = b.person(person, 'Directing');
  } else if ('alt' in p) {
    const { film, country, title } = p.alt;
    if (world().searchFilm(film) === null) b.plantFilm(film);
    const alt = b.films[world().searchFilm(film)!][9];
    if (!alt.some(([c, t]) => c === country && t === title)) alt.push([country, title]);
  } else {
    const { film, person, character } = p.role;
    if (world().searchFilm(film) === null) b.plantFilm(film);
    const cast = b.films[world().searchFilm(film)!][10];
    if (person === null && character !== null && playing(b, world, film, character) !== null) return;
    // Nobody named: the first billed member without a named character takes the role, and has
    // every handle, since goals ask for the player's ids.
    const who = person === null ? castId(cast.find((c) => typeof c === 'number') ?? cast[0]) : b.person(person, 'Acting');
    if (person === null) b.people[who][4] = 7;
    const at = cast.findIndex((c) => castId(c) === who);
    if (at < 0) cast.unshift(character === null ? who : [who, character]);
    else if (character !== null) cast[at] = [who, character];
  }
}

const castId = (c: CastRow) => (typeof c === 'number' ? c : c[0]);

/** Who plays `character` in the film a title finds, if anyone. */
function playing(b: Builder, world: () => MovieWorld, film: string, character: string): number | null {
  const i = world().searchFilm(film);
  // TMDB names a role "Tony Stark / Iron Man": either name finds it.
  const hit = i === null ? undefined : b.films[i][10].find((c) => typeof c !== 'number' && (c[1] === character || c[1].split(' / ').includes(character)));
  return hit === undefined ? null : castId(hit);
}

export function buildMovieData(tasks: readonly RawTask[]): MovieFile {
  const b = new Builder();
  for (const v of readVega()) {
    const date = v['Release Date'] && isoDate(v['Release Date']);
    if (v.Title === null || !date) continue;
    const genres = [...new Set([...(GENRES[v['Major Genre'] ?? ''] ?? ['Drama']), ...(CREATIVE_GENRE[v['Creative Type'] ?? ''] ? [CREATIVE_GENRE[v['Creative Type']!]] : [])])];
    const keywords = [SOURCE_KEYWORD[v.Source ?? ''], v['Creative Type']?.toLowerCase()].filter((k): k is string => !!k);
    b.film(
      { title: String(v.Title), date, budget: v['Production Budget'] ?? 0, revenue: v['Worldwide Gross'] ?? 0, rating: v['IMDB Rating'] ?? 0, genres, companies: v.Distributor ? [v.Distributor] : [] },
      v.Director,
      keywords,
    );
  }
  // Planting needs searches over the films so far; the index is rebuilt only after a change.
  let cached: MovieWorld | null = null;
  let size = -1;
  const world = () => {
    if (!cached || size !== b.films.length) [cached, size] = [new MovieWorld(decodeMovies(b.file())), b.films.length];
    return cached;
  };
  // Named people take their roles before anyone is picked to play a character nobody was named
  // for, and co-stars are placed last: then "whoever plays Batman" is the actor another goal names.
  const plants = tasks.flatMap((t) => {
    const tpl = TEMPLATES.find((x) => x.pattern.test(t.goal));
    return tpl ? tpl.plant(tpl.pattern.exec(t.goal)!) : [];
  });
  const rank = (p: Plant) => ('costar' in p ? 2 : 'role' in p && p.role.person === null ? 1 : 0);
  for (const p of plants.sort((x, y) => rank(x) - rank(y))) plant(b, world, p);
  return b.file();
}

export const movieData: DataGenerator = () => {
  const raw = readTaskFile('movie');
  const data = buildMovieData(raw);
  const tasks = recompute(raw, movieSuite(new MovieWorld(decodeMovies(data))), solveMovie);
  return { 'tools-movie.json': JSON.stringify({ ...data, tasks }) + '\n' };
};
