/**
 * Movie's reference solutions: goal templates over AgentGym's task texts, each a program of TMDB
 * tool calls, and the entities each goal names (`plant`), which the world builder makes sure exist
 * (a film, a person, a person in a film's cast with a given character). Readings fixed here: a
 * film's "rating" is vote_average, "earnings" are revenue, a profit is revenue > budget, the writer
 * is the first Screenplay credit, the composer the first Original Music Composer credit, and a
 * comparison answers with the film's name as the goal writes it.
 */
import { ask, asList, field, ProgramError, templateSolver, type Template } from '../tools/program.ts';
import type { PyValue } from '../tools/py.ts';
import { CASTING, describedFilm, DIRECTION, DESCRIBED, DIRECTOR_ALIASES, FOREIGN_TITLES, franchiseRole, FRANCHISE_ROLES, PORTRAYALS } from './film-facts.ts';

/** An entity a goal names: the world must have it (and, for a role, the person in that film's cast). */
export type Plant =
  | { film: string }
  | { person: string }
  | { role: { person: string | null; film: string; character: string | null } }
  /** Whoever plays `character` in `film` is also in `other`'s cast. */
  | { costar: { film: string; character: string; other: string } }
  /** `person` directed `film` (its first crew credit). */
  | { director: { film: string; person: string } }
  /** `film` has an alternative title in a country. */
  | { alt: { film: string; country: string; title: string } };

export interface MovieTemplate extends Template {
  plant(m: RegExpExecArray): Plant[];
}

const S = (v: PyValue) => String(v);
const yesNo = (b: boolean) => (b ? 'Yes' : 'No');
/** A film title, quoted with "..." or '...' or bare. */
const T = `["']?(?!(?:the (?:movie|film) )?directed )(.+?)["']?(?: \\(\\d{4}\\))?`;
/** A person's name, not a description ("the actress who played..."). */
const NAME = `((?!the )[A-Z][^?]*?)`;
const films = (...titles: string[]): Plant[] => titles.map((film) => ({ film }));

function* filmId(title: string) {
  return field(asList(yield* ask('get_search_movie', { movie_name: title }))[0], 'id');
}

function* details(title: string) {
  return yield* ask('get_movie_details', { movie_id: yield* filmId(title) });
}

function* crewWith(title: string, job: string) {
  const crew = asList(field(yield* ask('get_movie_crew', { movie_id: yield* filmId(title) }), 'crew'));
  return crew.filter((c) => field(c, 'job') === job).map((c) => S(field(c, 'name')));
}

function* personId(name: string) {
  const hit = asList(yield* ask('get_search_person', { person_name: name }))[0];
  if (hit === undefined) throw new ProgramError(`Nobody is called ${name}`);
  return field(hit, 'id');
}

function* cast(title: string) {
  return asList(field(yield* ask('get_movie_cast', { movie_id: yield* filmId(title) }), 'cast'));
}

const genreNames = (d: PyValue) => asList(field(d, 'genres')).map((g) => S(field(g, 'name')));
const names = (list: PyValue) => asList(list).map((x) => S(field(x, 'name')));

/** Compares one number of two films' details; the first film wins ties. */
function comparing(pattern: RegExp, key: string, higher: boolean): MovieTemplate {
  return {
    pattern,
    plant: ([, a, b]) => films(a, b),
    *program([, a, b]) {
      const x = Number(field(yield* details(a), key));
      const y = Number(field(yield* details(b), key));
      return (higher ? y > x : y < x) ? b : a;
    },
  };
}

/** The film of two released first; the first named wins ties. */
function releasedFirst(pattern: RegExp): MovieTemplate {
  return {
    pattern,
    plant: ([, a, b]) => films(a, b),
    *program([, a, b]) {
      const x = S(field(yield* details(a), 'release_date'));
      return S(field(yield* details(b), 'release_date')) < x ? b : a;
    },
  };
}

/** A film's list from a list tool (companies, countries, keywords), as names. */
function* entries(title: string, tool: string, key: string) {
  return asList(field(yield* ask(tool, { movie_id: yield* filmId(title) }), key)).map((x) => (typeof x === 'string' ? x : S(field(x, 'name'))));
}
const COUNTRIES: [string, string] = ['get_movie_production_countries', 'production_countries'];
const KEYWORDS: [string, string] = ['get_movie_keywords', 'keywords'];
const sameSet = (x: string[], y: string[]) => x.length === y.length && x.every((e) => y.includes(e));

/** The film of two with the longer list; the first named wins ties. */
function moreEntries(pattern: RegExp, [tool, key]: [string, string]): MovieTemplate {
  return {
    pattern,
    plant: ([, a, b]) => films(a, b),
    *program([, a, b]) {
      const x = (yield* entries(a, tool, key)).length;
      return (yield* entries(b, tool, key)).length > x ? b : a;
    },
  };
}

/** A list of one job's credits. */
function credits(pattern: RegExp, job: string): MovieTemplate {
  return {
    pattern,
    plant: ([, t]) => films(t),
    *program([, t]) {
      return yield* crewWith(t, job);
    },
  };
}

/** Yes/No on one number of two films' details. */
function morethan(pattern: RegExp, key: string): MovieTemplate {
  return {
    pattern,
    plant: ([, a, b]) => films(a, b),
    *program([, a, b]) {
      const x = Number(field(yield* details(a), key));
      return yesNo(x > Number(field(yield* details(b), key)));
    },
  };
}

/** Whether two films share an entry of a list tool's result (companies, countries, keywords). */
function sharing(pattern: RegExp, tool: string, key: string): MovieTemplate {
  return {
    pattern,
    plant: ([, a, b]) => films(a, b),
    *program([, a, b]) {
      const x = yield* entries(a, tool, key);
      return yesNo((yield* entries(b, tool, key)).some((e) => x.includes(e)));
    },
  };
}

/** One field of one film's details. */
function detail(pattern: RegExp, key: string): MovieTemplate {
  return {
    pattern,
    plant: ([, t]) => films(t),
    *program([, t]) {
      return field(yield* details(t), key);
    },
  };
}

/** The first credit of a job. */
function credit(pattern: RegExp, job: string): MovieTemplate {
  return {
    pattern,
    plant: ([, t]) => films(t),
    *program([, t]) {
      return (yield* crewWith(t, job))[0] ?? 'None';
    },
  };
}

/** One field of a person. */
function personField(pattern: RegExp, tool: 'get_person_details' | 'get_person_external_ids', key: string | ((m: RegExpExecArray) => string), nameGroup = 1): MovieTemplate {
  return {
    pattern,
    plant: (m) => [{ person: m[nameGroup] ?? m[nameGroup + 1] }],
    *program(m) {
      const id = yield* personId(m[nameGroup] ?? m[nameGroup + 1]);
      return field(yield* ask(tool, { person_id: id }), typeof key === 'string' ? key : key(m));
    },
  };
}

/** Whether a credit's character is `character`, also as one of TMDB's "Tony Stark / Iron Man" names. */
const plays = (credit: PyValue, character: string) => S(field(credit, 'character')).split(' / ').concat(S(field(credit, 'character'))).includes(character);

/** The cast member who plays `character` in `title` (a ProgramError when none does). */
function* player(title: string, character: string) {
  const hit = (yield* cast(title)).find((c) => plays(c, character));
  if (!hit) throw new ProgramError(`Nobody plays ${character} in ${title}`);
  return hit;
}

/** A field of a person's details or external ids, as a goal words it ("birthday", "IMDB ID"). */
function* personFact(id: PyValue, fact: string) {
  const ext = /^(\w+) ID$/i.exec(fact);
  if (ext) return field(yield* ask('get_person_external_ids', { person_id: id }), `${ext[1].toLowerCase()}_id`);
  const key = /^birth/.test(fact) ? 'birthday' : fact === 'place of birth' ? 'place_of_birth' : 'biography';
  return field(yield* ask('get_person_details', { person_id: id }), key);
}

/** Titles of a person's acting credits. */
function* actedIn(name: string) {
  return asList(field(yield* ask('get_person_cast', { person_id: yield* personId(name) }), 'cast')).map((c) => S(field(c, 'title')));
}

const FACT = '(birthday|birthdate|place of birth|biography|IMDB ID|Twitter ID|Instagram ID|Facebook ID)';

/** The franchises film-facts.ts knows, as a pattern. */
const FRANCHISES = [...new Set(FRANCHISE_ROLES.map((r) => r[1]))].map((f) => f.replace(/[.]/g, '\\.')).join('|');

export const TEMPLATES: MovieTemplate[] = [
  detail(new RegExp(`^What is the budget of (?:the movie )?${T}\\? Please provide the budget as a number`), 'budget'),
  detail(new RegExp(`^What is the release date of (?:the movie )?${T}\\? Please provide the date`), 'release_date'),
  detail(new RegExp(`^What is the average vote score of the movie ${T}\\?`), 'vote_average'),
  credit(new RegExp(`^Who directed the movie ${T}\\? Please answer`), 'Director'),
  credit(new RegExp(`^Who wrote the screenplay for (?:the movie )?${T}\\? Please answer me with the name of the writer as a string`), 'Screenplay'),
  credit(new RegExp(`^Who composed the music for ${T}\\? Please answer`), 'Original Music Composer'),
  comparing(/^Which movie has a higher revenue, "(.+?)" or "(.+?)"\?/, 'revenue', true),
  comparing(/^(.+?) versus (.+?), which has a higher rating\?/, 'vote_average', true),
  comparing(/^Which movie has a higher vote average, (.+?) or (.+?)\?/, 'vote_average', true),
  comparing(/^In '(.+?)' and '(.+?)', which of the two movies had higher earnings\?/, 'revenue', true),
  releasedFirst(/^Which movie was released (?:earlier|first), (.+?) or (.+?)\?/),
  morethan(/^Is the budget of (.+?) higher than the budget of (.+?)\?/, 'budget'),
  morethan(/^Is the average vote score of the movie "(.+?)" higher than that of "(.+?)"\?/, 'vote_average'),
  comparing(/^Among "(.+?)" and "(.+?)," which movie has a larger budget\?/, 'budget', true),
  comparing(/^Among "(.+?)" and "(.+?)," which movie has a higher average vote score\?/, 'vote_average', true),
  comparing(/^(?:When it comes to revenue, which movie performed better|Which film had a bigger impact on the box office), "(.+?)"(?: \(\d{4}\))? or "(.+?)"(?: \(\d{4}\))?\?/, 'revenue', true),
  detail(new RegExp(`^What is the revenue of the movie ${T}\\? Please provide the revenue as a number`), 'revenue'),
  sharing(/^(?:Are there any common production companies between|Is there any common production company between) (.+?) and (.+?)\? Please answer (?:me )?with Yes or No/, 'get_movie_production_companies', 'production_companies'),
  sharing(/^Does the movie "(.+?)" have the same production company as "(.+?)"\?/, 'get_movie_production_companies', 'production_companies'),
  sharing(/^Are there any common production countries between (.+?) and (.+?)\? Please answer (?:me )?with Yes or No/, 'get_movie_production_countries', 'production_countries'),
  sharing(/^Are there any common keywords between (.+?) and (.+?)\?/, 'get_movie_keywords', 'keywords'),
  {
    pattern: /^(?:What are the alternative titles for the movie|Can you provide the alternative titles for the movie) "(.+?)"\?/,
    plant: ([, t]) => films(t),
    *program([, t]) {
      return asList(field(yield* ask('get_movie_alternative_titles', { movie_id: yield* filmId(t) }), 'titles')).map((x) => field(x, 'title'));
    },
  },
  {
    pattern: /^Does the movie "(.+?)" have any alternative titles\?/,
    plant: ([, t]) => films(t),
    *program([, t]) {
      return yesNo(asList(field(yield* ask('get_movie_alternative_titles', { movie_id: yield* filmId(t) }), 'titles')).length > 0);
    },
  },
  morethan(/^Did the movie (.+?) earn more revenue than (.+?)\?/, 'revenue'),
  {
    pattern: new RegExp(`^Did the movie ${T} make a profit\\?`),
    plant: ([, t]) => films(t),
    *program([, t]) {
      const d = yield* details(t);
      return yesNo(Number(field(d, 'revenue')) > Number(field(d, 'budget')));
    },
  },
  {
    pattern: /^(?:Do the movies "(.+?)" and "(.+?)" share a common genre|Does (.+?) and (.+?) share a common genre|Are there any common genres between (.+?) and (.+?)|Compare the genres of "(.+?)" and "(.+?)\." Do they share any common genres)\?/,
    plant: (m) => films(...m.slice(1).filter((x) => x !== undefined)),
    *program(m) {
      const [a, b] = m.slice(1).filter((x) => x !== undefined);
      const x = genreNames(yield* details(a));
      return yesNo(genreNames(yield* details(b)).some((g) => x.includes(g)));
    },
  },
  {
    pattern: /^(?:What genre does the movie "(.+?)" belong to|What are the genres of the movie "(.+?)")\?/,
    plant: (m) => films(m[1] ?? m[2]),
    *program(m) {
      return genreNames(yield* details(m[1] ?? m[2]));
    },
  },
  {
    pattern: /^Is the movie "(.+?)" directed by (.+?)\?/,
    plant: ([, t]) => films(t),
    *program([, t, who]) {
      return yesNo((yield* crewWith(t, 'Director')).includes(who));
    },
  },
  {
    // A list where the goal asks for an array, else the first company's name.
    pattern: /^(?:What are the production companies (?:of|behind) the movie|Which production company worked on) "(.+?)"\?(.*array)?/,
    plant: ([, t]) => films(t),
    *program([, t, array]) {
      const all = names(field(yield* ask('get_movie_production_companies', { movie_id: yield* filmId(t) }), 'production_companies'));
      return array ? all : (all[0] ?? 'None');
    },
  },
  {
    pattern: /^What are the production countries of the movie "(.+?)"\?/,
    plant: ([, t]) => films(t),
    *program([, t]) {
      return names(field(yield* ask('get_movie_production_countries', { movie_id: yield* filmId(t) }), 'production_countries'));
    },
  },
  {
    pattern: /^(?:(?:What are|Can you provide) the|Are there any) keywords associated with the movie "(.+?)"\?/,
    plant: ([, t]) => films(t),
    *program([, t]) {
      return field(yield* ask('get_movie_keywords', { movie_id: yield* filmId(t) }), 'keywords');
    },
  },
  {
    pattern: /^Where was the director of (.+?) born\?/,
    plant: ([, t]) => films(t),
    *program([, t]) {
      const id = asList(field(yield* ask('get_movie_crew', { movie_id: yield* filmId(t) }), 'crew')).find((c) => field(c, 'job') === 'Director');
      return field(yield* ask('get_person_details', { person_id: field(id!, 'id') }), 'place_of_birth');
    },
  },
  personField(new RegExp(`^(?:Where was the (?:actress|actor) ${NAME} born|What is the place of birth of (?:actor |actress )?${NAME})\\?`), 'get_person_details', 'place_of_birth'),
  personField(new RegExp(`^What is the birthday of ${NAME}\\?`), 'get_person_details', 'birthday'),
  personField(new RegExp(`^What is the biography of (?:actor |actress )?${NAME}\\?`), 'get_person_details', 'biography'),
  personField(new RegExp(`^What is the (IMDB|Facebook|Instagram|Twitter) id of (?:actor|actress) ${NAME}\\?`), 'get_person_external_ids', (m) => `${m[1].toLowerCase()}_id`, 2),
  {
    pattern: new RegExp(`^What (?:role|character) did (.+?) play in ${T}\\?`),
    plant: ([, who, t]) => [{ role: { person: who, film: t, character: null } }],
    *program([, who, t]) {
      const members = yield* cast(t);
      const hit = members.find((c) => field(c, 'name') === who);
      return hit ? field(hit, 'character') : 'None';
    },
  },
  {
    pattern: /^Who played the character of (.+?) in the movie "(.+?)"\?/,
    plant: ([, character, t]) => [{ role: { person: null, film: t, character } }],
    *program([, character, t]) {
      const hit = (yield* cast(t)).find((c) => field(c, 'character') === character);
      return hit ? field(hit, 'name') : 'None';
    },
  },
  {
    pattern: /^Is the actor (.+?) part of the cast in "(.+?)"\?/,
    plant: ([, who, t]) => [{ role: { person: who, film: t, character: null } }],
    *program([, who, t]) {
      return yesNo((yield* cast(t)).some((c) => field(c, 'name') === who));
    },
  },
  {
    pattern: new RegExp(
      `^(?:What is|Can you provide(?: me with)?|Could you (?:provide|tell me)|May I (?:request|ask for)|Could you give me) the ${FACT} of the (?:actor|actress) (?:who (?:played|portrayed)|known for (?:his|her) role as|known for (?:playing|portraying)) (.+?) in (?:(?:the (?:original )?)?"(.+?)"|([A-Z][^"?]+?)(?=\\?))`,
    ),
    plant: ([, , character, a, b]) => [{ role: { person: null, film: a ?? b, character } }],
    *program([, fact, character, a, b]) {
      return yield* personFact(field(yield* player(a ?? b, character), 'id'), fact);
    },
  },
  {
    pattern: /^I am very interested in the (?:actor|actress) who plays (.+?) in (.+?)\. What is (?:his|her) IMDB ID\?/,
    plant: ([, character, t]) => [{ role: { person: null, film: t, character } }],
    *program([, character, t]) {
      return yield* personFact(field(yield* player(t, character), 'id'), 'IMDB ID');
    },
  },
  {
    pattern: /^The (?:actor|actress) who played (.+?) in "(.+?)", what role did (?:he|she) play in "(.+?)"\?/,
    plant: ([, character, film, other]) => [{ role: { person: null, film, character } }, { costar: { film, character, other } }],
    *program([, character, film, other]) {
      const id = field(yield* player(film, character), 'id');
      const hit = (yield* cast(other)).find((c) => field(c, 'id') === id);
      return hit ? field(hit, 'character') : 'None';
    },
  },
  {
    pattern: /^Is there any movie where both (.+?) and (.+?) starred together(?: after (?:the )?"(.+?)"(?: series)?)?\? Please answer me with (?:(Yes or No)|the film name)/,
    plant: ([, a, b, after]) => (after ? [a, b].map((person) => ({ role: { person, film: after, character: null } })) : [{ person: a }, { person: b }]),
    *program([, a, b, after, yes]) {
      // "After" a film: released later than it.
      const x = yield* actedIn(a);
      let common = (yield* actedIn(b)).filter((t) => x.includes(t));
      if (after) {
        const since = S(field(yield* details(after), 'release_date'));
        const later: string[] = [];
        for (const t of common) if (S(field(yield* details(t), 'release_date')) > since) later.push(t);
        common = later;
      }
      return yes ? yesNo(common.length > 0) : (common[0] ?? 'None');
    },
  },
  {
    // The goals name real co-appearances, so the player is planted in the other film too.
    pattern: /^(?:Did the (?:actor|actress) who played (.+?) in "(.+?)" also appear|Could you find out if the (?:actor|actress) who played (.+?) in "(.+?)" also appeared) in "(.+?)"\?/,
    plant: ([, c1, f1, c2, f2, other]) => [{ role: { person: null, film: f1 ?? f2, character: c1 ?? c2 } }, { costar: { film: f1 ?? f2, character: c1 ?? c2, other } }],
    *program([, c1, f1, c2, f2, other]) {
      const id = field(yield* player(f1 ?? f2, c1 ?? c2), 'id');
      return yesNo((yield* cast(other)).some((c) => field(c, 'id') === id));
    },
  },
  {
    pattern: /^(?:Can|Could) you find out if the (?:actor|actress) who (?:portrayed|played) (.+?) in (?:the )?"(.+?)"(?: series)? appeared in any movies directed by (.+?)\?/,
    plant: ([, character, film, director]) => [{ role: { person: null, film, character } }, { person: director }],
    *program([, character, film, director]) {
      const id = field(yield* player(film, character), 'id');
      const acted = asList(field(yield* ask('get_person_cast', { person_id: id }), 'cast')).map((c) => field(c, 'id'));
      const crew = asList(field(yield* ask('get_person_crew', { person_id: yield* personId(director) }), 'crew'));
      return yesNo(crew.some((c) => field(c, 'job') === 'Director' && acted.includes(field(c, 'id'))));
    },
  },
  credit(/^Who composed the soundtrack for the (?:movie|film) adaptation of "(.+?)"(?: series)?\?/, 'Original Music Composer'),
  credits(/^Who wrote the screenplay for the movie adaptation of "(.+?)"\? Please provide the names as an array/, 'Screenplay'),
  credits(/^Who was the producer of the movie "(.+?)"\? Please provide the name of the producer as an array/, 'Producer'),
  releasedFirst(/^Compare the release dates of (.+?) and (.+?)\. Which one was released first\?/),
  moreEntries(/^Between "(.+?)" and "(.+?)," which movie has more production countries involved\?/, COUNTRIES),
  moreEntries(/^Which film, "(.+?)" or "(.+?)," has more keywords associated with it\?/, KEYWORDS),
  {
    pattern: /^Is there any translation available for the movie "(.+?)"\?/,
    plant: ([, t]) => films(t),
    *program([, t]) {
      return yesNo(asList(field(yield* ask('get_movie_translation', { movie_id: yield* filmId(t) }), 'translations')).length > 0);
    },
  },
  {
    pattern: /^Did the movie "(.+?)" generate revenue\?/,
    plant: ([, t]) => films(t),
    *program([, t]) {
      return yesNo(Number(field(yield* details(t), 'revenue')) > 0);
    },
  },
  {
    pattern: /^Is the movie '(.+?)' a (Japanese|American|British|French|German|Chinese|Korean|Indian) film\?/,
    plant: ([, t]) => films(t),
    *program([, t, adjective]) {
      const country = { Japanese: 'Japan', American: 'United States of America', British: 'United Kingdom', French: 'France', German: 'Germany', Chinese: 'China', Korean: 'South Korea', Indian: 'India' }[adjective as 'Japanese'];
      return yesNo((yield* entries(t, ...COUNTRIES)).includes(country));
    },
  },
  {
    // "From the same country" reads as the same set of production countries.
    pattern: /^(?:Are '(.+?)' and '(.+?)' movies from the same country|Are the production countries of "(.+?)" and "(.+?)" the same)\?/,
    plant: (m) => films(m[1] ?? m[3], m[2] ?? m[4]),
    *program(m) {
      const x = yield* entries(m[1] ?? m[3], ...COUNTRIES);
      return yesNo(sameSet(x, yield* entries(m[2] ?? m[4], ...COUNTRIES)));
    },
  },
  {
    pattern: /^Are there any common production countries between (.+?) and (.+?)\? Please answer me with the name of the country as a string/,
    plant: ([, a, b]) => films(a, b),
    *program([, a, b]) {
      const x = yield* entries(a, ...COUNTRIES);
      return (yield* entries(b, ...COUNTRIES)).find((c) => x.includes(c)) ?? 'None';
    },
  },
  {
    pattern: /^Is the genre of the movie "(.+?)" the same as the genre of "(.+?)"\?/,
    plant: ([, a, b]) => films(a, b),
    *program([, a, b]) {
      const x = genreNames(yield* details(a));
      return yesNo(sameSet(x, genreNames(yield* details(b))));
    },
  },
  {
    pattern: /^Is the director of (.+?) the same as the director of (.+?)\?/,
    plant: ([, a, b]) => films(a, b),
    *program([, a, b]) {
      const x = (yield* crewWith(a, 'Director'))[0];
      return yesNo(x === (yield* crewWith(b, 'Director'))[0]);
    },
  },
  {
    pattern: /^Is (.+?) a movie produced by (.+?)\?/,
    plant: ([, t]) => films(t),
    *program([, t, company]) {
      return yesNo((yield* entries(t, 'get_movie_production_companies', 'production_companies')).includes(company));
    },
  },
  {
    pattern: /^Is the movie "(.+?)" produced by (.+?)\?/,
    plant: ([, t]) => films(t),
    *program([, t, who]) {
      return yesNo((yield* crewWith(t, 'Producer')).includes(who));
    },
  },
  {
    // Each film needs its own details call, so this fits Movie's 12 rounds only for directors with
    // at most 9 films; the goals about budget and revenue name such directors.
    pattern: /^Among the movies directed by (.+?), which one has the highest (budget|revenue)\?/,
    plant: ([, director]) => [{ person: director }],
    *program([, director, key]) {
      const crew = asList(field(yield* ask('get_person_crew', { person_id: yield* personId(director) }), 'crew')).filter((c) => field(c, 'job') === 'Director');
      let best = 'None';
      let most = -1;
      for (const c of crew) {
        const v = Number(field(yield* ask('get_movie_details', { movie_id: field(c, 'id') }), key));
        if (v > most) [best, most] = [S(field(c, 'title')), v];
      }
      return best;
    },
  },
  // Films and roles the goals describe rather than name: film-facts.ts resolves the description
  // (as an agent's knowledge would) and the world has the film, its director and its casting.
  {
    pattern: /^(?:May I ask, in which movie did|Who is the director of the film that) (.+?) first gain(?:ed)? attention\?/,
    plant: ([, who]) => castingOf((_, a) => a === who),
    *program([goal, who]) {
      // "First gained attention": the person's earliest acting credit by release date.
      const credits = asList(field(yield* ask('get_person_cast', { person_id: yield* personId(who) }), 'cast'));
      let first: PyValue = null;
      let date = '';
      for (const c of credits) {
        const d = S(field(yield* ask('get_movie_details', { movie_id: field(c, 'id') }), 'release_date'));
        if (first === null || d < date) [first, date] = [c, d];
      }
      if (first === null) return 'None';
      if (/^May I/.test(goal)) return field(first, 'title');
      const crew = asList(field(yield* ask('get_movie_crew', { movie_id: field(first, 'id') }), 'crew'));
      return S(field(crew.find((c) => field(c, 'job') === 'Director') ?? crew[0], 'name'));
    },
  },
  {
    pattern: /^In the movie for which (.+?) won the Oscar for Best Actress, what role did (.+?) play\?/,
    plant: (m) => describedPlants(m.input),
    *program({ input: goal, 2: who }) {
      const hit = (yield* cast(described(goal))).find((c) => field(c, 'name') === who);
      return hit ? field(hit, 'character') : 'None';
    },
  },
  {
    pattern: /^(?:.+?) won the Academy Award for Best (?:Actor|Actress) in \d{4}\. I would like to see the movie for which (?:he|she) won the award\. What is its official (Korean|Japanese) title\?/,
    plant: (m) => describedPlants(m.input),
    *program({ input: goal, 1: language }) {
      const country = language === 'Korean' ? 'KR' : 'JP';
      const titles = asList(field(yield* ask('get_movie_alternative_titles', { movie_id: yield* filmId(described(goal)) }), 'titles'));
      const hit = titles.find((t) => field(t, 'iso_3166_1') === country);
      return hit ? field(hit, 'title') : 'None';
    },
  },
  {
    // Directors of a described film (all its Director credits, joined with "and").
    pattern: /^Who (?:directed|is the director of) the film that (?:won|explores|follows) /,
    plant: (m) => describedPlants(m.input),
    *program({ input: goal }) {
      return (yield* crewWith(described(goal), 'Director')).join(' and ') || 'None';
    },
  },
  {
    pattern: /^What is the (budget|revenue) (?:generated by |of )?the (?:movie|film) directed by /,
    plant: (m) => describedPlants(m.input),
    *program({ input: goal, 1: key }) {
      return field(yield* details(described(goal)), key);
    },
  },
  {
    // "The lead", "starred in" or "won Best Actress for her role in" a film: its first billed member.
    pattern:
      /^(?:(?:Can you provide|Could you tell me|What is) the (biography|birthdate) of the (?:actor|actress) who (?:played|portrayed|starred in) (?:the lead (?:role|character) in )?the film|Who is the actor known for playing the lead role in the film|Which actress won the Academy Award for Best Actress for her role in the film)(?: adaptation of "(.+?),?")?/,
    plant: (m) => (m[2] ? films(m[2]) : describedPlants(m.input)),
    *program({ input: goal, 1: fact, 2: title }) {
      const lead = (yield* cast(title ?? described(goal)))[0];
      if (!lead) return 'None';
      return fact ? yield* personFact(field(lead, 'id'), fact) : field(lead, 'name');
    },
  },
  {
    pattern: /^Which (?:actor|actress) starred alongside (.+?) in the film directed by /,
    plant: (m) => describedPlants(m.input),
    *program({ input: goal, 1: who }) {
      // The first billed member who is not the person named.
      const other = (yield* cast(described(goal))).find((c) => field(c, 'name') !== who);
      return other ? field(other, 'name') : 'None';
    },
  },
  {
    pattern: /^(?:Who is the actor known for portraying|What is the birthdate of the actor who portrayed) (?:the )?(.+?) in the film directed by /,
    plant: (m) => describedPlants(m.input),
    *program({ input: goal, 1: character }) {
      const who = yield* player(described(goal), character);
      return /^What/.test(goal) ? yield* personFact(field(who, 'id'), 'birthdate') : field(who, 'name');
    },
  },
  {
    // The release date of a person's earliest Director credit.
    pattern: /^Could you tell me the release date of the film that marked the directorial debut of (.+?)\?/,
    plant: ([, who]) => DIRECTION.filter(([, d]) => d === who).map(([film, person]) => ({ director: { film, person } })),
    *program([, who]) {
      const crew = asList(field(yield* ask('get_person_crew', { person_id: yield* personId(who) }), 'crew')).filter((c) => field(c, 'job') === 'Director');
      let first = '';
      for (const c of crew) {
        const d = S(field(yield* ask('get_movie_details', { movie_id: field(c, 'id') }), 'release_date'));
        if (first === '' || d < first) first = d;
      }
      return first || 'None';
    },
  },
  {
    // A franchise role's player: a fact of theirs, or (where the goal asks for the name) the name.
    pattern: new RegExp(`^(?:What is|Can you provide|Could you (?:provide|tell me)|May I (?:ask for|request)|Could you give me) the ${FACT} of the (?:actor|actress) (?:who (?:played|portrayed)|known for (?:his|her) role as) (.+?) in the (${FRANCHISES})`),
    plant: ([, , character, franchise]) => franchisePlants(character, franchise),
    *program({ input: goal, 1: fact, 2: character, 3: franchise }) {
      const role = franchiseRole(character, franchise)!;
      const who = yield* player(role.film, role.character);
      return /answer me with the (?:actor|actress)'s name/.test(goal) ? field(who, 'name') : yield* personFact(field(who, 'id'), fact);
    },
  },
  {
    pattern: new RegExp(`^Did the (?:actor|actress) who played (.+?) in the (${FRANCHISES}) also appear in "(.+?)"\\?`),
    plant: ([, character, franchise, other]) => [...franchisePlants(character, franchise), ...castingOf((f) => f === other)],
    *program([, character, franchise, other]) {
      const role = franchiseRole(character, franchise)!;
      const id = field(yield* player(role.film, role.character), 'id');
      return yesNo((yield* cast(other)).some((c) => field(c, 'id') === id));
    },
  },
  {
    pattern: new RegExp(`^Can you find out if the (?:actor|actress) who portrayed (.+?) in the (${FRANCHISES}) appeared in any movies directed by (.+?)\\?`),
    plant: ([, character, franchise]) => [...franchisePlants(character, franchise), ...DIRECTION.map(([film, person]) => ({ director: { film, person } })), ...castingOf((f) => DIRECTION.some(([d]) => d === f))],
    *program([, character, franchise, director]) {
      const role = franchiseRole(character, franchise)!;
      const acted = asList(field(yield* ask('get_person_cast', { person_id: field(yield* player(role.film, role.character), 'id') }), 'cast')).map((c) => field(c, 'id'));
      const crew = asList(field(yield* ask('get_person_crew', { person_id: yield* personId(DIRECTOR_ALIASES[director] ?? director) }), 'crew'));
      return yesNo(crew.some((c) => field(c, 'job') === 'Director' && acted.includes(field(c, 'id'))));
    },
  },
  {
    pattern: new RegExp(`^Is the actress who played (.+?) in the (${FRANCHISES}) the same as the actress who played (.+?) in "(.+?)"`),
    plant: ([, character, franchise, , other]) => [...franchisePlants(character, franchise), ...castingOf((f) => f === other)],
    *program([, character, franchise, c2, other]) {
      const role = franchiseRole(character, franchise)!;
      const a = field(yield* player(role.film, role.character), 'id');
      return yesNo(a === field(yield* player(other, c2), 'id'));
    },
  },
  {
    // The movie(s) among a person's acting credits with that character; several: the mean.
    pattern: /^(?:Could you provide|Can you provide|What is) the (revenue|budget|release date|average vote score) of the movies? in which (.+?) portrayed (.+?) ?\?/,
    plant: ([, , who, character]) => PORTRAYALS.filter(([a, c]) => a === who && c === character).map(([person, , film]) => ({ role: { person, film, character } })),
    *program([, what, who, character]) {
      const credits = asList(field(yield* ask('get_person_cast', { person_id: yield* personId(who) }), 'cast')).filter((c) => plays(c, character));
      if (!credits.length) return 'None';
      const key = { revenue: 'revenue', budget: 'budget', 'release date': 'release_date', 'average vote score': 'vote_average' }[what]!;
      const values: PyValue[] = [];
      for (const c of what === 'average vote score' ? credits : credits.slice(0, 1)) values.push(field(yield* ask('get_movie_details', { movie_id: field(c, 'id') }), key));
      return what === 'average vote score' ? Math.round((values.reduce((a: number, b) => a + Number(b), 0) / values.length) * 1000) / 1000 : values[0];
    },
  },
  {
    pattern: /^What is the Facebook ID of the actress who starred in "(.+?)"\? Please answer me with the actress name/,
    plant: ([, t]) => films(t),
    *program([, t]) {
      // The goal asks for the name: the first billed member's.
      const lead = (yield* cast(t))[0];
      return lead ? field(lead, 'name') : 'None';
    },
  },
  {
    pattern: /^Is the movie "(.+?)" (based on a true story|set in a post-apocalyptic world|a horror film)\?/,
    plant: ([, t]) => films(t),
    *program([, t, what]) {
      // TMDB's keywords "based on true story" and "post-apocalyptic future"; the genre Horror.
      if (what === 'a horror film') return yesNo(genreNames(yield* details(t)).includes('Horror'));
      const keyword = what === 'based on a true story' ? 'based on true story' : 'post-apocalyptic future';
      return yesNo((yield* entries(t, ...KEYWORDS)).includes(keyword));
    },
  },
  {
    pattern: /^Is the movie "(.+?)" set in the same country as "(.+?)"\?/,
    plant: ([, a, b]) => films(a, b),
    *program([, a, b]) {
      // Where a film is set reads as its production countries.
      const x = yield* entries(a, ...COUNTRIES);
      return yesNo(sameSet(x, yield* entries(b, ...COUNTRIES)));
    },
  },
  {
    pattern: /^Which actor starred in both "(.+?)" and "(.+?)"\?/,
    plant: ([, a, b]) => [...films(a, b), ...castingOf((f) => f === a || f === b)],
    *program([, a, b]) {
      const x = names(yield* cast(a));
      return names(yield* cast(b)).find((n) => x.includes(n)) ?? 'None';
    },
  },
  {
    pattern: /^Can you provide the production companies for both "(.+?)" and "(.+?)"\? Are there any similarities\?/,
    plant: ([, a, b]) => films(a, b),
    *program([, a, b]) {
      const x = yield* entries(a, 'get_movie_production_companies', 'production_companies');
      return (yield* entries(b, 'get_movie_production_companies', 'production_companies')).find((c) => x.includes(c)) ?? 'None';
    },
  },
  {
    pattern: /^How do the budgets of "(.+?)" and "(.+?)" compare to each other\?/,
    plant: ([, a, b]) => films(a, b),
    *program([, a, b]) {
      // AgentGym's wording: "'A' ($1,000) is higher than 'B' ($900)"; equal budgets: "the same as".
      const x = Number(field(yield* details(a), 'budget'));
      const y = Number(field(yield* details(b), 'budget'));
      const usd = (n: number) => `$${n.toLocaleString('en-US')}`;
      const [hi, lo] = y > x ? [[b, y], [a, x]] : [[a, x], [b, y]];
      return `'${hi[0]}' (${usd(hi[1] as number)}) is ${x === y ? 'the same as' : 'higher than'} '${lo[0]}' (${usd(lo[1] as number)})`;
    },
  },
  {
    // The overview in a language, from the film's translations (found by its English name).
    pattern:
      /^(?:.+? won the Academy Award for Best (?:Actor|Actress) in \d{4}\. Please give (?:an|you an) overview in (\w+) about the movie|(?:Could you provide|May I (?:ask for|request)|What is|Could you give me) the (\w+) translation of the (?:overview|description) (?:for|of) the (?:film|movie) "(.+?)")/,
    plant: (m) => (m[3] ? films(m[3]) : describedPlants(m.input)),
    *program({ input: goal, 1: l1, 2: l2, 3: title }) {
      const translations = asList(field(yield* ask('get_movie_translation', { movie_id: yield* filmId(title ?? described(goal)) }), 'translations'));
      const hit = translations.find((t) => field(t, 'english_name') === (l1 ?? l2));
      return hit ? field(hit, 'data', 'overview') : 'None';
    },
  },
];

/** The described film's title (film-facts.ts); a ProgramError when the goal's description is unknown. */
function described(goal: string): string {
  const title = describedFilm(goal);
  if (title === null) throw new ProgramError(`No film known for: ${goal}`);
  return title;
}

/** What the world needs for a described film: the film, its director, the casting and titles that film-facts.ts lists for it. */
function describedPlants(goal: string): Plant[] {
  const hit = DESCRIBED.find(([words]) => words.test(goal));
  if (!hit) return [];
  const [, film, director] = hit;
  return [
    ...films(film),
    ...(director ? [{ director: { film, person: director } }] : []),
    ...castingOf((f) => f === film),
    ...FOREIGN_TITLES.filter(([f]) => f === film).map(([, country, title]) => ({ alt: { film, country, title } })),
  ];
}

function castingOf(pick: (film: string, actor: string) => boolean): Plant[] {
  return CASTING.filter(([f, a]) => pick(f, a)).flatMap(([film, person, character]): Plant[] => [{ role: { person, film, character } }, { person }]);
}

function franchisePlants(character: string, franchise: string): Plant[] {
  const role = franchiseRole(character, franchise);
  return role ? [{ role: { person: role.actor, film: role.film, character: role.character } }, { person: role.actor }] : [];
}


export const solveMovie = templateSolver(TEMPLATES);
