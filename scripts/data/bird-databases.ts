/**
 * The BIRD env's SQLite databases, built from `vega-datasets` tables (its exports map hides the
 * data files, so they are read by path). Each database normalises one or two related data sets
 * into a few tables with primary and foreign keys, so that questions need joins as BIRD's do.
 * Sources and licences (vega-datasets' datapackage.json): airports, flights and weather are U.S.
 * Government works; gapminder is CC-BY-4.0 (Gapminder Foundation); football is openfootball
 * (public domain); penguins is CC0 (Palmer Station LTER). movies.json is left out: it states no
 * source or licence.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Database } from 'sql.js';

type Row = Record<string, unknown>;

function dataDir(): string {
  // The package's entry point is build/index.js; the data sits beside build/.
  return join(dirname(createRequire(import.meta.url).resolve('vega-datasets')), '..', 'data');
}

function readJson(file: string): Row[] {
  const rows: unknown = JSON.parse(readFileSync(join(dataDir(), file), 'utf8'));
  if (!Array.isArray(rows)) throw new Error(`vega-datasets/${file}: expected an array`);
  return rows as Row[];
}

/** The CSV files here quote fields with commas and never escape quotes inside them. */
function readCsv(file: string): Row[] {
  const [head, ...lines] = readFileSync(join(dataDir(), file), 'utf8').trim().split('\n');
  const names = head.split(',');
  return lines.map((line) => {
    const cells = [...line.matchAll(/"([^"]*)"|([^,]*)/g)].filter((m) => m.index === 0 || line[m.index - 1] === ',').map((m) => m[1] ?? m[2]);
    if (cells.length !== names.length) throw new Error(`vega-datasets/${file}: bad line ${JSON.stringify(line)}`);
    return Object.fromEntries(names.map((n, i) => [n, cells[i]]));
  });
}

function insert(db: Database, table: string, rows: readonly unknown[][]): void {
  if (rows.length === 0) throw new Error(`${table}: no rows`);
  const stmt = db.prepare(`INSERT INTO ${table} VALUES (${rows[0].map(() => '?').join(', ')})`);
  for (const row of rows) stmt.run(row.map((v) => (v === undefined ? null : v)) as (string | number | null)[]);
  stmt.free();
}

/** Numbered 1.. in first-appearance order: the surrogate keys of a lookup table. */
function keys(values: Iterable<string>): Map<string, number> {
  const out = new Map<string, number>();
  for (const v of values) if (!out.has(v)) out.set(v, out.size + 1);
  return out;
}

export interface DatabaseSpec {
  id: string;
  /** CREATE TABLE statements, tables in the order the schema sentence lists them. */
  ddl: string;
  fill(db: Database): void;
}

const usFlights: DatabaseSpec = {
  id: 'us_flights',
  ddl: `
CREATE TABLE airports (iata TEXT PRIMARY KEY, name TEXT NOT NULL, city TEXT, state TEXT, country TEXT NOT NULL, latitude REAL NOT NULL, longitude REAL NOT NULL);
CREATE TABLE flights (flight_id INTEGER PRIMARY KEY, departure TEXT NOT NULL, delay INTEGER NOT NULL, distance INTEGER NOT NULL, origin TEXT NOT NULL REFERENCES airports (iata), destination TEXT NOT NULL REFERENCES airports (iata));
CREATE TABLE routes (route_id INTEGER PRIMARY KEY, origin TEXT NOT NULL REFERENCES airports (iata), destination TEXT NOT NULL REFERENCES airports (iata), flight_count INTEGER NOT NULL);
CREATE INDEX flights_origin ON flights (origin);
CREATE INDEX flights_destination ON flights (destination);`,
  fill(db) {
    // Some airports have no city or state in the source (empty cells): NULL, not ''.
    const orNull = (v: unknown) => (v === '' || v === 'NA' ? null : v);
    insert(db, 'airports', readCsv('airports.csv').map((r) => [r.iata, r.name, orNull(r.city), orNull(r.state), r.country, Number(r.latitude), Number(r.longitude)]));
    // "2001/01/13 14:56" -> ISO "2001-01-13 14:56", so SQLite's date functions work on it.
    insert(db, 'flights', readJson('flights-10k.json').map((r, i) => [i + 1, String(r.date).replaceAll('/', '-'), r.delay, r.distance, r.origin, r.destination]));
    insert(db, 'routes', readCsv('flights-airport.csv').map((r, i) => [i + 1, r.origin, r.destination, Number(r.count)]));
  },
};

const cityWeather: DatabaseSpec = {
  id: 'city_weather',
  ddl: `
CREATE TABLE stations (station_id INTEGER PRIMARY KEY, city TEXT NOT NULL, state TEXT NOT NULL);
CREATE TABLE weather_types (type_id INTEGER PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE daily_weather (record_id INTEGER PRIMARY KEY, station_id INTEGER NOT NULL REFERENCES stations (station_id), date TEXT NOT NULL, precipitation REAL NOT NULL, temp_max REAL NOT NULL, temp_min REAL NOT NULL, wind REAL NOT NULL, type_id INTEGER NOT NULL REFERENCES weather_types (type_id));`,
  fill(db) {
    const rows = readCsv('weather.csv');
    const STATES: Record<string, string> = { Seattle: 'WA', 'New York': 'NY' };
    const stations = keys(rows.map((r) => String(r.location)));
    const types = keys(rows.map((r) => String(r.weather)));
    insert(db, 'stations', [...stations].map(([city, id]) => [id, city, STATES[city]]));
    insert(db, 'weather_types', [...types].map(([name, id]) => [id, name]));
    insert(db, 'daily_weather', rows.map((r, i) => [i + 1, stations.get(String(r.location)), r.date, Number(r.precipitation), Number(r.temp_max), Number(r.temp_min), Number(r.wind), types.get(String(r.weather))]));
  },
};

const worldDevelopment: DatabaseSpec = {
  id: 'world_development',
  ddl: `
CREATE TABLE regions (region_id INTEGER PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE countries (country_id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, region_id INTEGER NOT NULL REFERENCES regions (region_id));
CREATE TABLE yearly_indicators (indicator_id INTEGER PRIMARY KEY, country_id INTEGER NOT NULL REFERENCES countries (country_id), year INTEGER NOT NULL, population INTEGER NOT NULL, life_expectancy REAL NOT NULL, fertility REAL NOT NULL);
CREATE TABLE income_health_2015 (country_id INTEGER PRIMARY KEY REFERENCES countries (country_id), income INTEGER NOT NULL, health REAL NOT NULL, population INTEGER NOT NULL);`,
  fill(db) {
    const REGIONS = ['South Asia', 'Europe & Central Asia', 'Sub-Saharan Africa', 'America', 'East Asia & Pacific', 'Middle East & North Africa'];
    // gapminder.json's cluster numbers and the health-income file's region names, matched on the
    // countries both files hold.
    const SLUGS = ['south_asia', 'europe_central_asia', 'sub_saharan_africa', 'america', 'east_asia_pacific', 'middle_east_north_africa'];
    const yearly = readJson('gapminder.json');
    const health = readCsv('gapminder-health-income.csv');
    const region = new Map<string, number>();
    for (const r of yearly) region.set(String(r.country), Number(r.cluster) + 1);
    for (const r of health) {
      const id = SLUGS.indexOf(String(r.region)) + 1;
      if (id === 0) throw new Error(`gapminder-health-income.csv: unknown region ${String(r.region)}`);
      const known = region.get(String(r.country));
      if (known !== undefined && known !== id) throw new Error(`gapminder: ${String(r.country)} is in two regions`);
      region.set(String(r.country), id);
    }
    const countries = keys([...region.keys()].sort());
    insert(db, 'regions', REGIONS.map((name, i) => [i + 1, name]));
    insert(db, 'countries', [...countries].map(([name, id]) => [id, name, region.get(name)]));
    insert(db, 'yearly_indicators', yearly.map((r, i) => [i + 1, countries.get(String(r.country)), r.year, r.pop, r.life_expect, r.fertility]));
    insert(db, 'income_health_2015', health.map((r) => [countries.get(String(r.country)), Number(r.income), Number(r.health), Number(r.population)]).sort((a, b) => Number(a[0]) - Number(b[0])));
  },
};

const europeanFootball: DatabaseSpec = {
  id: 'european_football',
  ddl: `
CREATE TABLE leagues (league_id INTEGER PRIMARY KEY, name TEXT NOT NULL, country TEXT NOT NULL);
CREATE TABLE teams (team_id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, league_id INTEGER NOT NULL REFERENCES leagues (league_id));
CREATE TABLE matches (match_id INTEGER PRIMARY KEY, league_id INTEGER NOT NULL REFERENCES leagues (league_id), season TEXT NOT NULL, date TEXT NOT NULL, home_team_id INTEGER NOT NULL REFERENCES teams (team_id), away_team_id INTEGER NOT NULL REFERENCES teams (team_id), home_goals INTEGER, away_goals INTEGER);
CREATE INDEX matches_home ON matches (home_team_id);
CREATE INDEX matches_away ON matches (away_team_id);`,
  fill(db) {
    const COUNTRIES: Record<string, string> = {
      'Österreichische Bundesliga': 'Austria',
      'Deutsche Bundesliga': 'Germany',
      'English Premier League': 'England',
      'Primera Division': 'Spain',
      'Serie A': 'Italy',
    };
    const rows = readJson('football.json');
    const leagues = keys(rows.map((r) => String(r.division)));
    const teams = keys(rows.flatMap((r) => [String(r.home_team), String(r.away_team)]).sort());
    const leagueOf = new Map(rows.flatMap((r) => [[String(r.home_team), leagues.get(String(r.division))], [String(r.away_team), leagues.get(String(r.division))]]));
    // Seasons run from July to June: a match on 2014-03-01 belongs to "2013/14".
    const season = (date: string) => {
      const y = Number(date.slice(0, 4)) - (Number(date.slice(5, 7)) < 7 ? 1 : 0);
      return `${y}/${String(y + 1).slice(2)}`;
    };
    insert(db, 'leagues', [...leagues].map(([name, id]) => [id, name, COUNTRIES[name]]));
    insert(db, 'teams', [...teams].map(([name, id]) => [id, name, leagueOf.get(name)]));
    insert(db, 'matches', rows.map((r, i) => [i + 1, leagues.get(String(r.division)), season(String(r.date)), r.date, teams.get(String(r.home_team)), teams.get(String(r.away_team)), r.home_score, r.away_score]));
  },
};

const palmerPenguins: DatabaseSpec = {
  id: 'palmer_penguins',
  ddl: `
CREATE TABLE islands (island_id INTEGER PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE species (species_id INTEGER PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE penguins (penguin_id INTEGER PRIMARY KEY, species_id INTEGER NOT NULL REFERENCES species (species_id), island_id INTEGER NOT NULL REFERENCES islands (island_id), bill_length_mm REAL, bill_depth_mm REAL, flipper_length_mm INTEGER, body_mass_g INTEGER, sex TEXT);`,
  fill(db) {
    const rows = readJson('penguins.json');
    const islands = keys(rows.map((r) => String(r.Island)));
    const species = keys(rows.map((r) => String(r.Species)));
    // The source marks an unknown sex with null or "."; both become NULL.
    const sex = (v: unknown) => (v === 'MALE' || v === 'FEMALE' ? v.toLowerCase() : null);
    insert(db, 'islands', [...islands].map(([name, id]) => [id, name]));
    insert(db, 'species', [...species].map(([name, id]) => [id, name]));
    insert(db, 'penguins', rows.map((r, i) => [i + 1, species.get(String(r.Species)), islands.get(String(r.Island)), r['Beak Length (mm)'], r['Beak Depth (mm)'], r['Flipper Length (mm)'], r['Body Mass (g)'], sex(r.Sex)]));
  },
};

export const DATABASES: readonly DatabaseSpec[] = [usFlights, cityWeather, worldDevelopment, europeanFootball, palmerPenguins];
