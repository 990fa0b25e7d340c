import { describe, expect, it } from 'vitest';
import { call, openToolEnv, oracleOnAllRecomputed, toolEnvBasics } from '../testing/tool-envs.ts';
import { geodesicKm, weatherOn } from './climate.ts';
import { weather } from './manifest.ts';
import { TEMPLATES } from './solutions.ts';

/** Tasks no answer can be defined for in our world (or any run within Weather's 10 rounds). */
const UNDEFINABLE: Record<number, string> = {
  212: "the base and the summit of Kilimanjaro: the goal names one place, and a place has one elevation",
  214: "the highest and lowest ski resort around Lake Tahoe: the goal names no resort, and no tool lists any",
  299: 'the snowiest day of the past year: 365 days take 12 queries of at most 31 days, beyond the 10 rounds',
};

describe('Weather', () => {
  toolEnvBasics(weather, TEMPLATES);
  oracleOnAllRecomputed(weather, 340, UNDEFINABLE);

  it('answers with open-meteo shapes and Toolusage texts', async () => {
    const env = await openToolEnv(weather);
    env.reset(0); // 2023-06-15, New York
    expect(call(env, 'get_user_current_location', '{}')).toBe('New York');
    expect(call(env, 'get_user_current_date', '{}')).toBe('2023-06-15');
    expect(call(env, 'get_latitude_longitude', '{"name": "Paris"}')).toBe("{'results': [{'name': 'Paris', 'latitude': 48.86669, 'longitude': 2.33334, 'country_code': 'FR'}]}");
    // Exact names first, by population, then names that start with the query.
    expect(call(env, 'get_latitude_longitude', '{"name": "portland"}')).toMatch(/^\{'results': \[\{'name': 'Portland', 'latitude': 45\.52002, .*'name': 'Portland', 'latitude': 43\.67216/);
    expect(call(env, 'get_latitude_longitude', '{"name": "Atlantis Undersea"}')).toBe("ERROR | KeyError('results')");
    const d = weatherOn(40.7, -74, 19522);
    expect(call(env, 'get_historical_temp', "{'latitude': 40.74998, 'longitude': -73.98002, 'start_date': '2023-06-14', 'end_date': '2023-06-14'}")).toBe(
      `{'latitude': 40.7, 'longitude': -74.0, 'daily_units': {'time': 'iso8601', 'temperature_2m_max': '°C', 'temperature_2m_min': '°C', 'temperature_2m_mean': '°C'}, 'daily': {'time': ['2023-06-14'], 'temperature_2m_max': [${d.tMax.toFixed(1)}], 'temperature_2m_min': [${d.tMin.toFixed(1)}], 'temperature_2m_mean': [${d.tMean.toFixed(1)}]}}`,
    );
    expect(call(env, 'get_current_rain', '{"latitude": 40.7, "longitude": -74, "current_date": "2023-06-15"}')).toMatch(
      /^\{'latitude': 40\.7, 'longitude': -74\.0, 'daily_units': \{'time': 'iso8601', 'rain_sum': 'mm'\}, 'daily': \{'time': \['2023-06-15'\], 'rain_sum': \[\d+\.\d\]\}\}$/,
    );
    expect(call(env, 'get_current_air_quality_index', '{"latitude": 40.7, "longitude": -74, "current_date": "2023-06-15"}')).toMatch(
      /'daily_units': \{'time': 'iso8601', 'european_aqi_pm2_5': 'EAQI'\}, 'daily': \{'time': \['2023-06-15T12:00'\], 'european_aqi_pm2_5': \[\d+\]\}\}$/,
    );
    expect(call(env, 'get_elevation', '{"latitude": 40.7, "longitude": -74}')).toMatch(/^\{'elevation': \[\d+\.0\]\}$/);
    // Places goals name that are not cities have their real coordinates and elevation (the Alps: Mont Blanc).
    expect(call(env, 'get_latitude_longitude', '{"name": "Alps"}')).toBe("{'results': [{'name': 'Alps', 'latitude': 45.8326, 'longitude': 6.8652, 'country_code': 'FR'}]}");
    expect(call(env, 'get_elevation', '{"latitude": 45.83, "longitude": 6.87}')).toBe("{'elevation': [4806.0]}");
    expect(Number(call(env, 'get_distance', '{"latitude1": 0, "longitude1": 0, "latitude2": 0, "longitude2": 1}'))).toBeCloseTo(111.319491, 5);
    expect(['20', '20.5', '21', '40', '100', '101'].map((x) => call(env, 'get_air_quality_level', `{"air_quality_index": ${x}}`))).toEqual(['good', 'extremely poor', 'extremely poor', 'fair', 'very poor', 'extremely poor']);
    expect(call(env, 'get_air_quality_level', '{"air_quality_index": "3"}')).toBe("ERROR | TypeError('<=' not supported between instances of 'str' and 'int')");
  });

  it("enforces the date rules with AgentGym's error texts", async () => {
    const env = await openToolEnv(weather);
    env.reset(0); // today is 2023-06-15
    const q = (tool: string, from: string, to: string) => call(env, tool, `{"latitude": 40.7, "longitude": -74, "start_date": "${from}", "end_date": "${to}"}`);
    expect(q('get_historical_temp', '2023-06-15', '2023-06-15')).toBe('Error: start_date should be earlier than current_date');
    expect(q('get_historical_rain', '2023-06-10', '2023-06-16')).toBe('Error: end_date should be earlier than current_date');
    expect(q('get_temp_forecast', '2023-06-15', '2023-06-16')).toBe('Error: start_date should be later than current_date');
    expect(q('get_snow_forecast', '2023-06-16', '2023-06-15')).toBe('Error: end_date should be later than current_date');
    expect(q('get_historical_temp', '2023-04-01', '2023-05-10')).toMatch(/^Error: Sorry, at present, we support a maximum time span of 30 days between start_date and end_date/);
    expect(q('get_historical_temp', '2023-06-31', '2023-06-01')).toBe('ERROR | ValueError(day is out of range for month)');
    expect(q('get_historical_temp', 'June 1', '2023-06-01')).toBe("ERROR | ValueError(time data 'June 1' does not match format '%Y-%m-%d')");
    expect(call(env, 'get_historical_temp', '{"latitude": 40.7, "longitude": -74, "start_date": "2023-06-01"}')).toBe("ERROR | KeyError('end_date')");
    expect(q('get_historical_temp', '2023-06-10', '2023-06-01')).toBe('{"reason":"End-date must be larger or equals than start-date","error":true}');
  });

  it('reports any progress as reward 1.0 (AgentGym binarises Weather)', async () => {
    const env = await openToolEnv(weather);
    env.reset(0);
    const gold = env.detail().answer as string[];
    expect(env.step('Action: finish with Action Input: {"answer": -1000.5}')).toMatchObject({ reward: 0, done: true });
    env.reset(0);
    expect(env.step(`Action: finish with Action Input: {"answer": ${gold[0]}}`)).toMatchObject({ reward: 1, done: true });
  });

  it('models a plausible climate: warm summers, cold winters, by hemisphere', () => {
    const mean = (lat: number, lon: number, from: number) => {
      let s = 0;
      for (let d = from; d < from + 30; d++) s += weatherOn(lat, lon, d).tMean;
      return s / 30;
    };
    const jan = 19358; // 2023-01-01
    const jul = 19539; // 2023-07-01
    expect(mean(40.7, -74, jul) - mean(40.7, -74, jan)).toBeGreaterThan(12);
    expect(mean(-33.9, 151.2, jan) - mean(-33.9, 151.2, jul)).toBeGreaterThan(6);
    expect(mean(1.3, 103.8, jan)).toBeGreaterThan(20);
    expect(geodesicKm(40.74998, -73.98002, 40.43, -80)).toBeGreaterThan(500);
  });
});
