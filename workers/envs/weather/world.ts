/**
 * Weather's tools over the offline world: the gazetteer (static-data/tools-weather.json) and the
 * climate model (climate.ts), with the result shapes, date rules and error texts of Toolusage's
 * weather_tools.py and of the open-meteo APIs behind it.
 */
import type { Tool, ToolOutcome, ToolSuite, ToolTask } from '../tools/engine.ts';
import { asFloat, dict, isDict, PyError, pyEquals, pyRepr, typeName, type PyValue } from '../tools/py.ts';
import { dayNumber, elevation, geodesicKm, isoOf, snap, weatherOn, type Day } from './climate.ts';

/** A place: name, latitude, longitude, ISO country code, population, ASCII name where different. */
export type City = [string, number, number, string, number, string?];

/** A place with a known (real) elevation: latitude, longitude, metres. Elsewhere the terrain is synthetic. */
export type Height = [number, number, number];

/** The shipped heights, checked (outside input to the env). */
export function checkHeights(v: unknown): Height[] {
  if (!Array.isArray(v) || !v.every((h) => Array.isArray(h) && h.length === 3 && h.every(Number.isFinite))) throw new Error('tools-weather.json: bad heights');
  return v as Height[];
}

/** How close (degrees, both ways) a query must be to a known height to get it. */
const NEAR = 0.05;

export interface State {
  cities: Gazetteer;
  date: string;
  location: string;
}

/** Name lookup like open-meteo's geocoding: exact names first, then prefixes, biggest first. */
export class Gazetteer {
  private readonly byName = new Map<string, City[]>();
  /** Folded names, by population, for the prefix search. */
  private readonly folded: [string, City][];

  constructor(readonly cities: readonly City[]) {
    this.folded = cities.map((c): [string, City] => [fold(c[0]), c]).sort((a, b) => b[1][4] - a[1][4]);
    for (const c of cities) {
      for (const n of new Set([fold(c[0]), fold(c[5] ?? c[0])])) this.byName.set(n, [...(this.byName.get(n) ?? []), c]);
    }
    for (const list of this.byName.values()) list.sort((a, b) => b[4] - a[4]);
  }

  search(name: string, count = 3): City[] {
    const q = fold(name);
    const out = [...(this.byName.get(q) ?? [])];
    if (q.length >= 3 && out.length < count) {
      for (const [name, c] of this.folded) {
        if (out.length >= count) break;
        if (name.startsWith(q) && !out.includes(c)) out.push(c);
      }
    }
    return out.slice(0, count);
  }
}

/** Case- and accent-insensitive form of a name ("Zürich" finds "Zurich"). */
function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();
}

const ARCHIVE_FIRST = '1940-01-01';
const ARCHIVE_LAST = '2025-12-31';
const SPAN_ERROR =
  'Error: Sorry, at present, we support a maximum time span of 30 days between start_date and end_date in a single query. Your input exceeds this range. You can split your current query into multiple sub-queries that meet our criteria.';

const ok = (result: PyValue): ToolOutcome => ({ ok: true, result });
const fail = (result: string): ToolOutcome => ({ ok: false, result });
/** An open-meteo 400 reply body, which the tools return as the failed result. */
const apiError = (reason: string) => fail(`{"reason":${JSON.stringify(reason)},"error":true}`);

/** Python's `datetime.strptime(v, "%Y-%m-%d")`, as a day number. */
function strptime(v: PyValue): number {
  if (typeof v !== 'string') throw new PyError('TypeError', `strptime() argument 1 must be str, not ${typeName(v)}`);
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12 || Number(m[3]) < 1 || Number(m[3]) > 31) {
    throw new PyError('ValueError', `time data ${pyRepr(v)} does not match format '%Y-%m-%d'`);
  }
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  if (isoOf(dayNumber(iso)) !== iso) throw new PyError('ValueError', 'day is out of range for month');
  return dayNumber(iso);
}

/** A coordinate as the HTTP APIs read it (numbers or numeric text), or an API error. */
function coordinate(v: PyValue, name: 'latitude' | 'longitude'): number | ToolOutcome {
  const x = typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : asFloat(v);
  if (x === null) return apiError(`Cannot initialize Float from invalid String value ${pyRepr(v)} for key ${name}`);
  const limit = name === 'latitude' ? 90 : 180;
  if (Math.abs(x) > limit) return apiError(`${name === 'latitude' ? 'Latitude' : 'Longitude'} must be in range of -${limit} to ${limit}°. Given: ${x}.`);
  return x;
}

type Series = { key: string; unit: string; of: (d: Day) => number }[];

const TEMP: Series = [
  { key: 'temperature_2m_max', unit: '°C', of: (d) => d.tMax },
  { key: 'temperature_2m_min', unit: '°C', of: (d) => d.tMin },
  { key: 'temperature_2m_mean', unit: '°C', of: (d) => d.tMean },
];
const RAIN: Series = [{ key: 'rain_sum', unit: 'mm', of: (d) => d.rain }];
const SNOW: Series = [{ key: 'snowfall_sum', unit: 'cm', of: (d) => d.snow }];

export type Rule = 'historical' | 'forecast' | 'none';

/** The tool's own checks before any request: dates against today, then the 30-day cap. */
export function dateRules(rule: Rule, start: PyValue, end: PyValue, s: State): ToolOutcome | null {
  for (const [v, which] of [[start, 'start_date'], [end, 'end_date']] as const) {
    if (rule === 'none' || v === null) continue;
    const d = strptime(v);
    const today = strptime(s.date);
    if (rule === 'historical' && d >= today) return fail(`Error: ${which} should be earlier than current_date`);
    if (rule === 'forecast' && d <= today) return fail(`Error: ${which} should be later than current_date`);
  }
  return strptime(end) - strptime(start) > 30 ? fail(SPAN_ERROR) : null;
}

/** The archive query behind every daily tool: date rules, the 30-day cap, then the API's checks. */
function daily(series: Series | 'aqi', rule: Rule, [lat, lon, start, end]: PyValue[], s: State): ToolOutcome {
  const refused = dateRules(rule, start, end, s);
  if (refused) return refused;
  const [from, to] = [strptime(start), strptime(end)];
  const la = coordinate(lat, 'latitude');
  if (typeof la !== 'number') return la;
  const lo = coordinate(lon, 'longitude');
  if (typeof lo !== 'number') return lo;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(start as string) || !/^\d{4}-\d{2}-\d{2}$/.test(end as string)) return apiError('Invalid date');
  for (const [d, which] of [[from, 'start_date'], [to, 'end_date']] as const) {
    if (d < dayNumber(ARCHIVE_FIRST) || d > dayNumber(ARCHIVE_LAST)) return apiError(`Parameter '${which}' is out of allowed range from ${ARCHIVE_FIRST} to ${ARCHIVE_LAST}`);
  }
  if (to < from) return apiError('End-date must be larger or equals than start-date');
  const [cy, cx] = [snap(la), snap(lo)];
  const days: Day[] = [];
  const times: string[] = [];
  for (let d = from; d <= to; d++) {
    days.push(weatherOn(cy, cx, d));
    times.push(isoOf(d));
  }
  if (series === 'aqi') {
    // The air-quality API is hourly; the tool keeps each day's 12:00 value and calls it daily.
    return ok(
      dict({
        latitude: cy,
        longitude: cx,
        daily_units: dict({ time: 'iso8601', european_aqi_pm2_5: 'EAQI' }),
        daily: dict({ time: times.map((t) => `${t}T12:00`), european_aqi_pm2_5: days.map((d) => BigInt(d.aqi)) }),
      }),
    );
  }
  return ok(
    dict({
      latitude: cy,
      longitude: cx,
      daily_units: dict({ time: 'iso8601', ...Object.fromEntries(series.map((x) => [x.key, x.unit])) }),
      daily: dict({ time: times, ...Object.fromEntries(series.map((x) => [x.key, days.map(x.of)])) }),
    }),
  );
}

const RANGE = ['latitude', 'longitude', 'start_date', 'end_date'] as const;
const ONE_DAY = ['latitude', 'longitude', 'current_date'] as const;

function rangeTool(series: Series | 'aqi', rule: Rule): Tool<State> {
  return { args: RANGE, run: (a, s) => daily(series, rule, a, s) };
}

/** The "current" tools query the given day with no date rule. */
function dayTool(series: Series | 'aqi'): Tool<State> {
  return { args: ONE_DAY, run: ([lat, lon, d], s) => daily(series, 'none', [lat, lon, d, d], s) };
}

/** float(v) as geopy's Point takes it. */
function pyFloat(v: PyValue): number {
  const x = asFloat(v);
  if (x !== null) return x;
  if (typeof v === 'string') {
    if (v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
    throw new PyError('ValueError', `could not convert string to float: ${pyRepr(v)}`);
  }
  throw new PyError('TypeError', `float() argument must be a string or a real number, not '${typeName(v)}'`);
}

/** Toolusage's is_same_location distance: haversine on a 6371 km sphere. */
function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const h = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 6371 * 2 * Math.atan2(Math.sqrt(h), Math.sqrt(1 - h));
}

/** Toolusage's thresholds, gaps included (20.5 falls through to "extremely poor"). */
function aqiLevel(v: PyValue): string {
  const x = asFloat(v);
  if (x === null) throw new PyError('TypeError', `'<=' not supported between instances of '${typeName(v)}' and 'int'`);
  if (x <= 20) return 'good';
  if (x > 21 && x <= 40) return 'fair';
  if (x > 41 && x <= 60) return 'moderate';
  if (x > 61 && x <= 80) return 'poor';
  if (x > 81 && x <= 100) return 'very poor';
  return 'extremely poor';
}

export function weatherSuite(cities: Gazetteer, heights: readonly Height[] = []): ToolSuite<State> {
  return {
    validActions: [
      'get_user_current_date', 'get_user_current_location', 'get_historical_temp', 'get_historical_rain', 'get_historical_snow',
      'get_snow_forecast', 'get_current_snow', 'get_current_temp', 'get_latitude_longitude', 'get_elevation', 'get_temp_forecast',
      'get_rain_forecast', 'get_current_rain', 'get_distance', 'get_historical_air_quality_index', 'get_current_air_quality_index',
      'get_air_quality_level', 'check_valid_actions', 'finish',
    ],
    start: (task: ToolTask) => {
      if (!task.init) throw new Error(`Weather task ${task.id} has no init_config`);
      return { cities, date: task.init.current_date, location: task.init.current_location };
    },
    tools: {
      get_user_current_date: { args: [], run: (_, s) => ok(s.date) },
      get_user_current_location: { args: [], run: (_, s) => ok(s.location) },
      get_historical_temp: rangeTool(TEMP, 'historical'),
      get_historical_rain: rangeTool(RAIN, 'historical'),
      get_historical_snow: rangeTool(SNOW, 'historical'),
      get_temp_forecast: rangeTool(TEMP, 'forecast'),
      get_rain_forecast: rangeTool(RAIN, 'forecast'),
      get_snow_forecast: rangeTool(SNOW, 'forecast'),
      get_current_temp: dayTool(TEMP),
      get_current_rain: dayTool(RAIN),
      get_current_snow: dayTool(SNOW),
      get_historical_air_quality_index: rangeTool('aqi', 'historical'),
      get_current_air_quality_index: dayTool('aqi'),
      get_air_quality_level: { args: ['air_quality_index'], run: ([v]) => ok(aqiLevel(v)) },
      get_latitude_longitude: {
        args: ['name'],
        run: ([name], s) => {
          if (name === null) return apiError("Parameter 'name' is required");
          const found = s.cities.search(typeof name === 'string' ? name : pyRepr(name));
          // open-meteo omits "results" when nothing matches; the tool's cleaning then raises.
          if (found.length === 0) throw new PyError('KeyError', "'results'");
          return ok(dict({ results: found.map(([n, lat, lon, cc]) => dict({ name: n, latitude: lat, longitude: lon, country_code: cc })) }));
        },
      },
      get_elevation: {
        args: ['latitude', 'longitude'],
        run: ([lat, lon]) => {
          const la = coordinate(lat, 'latitude');
          if (typeof la !== 'number') return la;
          const lo = coordinate(lon, 'longitude');
          if (typeof lo !== 'number') return lo;
          const known = heights.find(([y, x]) => Math.abs(y - la) < NEAR && Math.abs(x - lo) < NEAR);
          return ok(dict({ elevation: [known ? known[2] : elevation(la, lo)] }));
        },
      },
      get_distance: {
        args: ['latitude1', 'longitude1', 'latitude2', 'longitude2'],
        run: (a) => {
          const [la1, lo1, la2, lo2] = a.map(pyFloat);
          if (Math.abs(la1) > 90 || Math.abs(la2) > 90) throw new PyError('ValueError', 'Latitude must be in the [-90; 90] range.');
          return ok(geodesicKm(la1, lo1, la2, lo2));
        },
      },
    },
    // The subgoal of a temperature query is its times only: AgentGym drops the three series.
    clean: (r) => {
      if (!isDict(r) || !isDict(r.get('daily') ?? null) || !(r.get('daily') as Map<string, PyValue>).has('temperature_2m_max')) return r;
      const daily = new Map(r.get('daily') as Map<string, PyValue>);
      for (const k of ['temperature_2m_max', 'temperature_2m_min', 'temperature_2m_mean']) daily.delete(k);
      return new Map([...r, ['daily', daily]]);
    },
    matches: (gold, got) => {
      if (!isDict(gold) || !gold.has('latitude') || !gold.has('longitude')) return undefined;
      if (!isDict(got) || !got.has('latitude') || !got.has('longitude')) return false;
      const [a, b, c, d] = [gold.get('latitude'), gold.get('longitude'), got.get('latitude'), got.get('longitude')].map((v) => asFloat(v!) ?? NaN);
      const rest = (m: Map<string, PyValue>) => new Map([...m].filter(([k]) => k !== 'latitude' && k !== 'longitude'));
      return haversineKm(a, b, c, d) < 50 && pyEquals(rest(gold), rest(got));
    },
    report: (reward) => (reward > 0 ? 1 : 0),
  };
}
