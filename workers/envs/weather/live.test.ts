/** Weather's live mode against a loopback stand-in for open-meteo: requests as AgentGym sends them, replies as it prints them. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { nodeDataSource } from '../../node-data-source.ts';
import { EnvSession } from '../../session.ts';
import { replyCache } from '../../live-cache.ts';
import { startLiveApis, type LiveApis } from '../../../testing/live-apis.ts';
import { weather } from './manifest.ts';

const act = (tool: string, input: string) => `Thought: t\nAction: ${tool} with Action Input: ${input}`;
const said = (observation: string) => observation.replace(/^Observation: /, '').replace(/\nGive me one action\.$/, '');

const GEOCODING = JSON.stringify({
  results: [
    { id: 5128581, name: 'New York', latitude: 40.71427, longitude: -74.00597, elevation: 10.0, feature_code: 'PPL', country_code: 'US', admin1_id: 5128638, admin2_id: 5128594, timezone: 'America/New_York', population: 8175133, postcodes: ['10001'], country_id: 6252001, country: 'United States', admin1: 'New York', admin2: 'New York County' },
  ],
  generationtime_ms: 0.81,
}).replace('"elevation":10,', '"elevation":10.0,');

const ARCHIVE =
  '{"latitude":40.710335,"longitude":-73.99307,"generationtime_ms":0.05,"utc_offset_seconds":0,"timezone":"GMT","timezone_abbreviation":"GMT","elevation":32.0,' +
  '"daily_units":{"time":"iso8601","temperature_2m_max":"\\u00b0C","temperature_2m_min":"\\u00b0C","temperature_2m_mean":"\\u00b0C"},' +
  '"daily":{"time":["2023-06-14"],"temperature_2m_max":[23.6],"temperature_2m_min":[14.0],"temperature_2m_mean":[18.5]}}';

const hours = Array.from({ length: 24 }, (_, h) => `"2023-06-15T${String(h).padStart(2, '0')}:00"`);
const AIR =
  '{"latitude":40.7,"longitude":-74.0,"generationtime_ms":0.1,"utc_offset_seconds":0,"timezone":"GMT","timezone_abbreviation":"GMT","elevation":51.0,' +
  `"hourly_units":{"time":"iso8601","european_aqi_pm2_5":"EAQI"},"hourly":{"time":[${hours}],"european_aqi_pm2_5":[${hours.map((_, h) => h + 3)}]}}`;

let apis: LiveApis;

beforeEach(async () => {
  // Each test sees the service afresh: replies cached by an earlier test would hide its requests.
  await replyCache().clear();
  apis = await startLiveApis({
    'geocoding-api.open-meteo.com/v1/search': (q) => ({ body: q.get('name') === 'Nowhere at all' ? '{"generationtime_ms":0.2}' : GEOCODING }),
    'archive-api.open-meteo.com/v1/archive': (q) =>
      q.get('daily') === 'rain_sum' ? { status: 400, body: '{"reason":"Parameter \'start_date\' is out of allowed range","error":true}' } : { body: ARCHIVE },
    'air-quality-api.open-meteo.com/v1/air-quality': { body: AIR },
    'api.open-meteo.com/v1/elevation': { body: '{"elevation":[10.0]}' },
  });
  vi.stubGlobal('fetch', apis.fetch);
});

afterEach(async () => {
  vi.unstubAllGlobals();
  await apis.close().catch(() => {});
});

describe('Weather in live mode', () => {
  it('calls open-meteo with AgentGym parameters and prints the cleaned replies', async () => {
    const s = await EnvSession.open(weather, nodeDataSource, { live: {} });
    await s.reset(0); // New York, 2023-06-15: "the average temperature yesterday"
    expect(said((await s.step(act('get_latitude_longitude', '{"name": "New York"}'))).observation)).toBe(
      "{'results': [{'name': 'New York', 'latitude': 40.71427, 'longitude': -74.00597, 'country_code': 'US'}]}",
    );
    expect(apis.seen.at(-1)).toMatchObject({ host: 'geocoding-api.open-meteo.com', path: '/v1/search', query: [['name', 'New York'], ['count', '3'], ['language', 'en'], ['format', 'json']] });

    const temp = await s.step(act('get_historical_temp', '{"latitude": 40.71427, "longitude": -74.00597, "start_date": "2023-06-14", "end_date": "2023-06-14"}'));
    expect(said(temp.observation)).toBe(
      "{'latitude': 40.710335, 'longitude': -73.99307, 'daily_units': {'time': 'iso8601', 'temperature_2m_max': '°C', 'temperature_2m_min': '°C', 'temperature_2m_mean': '°C'}, 'daily': {'time': ['2023-06-14'], 'temperature_2m_max': [23.6], 'temperature_2m_min': [14.0], 'temperature_2m_mean': [18.5]}}",
    );
    expect(apis.seen.at(-1)).toMatchObject({
      host: 'archive-api.open-meteo.com',
      path: '/v1/archive',
      query: [['latitude', '40.71427'], ['longitude', '-74.00597'], ['start_date', '2023-06-14'], ['end_date', '2023-06-14'], ['timezone', 'GMT'], ['daily', 'temperature_2m_max,temperature_2m_min,temperature_2m_mean']],
    });

    expect(said((await s.step(act('get_current_air_quality_index', '{"latitude": 40.7, "longitude": -74, "current_date": "2023-06-15"}'))).observation)).toBe(
      "{'latitude': 40.7, 'longitude': -74.0, 'daily_units': {'time': 'iso8601', 'european_aqi_pm2_5': 'EAQI'}, 'daily': {'time': ['2023-06-15T12:00'], 'european_aqi_pm2_5': [15]}}",
    );
    // An int argument goes out as Python prints it.
    expect(apis.seen.at(-1)?.query).toEqual([['latitude', '40.7'], ['longitude', '-74'], ['start_date', '2023-06-15'], ['end_date', '2023-06-15'], ['timezone', 'GMT'], ['hourly', 'european_aqi_pm2_5']]);

    expect(said((await s.step(act('get_elevation', '{"latitude": 40.71, "longitude": -74.01}'))).observation)).toBe("{'elevation': [10.0]}");
    const picture = (await s.current()).picture;
    expect(picture).toMatchObject({ kind: 'cards', cards: [{ title: 'get_latitude_longitude', tone: 'ok' }, { title: 'get_historical_temp' }, { title: 'get_current_air_quality_index' }, { title: 'get_elevation' }] });

    // Scored against AgentGym's own answer (18.5 °C), not the offline world's.
    expect(await s.step(act('finish', '{"answer": 18.5}'))).toMatchObject({ reward: 1, done: true });
  });

  it('caches replies per request: a rerun of the same call asks the service nothing', async () => {
    const call = act('get_elevation', '{"latitude": 40.71, "longitude": -74.01}');
    const first = await EnvSession.open(weather, nodeDataSource, { live: {} });
    await first.reset(0);
    const reply = (await first.step(call)).observation;
    expect(apis.seen).toHaveLength(1);
    const rerun = await EnvSession.open(weather, nodeDataSource, { live: {} });
    await rerun.reset(0);
    expect((await rerun.step(call)).observation).toBe(reply);
    // Another argument is another request.
    await rerun.step(act('get_elevation', '{"latitude": 40.72, "longitude": -74.01}'));
    expect(apis.seen.map((r) => r.query)).toEqual([
      [['latitude', '40.71'], ['longitude', '-74.01']],
      [['latitude', '40.72'], ['longitude', '-74.01']],
    ]);
  });

  it('keeps the date rules local and returns API errors and missing keys as AgentGym does', async () => {
    const s = await EnvSession.open(weather, nodeDataSource, { live: {} });
    await s.reset(0);
    const before = apis.seen.length;
    expect(said((await s.step(act('get_temp_forecast', '{"latitude": 1, "longitude": 2, "start_date": "2023-06-01", "end_date": "2023-06-02"}'))).observation)).toBe(
      'Error: start_date should be later than current_date',
    );
    expect(apis.seen.length).toBe(before);
    expect(said((await s.step(act('get_historical_rain', '{"latitude": 1, "longitude": 2, "start_date": "2023-06-01", "end_date": "2023-06-02"}'))).observation)).toBe(
      '{"reason":"Parameter \'start_date\' is out of allowed range","error":true}',
    );
    expect(said((await s.step(act('get_latitude_longitude', '{"name": "Nowhere at all"}'))).observation)).toBe("ERROR | KeyError('results')");
    await apis.close();
    expect(said((await s.step(act('get_elevation', '{"latitude": 1, "longitude": 2}'))).observation)).toMatch(
      /^ERROR \| ConnectionError\(HTTPSConnectionPool\(host='api\.open-meteo\.com', port=443\): Max retries exceeded with url: \/v1\/elevation \(Caused by .+\)\)$/,
    );
  });

  it('is off by default: without the switch no request leaves and answers are the offline world\'s', async () => {
    const s = await EnvSession.open(weather, nodeDataSource);
    await s.reset(0);
    const r = await s.step(act('get_latitude_longitude', '{"name": "New York"}'));
    expect(said(r.observation)).toMatch(/^\{'results': \[\{'name': 'New York'/);
    await s.step(act('finish', '{"answer": 18.5}'));
    expect(apis.seen).toEqual([]);
    expect(s.env.detail?.()).toMatchObject({ recomputed: true });
  });
});

describe('Weather served live over AgentGym\'s routes (npm run serve -- --live weather)', () => {
  it('answers /step from the service', async () => {
    const { createServer } = await import('node:http');
    const { createHttpApp } = await import('../../../server/http-app.ts');
    const server = createServer(createHttpApp({ epoch: 0, live: { weather: {} } }));
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}/weather`;
    try {
      const post = (path: string, body: unknown) => fetch(`${base}${path}`, { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }).then((r) => r.json());
      const env_idx = await post('/create', { id: 0 });
      const r = await post('/step', { env_idx, action: 'Action: get_elevation with Action Input: {"latitude": 40.71, "longitude": -74.01}' });
      expect(r).toEqual({ observation: "Observation: {'elevation': [10.0]}\nGive me one action.", reward: 0, done: false });
      expect(apis.seen.map((s) => s.host)).toEqual(['api.open-meteo.com']);
    } finally {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    }
  });
});
