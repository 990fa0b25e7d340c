/**
 * Weather's offline world: the gazetteer of `city-timezones` (7,329 cities with coordinates,
 * country and population; MIT) and the non-city places goals name (weather-places.ts), written
 * compactly for the geocoding tool, and AgentGym's 343 tasks
 * with answers recomputed by the reference programs against the climate model (climate.ts).
 * Coordinates keep open-meteo's 5 decimals; the ASCII name is kept where it differs.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { solveWeather } from '../../workers/envs/weather/solutions.ts';
import { Gazetteer, weatherSuite, type City, type Height } from '../../workers/envs/weather/world.ts';
import type { DataGenerator } from './index.ts';
import { readTaskFile, recompute } from './tools-tasks.ts';
import { EXTRA_PLACES } from './weather-places.ts';

interface RawCity {
  city: string;
  city_ascii: string;
  lat: number;
  lng: number;
  pop: number;
  /** -99 for a few disputed places (Kosovo, Northern Cyprus...), which have no ISO code. */
  iso2: string | number;
}

export function readCities(): City[] {
  const dir = dirname(createRequire(import.meta.url).resolve('city-timezones'));
  const raw: unknown = JSON.parse(readFileSync(join(dir, 'data', 'cityMap.json'), 'utf8'));
  if (!Array.isArray(raw)) throw new Error('city-timezones: expected an array of cities');
  const r5 = (x: number) => Math.round(x * 1e5) / 1e5;
  return (raw as RawCity[]).map((c, i) => {
    if (typeof c.city !== 'string' || !Number.isFinite(c.lat) || !Number.isFinite(c.lng) || typeof c.city_ascii !== 'string') throw new Error(`city-timezones: bad city ${i}`);
    const city: City = [c.city, r5(c.lat), r5(c.lng), typeof c.iso2 === 'string' ? c.iso2 : '', Math.round(c.pop ?? 0)];
    if (c.city_ascii !== c.city) city.push(c.city_ascii);
    return city;
  });
}

export const weatherData: DataGenerator = () => {
  const cities = [...readCities(), ...EXTRA_PLACES.map(([c]) => c)];
  const heights: Height[] = EXTRA_PLACES.map(([[, lat, lon], metres]) => [lat, lon, metres]);
  const tasks = recompute(readTaskFile('weather'), weatherSuite(new Gazetteer(cities), heights), solveWeather);
  return { 'tools-weather.json': JSON.stringify({ cities, heights, tasks }) + '\n' };
};
