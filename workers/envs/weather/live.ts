/**
 * Weather's live mode: the tools that call open-meteo in AgentGym's weather_tools.py, with its
 * endpoints, parameters and reply cleaning, sent through the injected backend. The date rules and
 * the 30-day cap run first, as offline; the local tools (date, location, distance, AQI level,
 * finish) stay offline.
 */
import type { LiveBackend } from '../contract.ts';
import type { LiveTool, ToolOutcome } from '../tools/engine.ts';
import { getJson, item, list, query, without } from '../tools/live.ts';
import { isDict, PyError, typeName, type PyDict, type PyValue } from '../tools/py.ts';
import { dateRules, type Rule, type State } from './world.ts';

export const OPEN_METEO = {
  archive: 'https://archive-api.open-meteo.com/v1/archive',
  geocoding: 'https://geocoding-api.open-meteo.com/v1/search',
  airQuality: 'https://air-quality-api.open-meteo.com/v1/air-quality',
  elevation: 'https://api.open-meteo.com/v1/elevation',
} as const;

/** What the daily tools strip from an archive or air-quality reply. */
const REPLY_NOISE = ['elevation', 'generationtime_ms', 'timezone', 'timezone_abbreviation', 'utc_offset_seconds'];

type Outcome = Promise<ToolOutcome>;

/** A reply the tool calls `.keys()` on. */
function dict(v: PyValue): PyDict {
  if (!isDict(v)) throw new PyError('AttributeError', `'${typeName(v)}' object has no attribute 'keys'`);
  return v;
}

/** The archive API for one daily series over a range, after the tool's own checks. */
async function archive(daily: string, rule: Rule, [latitude, longitude, start, end]: PyValue[], s: State, b: LiveBackend): Outcome {
  const refused = dateRules(rule, start, end, s);
  if (refused) return refused;
  const reply = await getJson(b, {
    url: OPEN_METEO.archive,
    query: query({ latitude, longitude, start_date: start, end_date: end, timezone: 'GMT', daily }),
  });
  return reply.ok ? { ok: true, result: without(dict(reply.body), REPLY_NOISE) } : { ok: false, result: reply.text };
}

/** The air-quality API's hourly PM2.5 index, kept at 12:00 of each day and called daily. */
async function airQuality(rule: Rule, [latitude, longitude, start, end]: PyValue[], s: State, b: LiveBackend): Outcome {
  const refused = dateRules(rule, start, end, s);
  if (refused) return refused;
  const reply = await getJson(b, {
    url: OPEN_METEO.airQuality,
    query: query({ latitude, longitude, start_date: start, end_date: end, timezone: 'GMT', hourly: 'european_aqi_pm2_5' }),
  });
  if (!reply.ok) return { ok: false, result: reply.text };
  const r = without(dict(reply.body), REPLY_NOISE);
  // The tool reuses the hourly dict, so its keys keep the reply's order.
  const hourly = new Map(dict(item(r, 'hourly')));
  const times = list(item(hourly, 'time'));
  const values = list(item(hourly, 'european_aqi_pm2_5'));
  const days = Math.floor(times.length / 24);
  const noon = (xs: PyValue[]) =>
    Array.from({ length: days }, (_, i) => {
      if (24 * i + 12 >= xs.length) throw new PyError('IndexError', 'list index out of range');
      return xs[24 * i + 12];
    });
  hourly.set('european_aqi_pm2_5', noon(values));
  hourly.set('time', noon(times));
  return {
    ok: true,
    result: new Map<string, PyValue>([
      ['latitude', item(r, 'latitude')],
      ['longitude', item(r, 'longitude')],
      ['daily_units', item(r, 'hourly_units')],
      ['daily', hourly],
    ]),
  };
}

/** The geocoding reply with ids, admin areas, elevation, timezone, population and postcodes dropped. */
function cleanPlaces(body: PyValue): PyValue {
  const r = dict(body);
  const results = list(item(r, 'results')).map((place) => {
    let p = dict(place);
    // As the tool does: "country" goes whenever "country_code" is there (a KeyError if it is not).
    if (p.has('country_code')) {
      item(p, 'country');
      p = without(p, ['country']);
    }
    p = without(p, ['elevation', 'feature_code', 'country_id', 'admin1_id', 'timezone', 'population', 'postcodes']);
    return new Map([...p].filter(([k]) => !k.endsWith('id') && !k.includes('admin')));
  });
  return without(new Map([...r].map(([k, v]) => [k, k === 'results' ? results : v])), ['generationtime_ms']);
}

const range = (daily: string, rule: Rule): LiveTool<State> => ({
  args: ['latitude', 'longitude', 'start_date', 'end_date'],
  run: (a, s, b) => archive(daily, rule, a, s, b),
});
const oneDay = (daily: string): LiveTool<State> => ({
  args: ['latitude', 'longitude', 'current_date'],
  run: ([lat, lon, d], s, b) => archive(daily, 'none', [lat, lon, d, d], s, b),
});

const TEMP = 'temperature_2m_max,temperature_2m_min,temperature_2m_mean';

export const weatherLiveTools: Readonly<Record<string, LiveTool<State>>> = {
  get_historical_temp: range(TEMP, 'historical'),
  get_historical_rain: range('rain_sum', 'historical'),
  get_historical_snow: range('snowfall_sum', 'historical'),
  get_temp_forecast: range(TEMP, 'forecast'),
  get_rain_forecast: range('rain_sum', 'forecast'),
  get_snow_forecast: range('snowfall_sum', 'forecast'),
  get_current_temp: oneDay(TEMP),
  get_current_rain: oneDay('rain_sum'),
  get_current_snow: oneDay('snowfall_sum'),
  get_historical_air_quality_index: {
    args: ['latitude', 'longitude', 'start_date', 'end_date'],
    run: (a, s, b) => airQuality('historical', a, s, b),
  },
  get_current_air_quality_index: {
    args: ['latitude', 'longitude', 'current_date'],
    run: ([lat, lon, d], s, b) => airQuality('none', [lat, lon, d, d], s, b),
  },
  get_latitude_longitude: {
    args: ['name'],
    run: async ([name], _, b) => {
      const reply = await getJson(b, { url: OPEN_METEO.geocoding, query: query({ name, count: 3n, language: 'en', format: 'json' }) });
      return reply.ok ? { ok: true, result: cleanPlaces(reply.body) } : { ok: false, result: reply.text };
    },
  },
  get_elevation: {
    args: ['latitude', 'longitude'],
    run: async ([latitude, longitude], _, b) => {
      const reply = await getJson(b, { url: OPEN_METEO.elevation, query: query({ latitude, longitude }) });
      return reply.ok ? { ok: true, result: reply.body } : { ok: false, result: reply.text };
    },
  },
};
